/**
 * An import killed mid-write (SIGKILL: no cleanup, no final report) and run again converges:
 * every row of the file is in the org once with the file's values, the conflict status of the
 * registrations written before the kill is computed too, and a third run writes nothing.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { stringify } from 'csv-stringify/sync';
import { generateCustomers } from '../../scripts/bench/syntheticCustomers.ts';
import type { SyncResult } from '../../scripts/lib/sync/report.ts';
import {
  createAll,
  deployRules,
  jsonResult,
  ppkLocal,
  startTestOrg,
  type TestOrg
} from './localOrg.ts';

const ROWS = 4000;
const AS_OF = '2026-11-23';
const ppk = fileURLToPath(new URL('../../bin/ppk.js', import.meta.url));
let t: TestOrg;
let file: string;
let partners: string[];
const work = mkdtempSync(join(tmpdir(), 'ppk-kill-'));

interface ExportRow {
  External_Id: string;
  Partner_Account: string;
  Customer_Name: string;
  Customer_Domain: string;
  Customer_Country: string;
  Deal_Type: string;
  Engagement: string;
  Estimated_Amount: string;
  Submitted_At: string;
}
let rows: ExportRow[];

before(async () => {
  t = await startTestOrg();
  await deployRules(t.conn);
  partners = await createAll(
    t.conn,
    'Account',
    ['Kill Partner A', 'Kill Partner B', 'Kill Partner C'].map((Name) => ({
      Name,
      Partner_Type__c: 'VAR',
      Partner_Track__c: 'Open',
      Partner_Status__c: 'Authorized',
      Partner_Region__c: 'EMEA'
    }))
  );
  const data = generateCustomers(80, ROWS, 11);
  const customers = await createAll(
    t.conn,
    'Account',
    data.accounts.map((a) => ({
      Name: a.name,
      Website: a.website || null,
      BillingCountry: a.billingCountry
    }))
  );
  await createAll(
    t.conn,
    'Opportunity',
    customers.slice(0, 40).map((AccountId, i) => ({
      Name: `Kill opportunity ${i}`,
      AccountId,
      StageName: 'Prospecting',
      CloseDate: '2027-03-31'
    }))
  );
  // Grouped by customer (new customers last), so the customers of the rows written before the
  // kill get no row after it: the rerun must still compute their registrations' conflict status.
  const order = (organisation: number) => (organisation < 0 ? Infinity : organisation);
  const byCustomer = [...data.registrations].sort(
    (a, b) => order(a.organisation) - order(b.organisation)
  );
  rows = byCustomer.map((r, i) => ({
    External_Id: `KILL-${i}`,
    Partner_Account: partners[i % partners.length],
    Customer_Name: r.customerName,
    Customer_Domain: r.customerDomain ?? '',
    Customer_Country: r.customerCountry ?? '',
    Deal_Type: i % 2 ? 'Resale' : 'Referral',
    Engagement: i % 3 ? 'Partner Sourced' : 'Assisted',
    Estimated_Amount: String(1000 + i),
    Submitted_At: `2026-${String(1 + (i % 9)).padStart(2, '0')}-15`
  }));
  file = join(work, 'portal.csv');
  writeFileSync(file, stringify(rows, { header: true }));
});
after(() => t.dispose());

const importArgs = () => [
  'deal-regs',
  'import',
  file,
  '--as-of',
  AS_OF,
  '--bulk-threshold',
  String(ROWS * 2),
  '--json'
];

const registrationCount = async () =>
  (await t.conn.query('SELECT COUNT() FROM Deal_Registration__c')).totalSize;

/** Starts the import and SIGKILLs it once the org holds some, but not all, of its records. */
async function importKilledMidWrite(): Promise<void> {
  const child = spawn(process.execPath, [ppk, ...importArgs(), '--target-org', 'local'], {
    env: { ...process.env, PPK_TARGET_ORG: undefined, PPK_LOCAL_ORG_DIR: t.dataDir },
    stdio: 'ignore'
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal))
  );
  let finished = false;
  void exited.then(() => (finished = true));
  for (;;) {
    const count = await registrationCount();
    // A few collection calls in (each takes 200 records), well before the last one.
    if (count >= 400) {
      child.kill('SIGKILL');
      assert.equal(await exited, 'SIGKILL', 'the import finished before it could be killed');
      return;
    }
    assert.ok(!finished, 'the import exited before writing anything');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

test('an import SIGKILLed mid-write, run again, holds every row once with its values; a third run writes nothing', async () => {
  await importKilledMidWrite();
  const atKill = await registrationCount();
  assert.ok(atKill < ROWS, `killed mid-write: ${atKill} of ${ROWS} written`);

  const rerun = await ppkLocal(t, importArgs());
  assert.equal(rerun.status, 0, rerun.stderr);
  const second = jsonResult<SyncResult>(rerun);
  assert.equal(second.counts.rows, ROWS);
  assert.equal(second.counts.rejected, 0);
  assert.ok(second.counts.unchanged >= atKill, 'rows written before the kill are not rewritten');
  assert.equal(second.counts.created, ROWS - second.counts.unchanged);

  const stored = (
    await t.conn.query<Record<string, unknown> & { External_Id__c: string }>(
      'SELECT External_Id__c, Partner_Account__c, Customer_Name__c, Deal_Type__c, Engagement__c, Estimated_Amount__c, Submitted_At__c, Status__c FROM Deal_Registration__c',
      { autoFetch: true, maxFetch: ROWS * 2 }
    )
  ).records;
  const byKey = new Map<string, Record<string, unknown>[]>();
  for (const r of stored) byKey.set(r.External_Id__c, [...(byKey.get(r.External_Id__c) ?? []), r]);
  assert.equal(stored.length, ROWS);
  for (const row of rows) {
    const found = byKey.get(row.External_Id) ?? [];
    assert.equal(found.length, 1, `${row.External_Id} is in the org exactly once`);
    const [r] = found;
    assert.deepEqual(
      {
        partner: String(r.Partner_Account__c).slice(0, 15),
        name: r.Customer_Name__c,
        type: r.Deal_Type__c,
        engagement: r.Engagement__c,
        amount: r.Estimated_Amount__c,
        submitted: Date.parse(String(r.Submitted_At__c)),
        status: r.Status__c
      },
      {
        partner: row.Partner_Account.slice(0, 15),
        name: row.Customer_Name,
        type: row.Deal_Type,
        engagement: row.Engagement,
        amount: Number(row.Estimated_Amount),
        submitted: Date.parse(`${row.Submitted_At}T00:00:00Z`),
        status: 'Submitted'
      },
      row.External_Id
    );
  }
  // The conflict status is derived after the writes: the rerun computed it for the rows the
  // killed run wrote too, so a full scan finds nothing to change.
  const scan = await ppkLocal(t, ['conflicts', 'scan', '--as-of', AS_OF, '--dry-run', '--json']);
  assert.equal(scan.status, 0, scan.stderr);
  assert.equal(jsonResult<SyncResult>(scan).counts.written, 0, 'every conflict status is current');

  const third = await ppkLocal(t, importArgs());
  assert.equal(third.status, 0, third.stderr);
  const last = jsonResult<SyncResult>(third);
  assert.equal(last.counts.unchanged, ROWS);
  assert.equal(last.writeCalls, 0);
});
