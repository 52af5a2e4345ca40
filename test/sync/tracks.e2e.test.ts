import { strict as assert } from 'node:assert';
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
let ids: { ready: string; short: string; tech: string };

before(async () => {
  t = await startTestOrg();
  await deployRules(t.conn);
  const [ready, short, tech] = await createAll(t.conn, 'Account', [
    {
      Name: 'Ready Partner',
      Partner_Type__c: 'VAR',
      Partner_Track__c: 'Open',
      Partner_Status__c: 'Authorized',
      Partner_Region__c: 'EMEA'
    },
    {
      Name: "O'Short \\ Partner",
      Partner_Type__c: 'GSI',
      Partner_Track__c: 'Open',
      Partner_Status__c: 'Authorized',
      Partner_Region__c: 'EMEA'
    },
    {
      Name: 'Tech Alliance',
      Partner_Type__c: 'Upstream Alliance',
      Partner_Track__c: 'Technology',
      Partner_Status__c: 'Authorized'
    }
  ]);
  await createAll(t.conn, 'Account', [{ Name: 'A Customer' }]);
  ids = { ready, short, tech };
  const contacts = await createAll(t.conn, 'Contact', [
    { LastName: 'One', AccountId: ready },
    { LastName: 'Two', AccountId: ready },
    { LastName: 'Three', AccountId: short }
  ]);
  // seed 003:57 — Open needs 2 Sales Core verified people; 003:59 — 1 Solution Architect.
  await createAll(t.conn, 'Partner_Certification__c', [
    {
      External_Id__c: 'T-1',
      Partner_Account__c: ready,
      Contact__c: contacts[0],
      Certification__c: 'Sales Core',
      Region__c: 'EMEA',
      Earned_On__c: '2026-01-10'
    },
    {
      External_Id__c: 'T-2',
      Partner_Account__c: ready,
      Contact__c: contacts[1],
      Certification__c: 'Sales Core',
      Region__c: 'EMEA',
      Earned_On__c: '2026-01-10'
    },
    {
      External_Id__c: 'T-3',
      Partner_Account__c: ready,
      Contact__c: contacts[1],
      Certification__c: 'Solution Architect',
      Region__c: 'EMEA',
      Earned_On__c: '2026-01-10'
    },
    {
      External_Id__c: 'T-4',
      Partner_Account__c: short,
      Contact__c: contacts[2],
      Certification__c: 'Sales Core',
      Region__c: 'AMER',
      Earned_On__c: '2026-01-10'
    }
  ]);
});
after(() => t.dispose());

test('tracks evaluate writes the derived fields of every partner, then a second run writes nothing', async () => {
  const first = await ppkLocal(t, ['tracks', 'evaluate', '--as-of', '2026-11-23', '--json']);
  assert.equal(first.status, 0, first.stderr);
  const result = jsonResult<SyncResult>(first);
  assert.equal(result.counts.rows, 3);
  // The Technology partner's fields already say "not applicable" (false, false, blank).
  assert.equal(result.counts.written, 2);
  assert.equal(result.counts.unchanged, 1);
  const rows = await t.conn.query<{
    Id: string;
    Track_Requirements_Met__c: boolean;
    Select_Eligible__c: boolean;
    Track_Gaps__c: string | null;
  }>(
    'SELECT Id, Track_Requirements_Met__c, Select_Eligible__c, Track_Gaps__c FROM Account WHERE Partner_Type__c != null'
  );
  const byId = new Map(rows.records.map((r) => [r.Id, r]));
  assert.equal(byId.get(ids.ready)?.Track_Requirements_Met__c, true);
  assert.equal(byId.get(ids.ready)?.Select_Eligible__c, false);
  assert.match(byId.get(ids.ready)?.Track_Gaps__c ?? '', /^Select: /m);
  // The AMER certification does not count for an EMEA partner (seed 003:30).
  assert.equal(byId.get(ids.short)?.Track_Requirements_Met__c, false);
  assert.match(byId.get(ids.short)?.Track_Gaps__c ?? '', /Open: 2 more .* in EMEA/);
  assert.equal(byId.get(ids.tech)?.Track_Requirements_Met__c, false);

  const callsBefore = t.org.apiCalls();
  const second = await ppkLocal(t, ['tracks', 'evaluate', '--as-of', '2026-11-23', '--json']);
  assert.equal(second.status, 0, second.stderr);
  const again = jsonResult<SyncResult>(second);
  assert.equal(again.counts.unchanged, 3);
  assert.equal(again.counts.written, 0);
  assert.equal(again.writeCalls, 0);
  // The rules, the partners and the certifications: three reads, no write.
  assert.equal(t.org.apiCalls() - callsBefore, 3);
});

test('tracks evaluate --dry-run shows what would change and writes nothing', async () => {
  await t.conn.sobject('Account').update({ Id: ids.ready, Track_Gaps__c: 'stale' });
  const callsBefore = t.org.apiCalls();
  const run = await ppkLocal(t, ['tracks', 'evaluate', '--as-of', '2026-11-23', '--dry-run']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /1 would be written \(0 new, 1 updated\), 2 unchanged/);
  assert.match(run.stdout, /Dry run: nothing was written/);
  assert.equal(t.org.apiCalls() - callsBefore, 3);
  const account = await t.conn.sobject('Account').retrieve(ids.ready);
  assert.equal((account as Record<string, unknown>).Track_Gaps__c, 'stale');
});
