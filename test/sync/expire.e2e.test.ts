/**
 * `ppk deal-regs expire` against the local org: registrations expire 90 days after approval
 * (DESIGN.md, deal registration), the open opportunity loses its link, those inside the warning
 * window are reported, a second run writes nothing, and --dry-run writes nothing.
 */
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { addDays } from '../../force-app/main/default/lwc/partnerProgram/partnerProgram.ts';
import type { SyncResult } from '../../scripts/lib/sync/report.ts';
import {
  createAll,
  deployRules,
  jsonResult,
  ppkLocal,
  startTestOrg,
  type TestOrg
} from './localOrg.ts';

const AS_OF = '2026-11-23';
let t: TestOrg;
let ids: {
  stale: string;
  warned: string;
  fresh: string;
  queued: string;
  openOpp: string;
  wonOpp: string;
};

const statusOf = async (id: string) =>
  (await t.conn.sobject('Deal_Registration__c').retrieve(id)) as unknown as { Status__c: string };
const linkOf = async (id: string) =>
  (
    (await t.conn.sobject('Opportunity').retrieve(id)) as unknown as {
      Registered_Deal__c: string | null;
    }
  ).Registered_Deal__c;

before(async () => {
  t = await startTestOrg();
  await deployRules(t.conn);
  const [partner, other, customer] = await createAll(t.conn, 'Account', [
    {
      Name: 'Northwind Partners',
      Partner_Type__c: 'VAR',
      Partner_Track__c: 'Open',
      Partner_Status__c: 'Authorized'
    },
    {
      Name: 'Contoso Partners',
      Partner_Type__c: 'VAR',
      Partner_Track__c: 'Open',
      Partner_Status__c: 'Authorized'
    },
    { Name: 'Globex' }
  ]);
  const [openOpp, wonOpp] = await createAll(t.conn, 'Opportunity', [
    {
      Name: 'Globex platform',
      AccountId: customer,
      StageName: 'Qualification',
      CloseDate: '2027-01-31'
    },
    {
      Name: 'Globex expansion',
      AccountId: customer,
      StageName: 'Closed Won',
      CloseDate: '2026-10-01'
    }
  ]);
  const reg = (fields: Record<string, unknown>) => ({
    Partner_Account__c: partner,
    Customer_Account__c: customer,
    Customer_Name__c: 'Globex',
    Deal_Type__c: 'Resale',
    Engagement__c: 'Partner Sourced',
    ...fields
  });
  const [stale, warned, fresh, queued, closedStale] = await createAll(
    t.conn,
    'Deal_Registration__c',
    [
      reg({
        External_Id__c: 'X-1',
        Status__c: 'Approved',
        Approved_On__c: addDays(AS_OF, -91),
        Opportunity__c: openOpp,
        Submitted_At__c: '2026-08-01T09:00:00.000Z'
      }),
      reg({ External_Id__c: 'X-2', Status__c: 'Approved', Approved_On__c: addDays(AS_OF, -80) }),
      reg({ External_Id__c: 'X-3', Status__c: 'Approved', Approved_On__c: addDays(AS_OF, -10) }),
      reg({
        External_Id__c: 'X-4',
        Status__c: 'Submitted',
        Partner_Account__c: other,
        Opportunity__c: openOpp,
        Submitted_At__c: '2026-09-01T09:00:00.000Z'
      }),
      reg({
        External_Id__c: 'X-5',
        Status__c: 'Approved',
        Approved_On__c: addDays(AS_OF, -200),
        Opportunity__c: wonOpp
      })
    ]
  );
  await t.conn.sobject('Opportunity').update([
    { Id: openOpp, Registered_Deal__c: stale },
    { Id: wonOpp, Registered_Deal__c: closedStale }
  ]);
  ids = { stale, warned, fresh, queued, openOpp, wonOpp };
});
after(() => t.dispose());

test('--dry-run reports what would expire and writes nothing', async () => {
  const run = await ppkLocal(t, ['deal-regs', 'expire', '--as-of', AS_OF, '--dry-run', '--json']);
  assert.equal(run.status, 0, run.stderr);
  const result = jsonResult<SyncResult>(run);
  assert.equal(result.counts.written, 2);
  assert.equal((await statusOf(ids.stale)).Status__c, 'Approved');
  assert.equal(await linkOf(ids.openOpp), ids.stale);
});

test('expires what is past its last valid day, unlinks the open opportunity, names who is next', async () => {
  const run = await ppkLocal(t, ['deal-regs', 'expire', '--as-of', AS_OF, '--json']);
  assert.equal(run.status, 0, run.stderr);
  const result = jsonResult<SyncResult>(run);
  assert.deepEqual(
    {
      rows: result.counts.rows,
      written: result.counts.written,
      unchanged: result.counts.unchanged
    },
    { rows: 4, written: 2, unchanged: 2 }
  );
  assert.equal((await statusOf(ids.stale)).Status__c, 'Expired');
  assert.equal((await statusOf(ids.warned)).Status__c, 'Approved');
  assert.equal((await statusOf(ids.fresh)).Status__c, 'Approved');
  assert.equal(await linkOf(ids.openOpp), null, 'the open opportunity no longer points at it');
  assert.notEqual(await linkOf(ids.wonOpp), null, 'a closed deal keeps its history');

  const warning = result.rows.find(
    (r) => r.outcome.status === 'unchanged' && /day\(s\) left/.test(r.outcome.note ?? '')
  );
  assert.match(
    warning?.outcome.status === 'unchanged' ? (warning.outcome.note ?? '') : '',
    /10 day\(s\) left \(warning window 14 days\)/
  );
  const link = result.derived?.[0].rows[0];
  assert.equal(link?.key, 'Globex platform');
  assert.match(
    link?.outcome.status === 'written' ? (link.outcome.note ?? '') : '',
    /next in queue for the CAM to reconsider: DR-\d+ \(submitted 2026-09-01/
  );
});

test('a second run writes nothing', async () => {
  const run = await ppkLocal(t, ['deal-regs', 'expire', '--as-of', AS_OF, '--json']);
  assert.equal(run.status, 0, run.stderr);
  const result = jsonResult<SyncResult>(run);
  assert.equal(result.counts.written, 0);
  assert.equal(result.writeCalls, 0);
});

test('an opportunity left linked to an expired registration (interrupted run) is unlinked on rerun', async () => {
  await t.conn.sobject('Opportunity').update({ Id: ids.openOpp, Registered_Deal__c: ids.stale });
  const run = await ppkLocal(t, ['deal-regs', 'expire', '--as-of', AS_OF, '--json']);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(await linkOf(ids.openOpp), null);
});
