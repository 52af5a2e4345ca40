// A unit test with a fake org: the local org does not yet derive IsWon/IsClosed from StageName,
// so won opportunities cannot be created there.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { SyncContext } from '../../scripts/lib/sync/command.ts';
import { refreshIncumbents } from '../../scripts/lib/sync/incumbentsService.ts';
import { silentProgress } from '../../scripts/lib/sync/progress.ts';
import type { SObjectRecord } from '../../scripts/lib/sync/orgClient.ts';
import { fakeClient, page } from './fakeClient.ts';

const won = [
  {
    Id: '006A',
    AccountId: '001CUST1',
    Partner_Account__c: '001P2',
    CloseDate: '2025-06-30',
    IsWon: true
  },
  {
    Id: '006B',
    AccountId: '001CUST1',
    Partner_Account__c: '001P1',
    CloseDate: '2026-06-30',
    IsWon: true
  },
  {
    Id: '006C',
    AccountId: '001CUST2',
    Partner_Account__c: '001P2',
    CloseDate: '2026-01-31',
    IsWon: true
  }
];
const customers = [
  { Id: '001CUST1', Incumbent_Partner__c: '001P2', Incumbent_Since__c: '2025-06-30' },
  { Id: '001CUST2', Incumbent_Partner__c: '001P2', Incumbent_Since__c: '2026-01-31' }
];

function context(client: ReturnType<typeof fakeClient>, dryRun = false): SyncContext {
  return {
    client,
    orgLabel: 'test',
    out: { json: true, interactive: false, log() {}, warn() {} },
    progress: silentProgress,
    write: { dryRun },
    asOf: '2026-11-23'
  };
}

test('the latest won partner deal makes the incumbent (seed 001:152); an unchanged one is not written', async () => {
  const queries: string[] = [];
  const sent: SObjectRecord[][] = [];
  const client = fakeClient({
    query: async (soql: string) => {
      queries.push(soql);
      return page<object>(soql.includes('FROM Opportunity') ? won : customers) as never;
    },
    updateCollection: async (object, records) => {
      assert.equal(object, 'Account');
      sent.push(records);
      return records.map((r) => ({ id: String(r.Id), success: true, errors: [] }));
    }
  });
  const result = await refreshIncumbents(context(client));
  assert.match(queries[0], /WHERE \(IsWon = true\) AND \(Partner_Account__c != null\)/);
  assert.match(queries[1], /WHERE Id IN \('001CUST1','001CUST2'\)/);
  assert.deepEqual(sent, [
    [{ Id: '001CUST1', Incumbent_Partner__c: '001P1', Incumbent_Since__c: '2026-06-30' }]
  ]);
  assert.deepEqual(
    { updated: result.counts.updated, unchanged: result.counts.unchanged },
    { updated: 1, unchanged: 1 }
  );
});

test('a dry run of incumbents refresh reads but never writes', async () => {
  const client = fakeClient({
    query: async (soql: string) =>
      page<object>(soql.includes('FROM Opportunity') ? won : customers) as never
  });
  const result = await refreshIncumbents(context(client, true));
  assert.equal(result.counts.written, 1);
  assert.deepEqual(client.calls, ['query', 'query']);
});
