/**
 * `ppk deal-regs import` against a local org, end to end: for portal exports of 1k, 10k and 100k
 * registrations (`--quick`: 1k and 10k), a fresh org seeded with 20 partners and 2,000 customer
 * accounts (half with an open opportunity), the real CLI run twice on the same file. Reports wall
 * time, the API calls the org counted (as its DailyApiRequests would), the write calls, and the
 * physical minimum of write calls; the second, unchanged run should write nothing.
 *   node --import tsx scripts/bench/syncImport.ts [--quick | --sizes 1000,5000] [--json]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Connection } from '@jsforce/jsforce-node';
import { stringify } from 'csv-stringify/sync';
import {
  DEAL_TYPES,
  ENGAGEMENTS
} from '../../force-app/main/default/lwc/partnerProgram/partnerProgram.ts';
import { startLocalOrg } from '../../local-org/server.ts';
import { loadSchema } from '../lib/sfMetadata.ts';
import type { SyncResult } from '../lib/sync/report.ts';
import { DEFAULT_BULK_THRESHOLD } from '../lib/sync/write.ts';
import { generateCustomers, seededRandom } from './syntheticCustomers.ts';

const CUSTOMERS = 2000;
const PARTNERS = 20;
const AS_OF = '2026-11-23';
const root = join(import.meta.dirname, '..', '..');

interface RunFigures {
  seconds: number;
  apiCalls: number;
  writeCalls: number;
  written: number;
  unchanged: number;
  conflictsWritten: number;
}

export interface SyncImportResult {
  registrations: number;
  matched: number;
  /** Collection calls for N upserts (ceil(N/200)), or 1 Bulk API 2.0 job above the threshold. */
  minimumWriteCalls: number;
  first: RunFigures;
  second: RunFigures;
}

async function createAll(
  conn: Connection,
  object: string,
  records: Record<string, unknown>[]
): Promise<string[]> {
  const results = await conn
    .sobject(object)
    .create(records, { allOrNone: true, allowRecursive: true });
  return results.map((r) => {
    if (!r.success || !r.id) throw new Error(`${object}: ${JSON.stringify(r)}`);
    return r.id;
  });
}

/**
 * The org's base: partners, customers (with CRM look-alikes and duplicates), open opportunities.
 * The rules static resource is there already: the local org deploys the project's at start.
 */
async function seedOrg(conn: Connection): Promise<string[]> {
  const regions = ['AMER', 'EMEA', 'APAC', 'PubSec'];
  const partners = await createAll(
    conn,
    'Account',
    Array.from({ length: PARTNERS }, (_, i) => ({
      Name: `Bench Partner ${i + 1}`,
      Partner_Type__c: 'VAR',
      Partner_Track__c: i % 3 === 0 ? 'Select' : 'Open',
      Partner_Status__c: 'Authorized',
      Partner_Region__c: regions[i % regions.length]
    }))
  );
  const { accounts } = generateCustomers(CUSTOMERS, 0, 7);
  const customers = await createAll(
    conn,
    'Account',
    accounts.map((a) => ({
      Name: a.name,
      Website: a.website || null,
      BillingCountry: a.billingCountry
    }))
  );
  await createAll(
    conn,
    'Opportunity',
    customers
      .filter((_, i) => i % 2 === 0)
      .map((AccountId, i) => ({
        Name: `Bench opportunity ${i + 1}`,
        AccountId,
        StageName: i % 3 === 0 ? 'Qualification' : 'Prospecting',
        CloseDate: '2027-03-31'
      }))
  );
  return partners;
}

/** The portal export: customers as partners type them (typos, legal forms, e-mail domains) and new ones. */
function writeExport(file: string, size: number, partners: readonly string[]): void {
  const { registrations } = generateCustomers(CUSTOMERS, size, 7);
  const random = seededRandom(size);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const rows = registrations.map((r, i) => ({
    Registration_Id: `BENCH-${r.externalId}`,
    Partner: pick(partners),
    Customer: r.customerName,
    Domain: r.customerDomain,
    Country: r.customerCountry,
    Type: pick(DEAL_TYPES),
    Engagement: pick(ENGAGEMENTS),
    Amount: String(Math.round(random() * 50_000_00) / 100),
    Submitted: new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000).toISOString(),
    Tender: random() < 0.05 ? 'yes' : 'no'
  }));
  writeFileSync(file, stringify(rows, { header: true }));
}

