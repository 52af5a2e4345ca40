/**
 * Figures for the local org at volume (a script, not a test: it needs minutes and GBs):
 * start time empty and on a pre-generated volume data dir, RSS with the volume loaded, a selective
 * query by external id (median over N runs through jsforce), and a 100k-row Bulk API 2.0 upsert
 * through jsforce (wall time, API calls, created/updated/failed).
 *   node_modules/.bin/node --expose-gc --max-old-space-size=16000 --import tsx \
 *     scripts/bench/localOrg.ts --data-dir /tmp/ppk-1m [--accounts 1000000] [--runs 51] [--json]
 * The data dir is generated (`--seed volume --accounts N`) on the first run and reused after;
 * the generation time is reported separately from the start time.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Connection } from '@jsforce/jsforce-node';
import { startLocalOrg, type LocalOrg } from '../../local-org/server.ts';
import { loadSchema } from '../lib/sfMetadata.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    accounts: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '51' },
    'bulk-rows': { type: 'string', default: '100000' },
    json: { type: 'boolean', default: false }
  }
});
const accounts = Number(values.accounts);
const runs = Number(values.runs);
const bulkRows = Number(values['bulk-rows']);
const dataDir = values['data-dir'] ?? join(tmpdir(), `ppk-local-org-volume-${accounts}`);
const figures: Record<string, number | string> = { accounts };
const log = (message: string) => {
  if (!values.json) console.log(message);
};

const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const rssMb = () => {
  globalThis.gc?.();
  return Math.round(process.memoryUsage().rss / 1e6);
};
const connect = (org: LocalOrg) =>
  new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: '62.0' });

const schema = loadSchema();

// Start on an empty data dir.
const emptyDir = mkdtempSync(join(tmpdir(), 'ppk-bench-empty-'));
let start = process.hrtime.bigint();
const emptyOrg = await startLocalOrg({ dataDir: emptyDir, schema, seed: 'none' });
figures.startEmptyMs = Math.round(since(start));
await emptyOrg.stop();
rmSync(emptyDir, { recursive: true, force: true });
log(`start, empty data dir: ${figures.startEmptyMs} ms`);

// Generate the volume once; later runs reuse the data dir.
if (!existsSync(join(dataDir, 'org.json'))) {
  start = process.hrtime.bigint();
  const seeding = await startLocalOrg({
    dataDir,
    schema,
    seed: 'volume',
    volumeAccounts: accounts
  });
  await seeding.stop();
  figures.generateVolumeS = Number((since(start) / 1000).toFixed(1));
  log(`generate volume (${accounts} accounts, seed + snapshot): ${figures.generateVolumeS} s`);
}

start = process.hrtime.bigint();
const org = await startLocalOrg({ dataDir, schema });
figures.startVolumeMs = Math.round(since(start));
log(`start, volume data dir: ${figures.startVolumeMs} ms`);
const conn = connect(org);

let records = 0;
for (const object of ['Account', 'Opportunity', 'Deal_Registration__c', 'Partner_Certification__c'])
  records += (await conn.query(`SELECT COUNT() FROM ${object}`)).totalSize;
figures.records = records;
figures.rssMb = rssMb();
log(`records: ${records}; RSS ${figures.rssMb} MB`);

// A selective query by external id, a different key each run (customers are the odd i % 10 != 0).
const registrationKey = (run: number) => {
  const i = (Math.floor((accounts / runs) * run) & ~1) + 2;
  return `VOL-REG-${String(i % 10 === 0 ? i + 2 : i).padStart(7, '0')}`;
};
const timings: number[] = [];
for (let run = -1; run < runs; run++) {
  const soql = `SELECT Id, Status__c, Partner_Account__r.Name FROM Deal_Registration__c WHERE External_Id__c = '${registrationKey(Math.max(run, 0))}'`;
  const t = process.hrtime.bigint();
  const result = await conn.query(soql);
  if (run >= 0) timings.push(since(t));
  if (result.totalSize !== 1)
    throw new Error(`expected 1 record for ${soql}, got ${result.totalSize}`);
}
timings.sort((a, b) => a - b);
figures.selectiveQueryMedianMs = Number(timings[Math.floor(timings.length / 2)].toFixed(2));
figures.selectiveQueryRuns = runs;
log(
  `selective query by external id: median ${figures.selectiveQueryMedianMs} ms over ${runs} runs`
);

// Bulk API 2.0 upsert: half updates of existing certifications, half new ones on one partner.
const partnerId = (
  await conn.query<{ Id: string }>("SELECT Id FROM Account WHERE Name = 'Volume Partner 0000010'")
).records[0].Id;
const half = Math.floor(bulkRows / 2);
// New external ids on every run, so a reused data dir still measures creates.
const runId = Date.now().toString(36);
const lines = ['External_Id__c,Partner_Account__c,Certification__c,Region__c,Expires_On__c'];
for (let k = 0; k < half; k++) {
  const partner = String(Math.floor(k / 5) * 10).padStart(7, '0');
  // An empty column leaves the field as it is (Bulk API 2.0): the master stays.
  lines.push(`VOL-CERT-${partner}-${k % 5},,Solution Architect,EMEA,2029-06-30`);
}
for (let k = half; k < bulkRows; k++) {
  lines.push(`BENCH-CERT-${runId}-${k},${partnerId},Sales Core,AMER,2029-06-30`);
}
const callsBefore = org.apiCalls();
start = process.hrtime.bigint();
const results = await conn.bulk2.loadAndWaitForResults({
  object: 'Partner_Certification__c',
  operation: 'upsert',
  externalIdFieldName: 'External_Id__c',
  input: `${lines.join('\n')}\n`,
  pollInterval: 250,
  pollTimeout: 600_000
});
figures.bulkUpsertRows = bulkRows;
figures.bulkUpsertS = Number((since(start) / 1000).toFixed(2));
figures.bulkUpsertApiCalls = org.apiCalls() - callsBefore;
figures.bulkCreated = results.successfulResults.filter((r) => r.sf__Created === 'true').length;
figures.bulkUpdated = results.successfulResults.length - figures.bulkCreated;
figures.bulkFailed = results.failedResults.length;
figures.rssAfterBulkMb = rssMb();
log(
  `bulk upsert ${bulkRows} rows: ${figures.bulkUpsertS} s, ${figures.bulkUpsertApiCalls} API calls, ` +
    `${figures.bulkCreated} created, ${figures.bulkUpdated} updated, ${figures.bulkFailed} failed; RSS ${figures.rssAfterBulkMb} MB`
);
if (figures.bulkFailed > 0) log(`first failure: ${JSON.stringify(results.failedResults[0])}`);

start = process.hrtime.bigint();
await org.stop();
figures.stopMs = Math.round(since(start));
log(`stop (snapshot): ${figures.stopMs} ms`);
if (values.json) console.log(JSON.stringify(figures));
