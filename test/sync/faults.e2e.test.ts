import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { withRetry } from '../../scripts/lib/retry.ts';
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
let file: string;
const ROWS = 450;

before(async () => {
  // Every family fails now and then: 503, REQUEST_LIMIT_EXCEEDED, UNABLE_TO_LOCK_ROW, dropped
  // connections, and single locked records inside collection results.
  t = await startTestOrg({
    faults: {
      seed: 11,
      rate: 0.25,
      kinds: ['503', 'limit', 'lock', 'drop', 'recordLock'],
      families: ['composite', 'query']
    }
  });
  // Setup goes through the same faults: the local org fails before it writes, so a retry is safe.
  const retried = <T>(call: () => Promise<T>) =>
    withRetry(call, { kind: 'write', idempotent: true }, { baseDelayMs: 10 });
  await retried(() => deployRules(t.conn));
  const [partner] = await retried(() =>
    createAll(t.conn, 'Account', [
      {
        Name: 'Busy Partner',
        Partner_Type__c: 'VAR',
        Partner_Track__c: 'Open',
        Partner_Status__c: 'Authorized',
        Partner_Region__c: 'APAC'
      }
    ])
  );
  const [contact] = await retried(() =>
    createAll(t.conn, 'Contact', [{ LastName: 'Busy', AccountId: partner }])
  );
  const rows = Array.from(
    { length: ROWS },
    (_, i) => `F-${i},${partner},${contact},Sales Core,APAC,2026-01-01,`
  );
  file = join(mkdtempSync(join(tmpdir(), 'ppk-faults-')), 'many.csv');
  writeFileSync(
    file,
    ['External_Id,Partner_Account,Contact,Certification,Region,Earned_On,Expires_On', ...rows].join(
      '\n'
    )
  );
});
after(() => t.dispose());

test('an import through transient faults ends with every row written exactly once', async () => {
  const run = await ppkLocal(t, [
    'certifications',
    'import',
    file,
    '--as-of',
    '2026-11-23',
    '--json'
  ]);
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const result = jsonResult<SyncResult>(run);
  assert.ok(t.org.faultsInjected() > 0, 'faults were injected');
  assert.equal(result.counts.created + result.counts.updated, ROWS);
  assert.ok(result.writeCalls > 3, 'failed calls and locked records were re-sent');
  // Nothing was written twice or lost: a second run finds every row as it was sent.
  const again = await ppkLocal(t, [
    'certifications',
    'import',
    file,
    '--as-of',
    '2026-11-23',
    '--json'
  ]);
  assert.equal(again.status, 0, again.stderr);
  assert.equal(jsonResult<SyncResult>(again).counts.unchanged, ROWS);
});