function runImport(
  file: string,
  dataDir: string
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'bin', 'ppk.js'),
        'deal-regs',
        'import',
        file,
        '--target-org',
        'local',
        '--as-of',
        AS_OF,
        '--json'
      ],
      {
        env: {
          ...process.env,
          PPK_TARGET_ORG: undefined,
          SF_ACCESS_TOKEN: undefined,
          SF_INSTANCE_URL: undefined,
          PPK_LOCAL_ORG_DIR: dataDir
        },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({
        status,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString()
      })
    );
  });
}

async function measure(
  file: string,
  dataDir: string,
  apiCalls: () => number
): Promise<{ figures: RunFigures; result: SyncResult }> {
  const before = apiCalls();
  const started = performance.now();
  const run = await runImport(file, dataDir);
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  if (run.status !== 0) {
    throw new Error(`ppk deal-regs import exited ${run.status}:\n${run.stderr.slice(-2000)}`);
  }
  const result = (JSON.parse(run.stdout) as { result: SyncResult }).result;
  return {
    result,
    figures: {
      seconds,
      apiCalls: apiCalls() - before,
      writeCalls: result.writeCalls,
      written: result.counts.written,
      unchanged: result.counts.unchanged,
      conflictsWritten: result.derived?.[0]?.counts.written ?? 0
    }
  };
}

async function benchSize(size: number): Promise<SyncImportResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ppk-bench-sync-'));
  const org = await startLocalOrg({ dataDir, port: 0, seed: 'none', schema: loadSchema() });
  try {
    const conn = new Connection({
      instanceUrl: org.instanceUrl,
      accessToken: org.accessToken,
      version: '62.0'
    });
    const partners = await seedOrg(conn);
    const file = join(dataDir, `portal-${size}.csv`);
    writeExport(file, size, partners);
    const first = await measure(file, dataDir, org.apiCalls);
    const second = await measure(file, dataDir, org.apiCalls);
    const matched = first.result.rows.filter(
      (r) => r.outcome.status === 'written' && !r.outcome.note
    ).length;
    return {
      registrations: size,
      matched,
      minimumWriteCalls: size > DEFAULT_BULK_THRESHOLD ? 1 : Math.ceil(size / 200),
      first: first.figures,
      second: second.figures
    };
  } finally {
    await org.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean' }, json: { type: 'boolean' }, sizes: { type: 'string' } }
  });
  const sizes = values.sizes
    ? values.sizes.split(',').map(Number)
    : values.quick
      ? [1_000, 10_000]
      : [1_000, 10_000, 100_000];
  const results: SyncImportResult[] = [];
  const log = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`);
  log(
    `deal-regs import into a local org (${PARTNERS} partners, ${CUSTOMERS} customers; bulk above ${DEFAULT_BULK_THRESHOLD})`
  );
  log(
    'registrations  run     wall s  API calls  write calls  min  written  conflicts written  matched'
  );
  for (const size of sizes) {
    const r = await benchSize(size);
    results.push(r);
    for (const [label, f] of [
      ['first', r.first],
      ['second', r.second]
    ] as const) {
      log(
        `${String(size).padEnd(14)} ${label.padEnd(6)} ${f.seconds.toFixed(2).padStart(7)}  ${String(f.apiCalls).padStart(9)}  ${String(f.writeCalls).padStart(11)}  ${String(label === 'first' ? r.minimumWriteCalls : 0).padStart(3)}  ${String(f.written).padStart(7)}  ${String(f.conflictsWritten).padStart(17)}  ${label === 'first' ? `${Math.round((100 * r.matched) / size)}%` : ''}`
      );
    }
  }
  log('Target: the second, unchanged run makes zero write calls.');
  if (values.json) process.stdout.write(`${JSON.stringify({ syncImport: results })}\n`);
}

await main();
