/**
 * Figures for the local org (not a test): start time, a volume seed, selective and scanning
 * queries over HTTP through jsforce, memory, snapshot and reload.
 *   node_modules/.bin/node --expose-gc --import tsx test/local-org/measure.ts 350000
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@jsforce/jsforce-node';
import { startLocalOrg } from '../../local-org/server.ts';
import { loadSchema } from '../../scripts/lib/sfMetadata.ts';

const accounts = Number(process.argv[2] ?? 100_000);
const ms = (t: bigint) => (Number(process.hrtime.bigint() - t) / 1e6).toFixed(1);
let t = process.hrtime.bigint();
const schema = loadSchema();
console.log('loadSchema ms', ms(t));
const empty = mkdtempSync(join(tmpdir(), 'ppk-measure-'));
t = process.hrtime.bigint();
let org = await startLocalOrg({ dataDir: empty, schema });
console.log('start empty (seed none) ms', ms(t));
await org.stop();
rmSync(empty, { recursive: true });

const dir = mkdtempSync(join(tmpdir(), 'ppk-measure-'));
t = process.hrtime.bigint();
org = await startLocalOrg({ dataDir: dir, schema, seed: 'volume', volumeAccounts: accounts });
console.log(`volume seed ${accounts} accounts ms`, ms(t));
let conn = new Connection({
  instanceUrl: org.instanceUrl,
  accessToken: org.accessToken,
  version: '62.0'
});
const total = async () => {
  let n = 0;
  for (const o of ['Account', 'Opportunity', 'Deal_Registration__c', 'Partner_Certification__c'])
    n += (await conn.query(`SELECT COUNT() FROM ${o}`)).totalSize;
  return n;
};
console.log('records', await total());
global.gc?.();
console.log(
  'rss MB',
  (process.memoryUsage().rss / 1e6).toFixed(0),
  'heapUsed MB',
  (process.memoryUsage().heapUsed / 1e6).toFixed(0)
);
const time = async (label: string, soql: string) => {
  await conn.query(soql);
  const runs: number[] = [];
  for (let i = 0; i < 21; i++) {
    const s = process.hrtime.bigint();
    const r = await conn.query(soql);
    runs.push(Number(process.hrtime.bigint() - s) / 1e6);
    if (i === 0) console.log(`  ${label}: totalSize ${r.totalSize}`);
  }
  runs.sort((a, b) => a - b);
  console.log(`  ${label}: median ${runs[10].toFixed(1)} ms, best ${runs[0].toFixed(1)} ms`);
};
const mid = String(Math.floor(accounts / 2) + 2).padStart(7, '0');
await time(
  'selective by external id',
  `SELECT Id, Status__c, Partner_Account__r.Name FROM Deal_Registration__c WHERE External_Id__c = 'VOL-REG-${mid}'`
);
await time(
  'same filter on a non-indexed field (scan)',
  `SELECT Id FROM Deal_Registration__c WHERE Customer_Domain__c = 'customer-${mid}.example.com'`
);
await time(
  'children of one partner by lookup',
  `SELECT Id FROM Partner_Certification__c WHERE Partner_Account__c = '${(await conn.query<{ Id: string }>("SELECT Id FROM Account WHERE Name = 'Volume Partner 0000010'")).records[0].Id}'`
);
t = process.hrtime.bigint();
await org.stop();
console.log('stop (snapshot) ms', ms(t));
t = process.hrtime.bigint();
org = await startLocalOrg({ dataDir: dir, schema });
console.log('restart (load snapshot) ms', ms(t));
conn = new Connection({
  instanceUrl: org.instanceUrl,
  accessToken: org.accessToken,
  version: '62.0'
});
console.log('records after restart', await total());
await org.stop();
rmSync(dir, { recursive: true });
