import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { SyncResult } from '../../scripts/lib/sync/report.ts';
import {
  createAll,
  deployRules,
  jsonResult,
  ppkLocal,
  startTestOrg,
  type TestOrg
} from './localOrg.ts';

let t: TestOrg;
let partner: string;
let contact: string;
const dir = mkdtempSync(join(tmpdir(), 'ppk-bulk-'));
const HEADER = 'External_Id,Partner_Account,Contact,Certification,Region,Earned_On,Expires_On';

before(async () => {
  t = await startTestOrg();
  await deployRules(t.conn);
  [partner] = await createAll(t.conn, 'Account', [
    {
      Name: 'Bulk Partner',
      Partner_Type__c: 'GSI',
      Partner_Track__c: 'Open',
      Partner_Status__c: 'Authorized',
      Partner_Region__c: 'AMER'
    }
  ]);
  [contact] = await createAll(t.conn, 'Contact', [{ LastName: 'Bulk', AccountId: partner }]);
});
after(() => t.dispose());

function csv(name: string, rows: number, expires: (i: number) => string): string {
  const file = join(dir, name);
  const lines = Array.from(
    { length: rows },
    (_, i) => `B-${i},${partner},${contact},Sales Core,AMER,2026-01-01,${expires(i)}`
  );
  writeFileSync(file, [HEADER, ...lines].join('\n'));
  return file;
}

test('above --bulk-threshold one Bulk API 2.0 job writes every row; blanks clear fields; a rerun writes nothing', async () => {
  const file = csv('bulk.csv', 60, () => '2027-01-01');
  const run = await ppkLocal(t, [
    'certifications',
    'import',
    file,
    '--bulk-threshold',
    '50',
    '--as-of',
    '2026-11-23',
    '--json'
  ]);
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const result = jsonResult<SyncResult>(run);
  assert.equal(result.counts.created, 60);
  assert.equal(
    result.writeCalls,
    1 + 1,
    'one bulk job for the certifications, one collection call for the partner'
  );

  // The export now says the certifications never expire: Bulk API must null the field, not skip it.
  const cleared = csv('cleared.csv', 60, () => '');
  const second = await ppkLocal(t, [
    'certifications',
    'import',
    cleared,
    '--bulk-threshold',
    '50',
    '--as-of',
    '2026-11-23',
    '--json'
  ]);
  assert.equal(second.status, 0, second.stdout + second.stderr);
  assert.equal(jsonResult<SyncResult>(second).counts.updated, 60);
  const rows = await t.conn.query<{ Expires_On__c: string | null }>(
    "SELECT Expires_On__c FROM Partner_Certification__c WHERE External_Id__c = 'B-7'"
  );
  assert.equal(rows.records[0].Expires_On__c, null);

  const third = await ppkLocal(t, [
    'certifications',
    'import',
    cleared,
    '--bulk-threshold',
    '50',
    '--as-of',
    '2026-11-23',
    '--json'
  ]);
  assert.equal(jsonResult<SyncResult>(third).counts.unchanged, 60);
});
