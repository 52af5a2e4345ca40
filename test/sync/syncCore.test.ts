import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { Ledger, exitCodeFor } from '../../scripts/lib/sync/ledger.ts';
import { planWrites, sameValue } from '../../scripts/lib/sync/plan.ts';
import { queryAll, queryByKeys } from '../../scripts/lib/sync/read.ts';
import { renderReport, safeCell, type SyncResult } from '../../scripts/lib/sync/report.ts';
import { stageProgress } from '../../scripts/lib/sync/progress.ts';
import { upsertByExternalId, updateById } from '../../scripts/lib/sync/write.ts';
import type { SObjectRecord } from '../../scripts/lib/sync/orgClient.ts';
import { bulkResultsInOrder } from '../../scripts/lib/sync/orgClient.ts';
import { fakeClient, page } from './fakeClient.ts';

const noSleep = { sleep: async () => {} };

test('sameValue: blank is null, numbers by value, datetimes by instant', () => {
  assert.ok(sameValue('', null));
  assert.ok(sameValue(undefined, null));
  assert.ok(sameValue(300000, '300000'));
  assert.ok(sameValue('2026-01-05T10:00:00.000+0000', '2026-01-05T11:00:00+01:00'));
  assert.ok(sameValue('a\r\nb', 'a\nb'));
  assert.ok(!sameValue('Sales Core', 'sales core'));
  assert.ok(!sameValue(false, null));
  assert.ok(!sameValue('2026-01-05', '2026-01-06'));
});

test('planWrites: new records are created, changed ones updated with only their changed fields', () => {
  const plan = planWrites(
    [
      { line: 2, key: 'A', fields: { Region__c: 'EMEA', Earned_On__c: '2026-01-01' } },
      { line: 3, key: 'B', fields: { Region__c: 'EMEA', Earned_On__c: '2026-01-01' } },
      { line: 4, key: 'C', fields: { Region__c: 'APAC', Expires_On__c: null } }
    ],
    new Map([
      ['B', { Id: 'b1', Region__c: 'EMEA', Earned_On__c: '2026-01-01' }],
      ['C', { Id: 'c1', Region__c: 'EMEA', Expires_On__c: null }]
    ])
  );
  assert.deepEqual(plan.writes, [
    {
      line: 2,
      key: 'A',
      action: 'create',
      fields: { Region__c: 'EMEA', Earned_On__c: '2026-01-01' }
    },
    { line: 4, key: 'C', action: 'update', id: 'c1', fields: { Region__c: 'APAC' } }
  ]);
  assert.deepEqual(plan.unchanged, [{ line: 3, key: 'B', id: 'b1' }]);
});

test('the ledger refuses a row without outcome or with two, and balances otherwise', () => {
  const ledger = new Ledger();
  ledger.open(2, 'A');
  ledger.open(3, 'B');
  assert.throws(() => ledger.assertBalanced(), /1 row|2 row/);
  ledger.settle(2, { status: 'unchanged', id: 'x' });
  assert.throws(() => ledger.settle(2, { status: 'skipped', reason: 'x' }), /settled twice/);
  assert.throws(() => ledger.open(3, 'B'), /opened twice/);
  assert.throws(() => ledger.assertBalanced(), /no outcome \(lines 3\)/);
  ledger.settle(3, { status: 'rejected', reason: 'bad' });
  const counts = ledger.assertBalanced();
  assert.deepEqual(counts, {
    rows: 2,
    written: 0,
    created: 0,
    updated: 0,
    unchanged: 1,
    rejected: 1,
    skipped: 0
  });
  assert.equal(exitCodeFor(counts), 1);
  assert.equal(exitCodeFor({ ...counts, rejected: 0, skipped: 1 }), 0);
});

test('queryAll follows nextRecordsUrl to the last page (no 10k cap) and retries a failed page', async () => {
  let failures = 1;
  const client = fakeClient({
    query: async () =>
      ({ totalSize: 3, done: false, nextRecordsUrl: '/next/1', records: [{ Id: '1' }] }) as never,
    queryMore: async (url: string) => {
      if (url === '/next/1' && failures-- > 0)
        throw Object.assign(new Error('x'), { errorCode: 'SERVER_UNAVAILABLE' });
      return (
        url === '/next/1'
          ? { totalSize: 3, done: false, nextRecordsUrl: '/next/2', records: [{ Id: '2' }] }
          : { totalSize: 3, done: true, records: [{ Id: '3' }] }
      ) as never;
    }
  });
  const rows = await queryAll<{ Id: string }>(client, 'SELECT Id FROM Account', noSleep);
  assert.deepEqual(
    rows.map((r) => r.Id),
    ['1', '2', '3']
  );
  assert.deepEqual(client.calls, ['query', 'queryMore', 'queryMore', 'queryMore']);
});

test('queryByKeys makes no call for no keys and escapes every key', async () => {
  const none = fakeClient({});
  assert.deepEqual(await queryByKeys(none, 'Account', ['Id'], 'Name', []), []);
  const seen: string[] = [];
  const client = fakeClient({
    query: async (soql: string) => (seen.push(soql), page([])) as never
  });
  await queryByKeys(client, 'Partner_Certification__c', ['Id'], 'External_Id__c', [
    "O'Brien",
    'a\\b',
    "O'Brien"
  ]);
  assert.deepEqual(seen, [
    "SELECT Id FROM Partner_Certification__c WHERE External_Id__c IN ('O\\'Brien','a\\\\b')"
  ]);
});

const writes = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    line: i + 2,
    key: `K-${i}`,
    action: 'create' as const,
    fields: { Region__c: 'EMEA' }
  }));
const okResults = (records: SObjectRecord[]) =>
  records.map((_, i) => ({ id: `a0${i}`, success: true, created: true, errors: [] }));

test('the writer sends 200 records a call, and settles every row', async () => {
  const sizes: number[] = [];
  const client = fakeClient({
    upsertCollection: async (object, field, records) => {
      assert.equal(object, 'Partner_Certification__c');
      assert.equal(field, 'External_Id__c');
      assert.equal(records[0].External_Id__c, `K-${sizes.length * 200}`);
      sizes.push(records.length);
      return okResults(records);
    }
  });
  const ledger = new Ledger();
  writes(450).forEach((w) => ledger.open(w.line, w.key));
  const summary = await upsertByExternalId(
    client,
    'Partner_Certification__c',
    'External_Id__c',
    writes(450),
    ledger,
    { dryRun: false, retry: noSleep }
  );
  assert.deepEqual(sizes, [200, 200, 50]);
  assert.deepEqual(summary, { calls: 3, api: 'collections', failed: 0 });
  assert.equal(ledger.assertBalanced().created, 450);
});

test('above the bulk threshold one Bulk API 2.0 job is used', async () => {
  const client = fakeClient({ bulkUpsert: async (_o, _f, records) => okResults(records) });
  const ledger = new Ledger();
  writes(11).forEach((w) => ledger.open(w.line, w.key));
  const summary = await upsertByExternalId(
    client,
    'Partner_Certification__c',
    'External_Id__c',
    writes(11),
    ledger,
    { dryRun: false, bulkThreshold: 10 }
  );
  assert.deepEqual(summary, { calls: 1, api: 'bulk', failed: 0 });
  assert.deepEqual(client.calls, ['bulkUpsert']);
});

test('bulk results come back unordered and are matched to input rows by key', () => {
  const records = [{ External_Id__c: 'A' }, { External_Id__c: 'B' }, { External_Id__c: 'C' }];
  const results = bulkResultsInOrder(
    records,
    'External_Id__c',
    [
      { External_Id__c: 'C', sf__Id: 'c', sf__Created: 'false' },
      { External_Id__c: 'A', sf__Id: 'a', sf__Created: 'true' }
    ],
    [
      {
        External_Id__c: 'B',
        sf__Id: '',
        sf__Error: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:bad value:Region__c --'
      }
    ]
  );
  assert.deepEqual(
    results.map((r) => r.success),
    [true, false, true]
  );
  assert.equal(results[0].created, true);
  assert.equal(results[1].errors[0].statusCode, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
});

test('a dry run calls nothing and still accounts for every row', async () => {
  const ledger = new Ledger();
  writes(3).forEach((w) => ledger.open(w.line, w.key));
  const summary = await upsertByExternalId(
    fakeClient({}),
    'X__c',
    'External_Id__c',
    writes(3),
    ledger,
    { dryRun: true }
  );
  assert.equal(summary.calls, 0);
  assert.equal(ledger.assertBalanced().written, 3);
});

test('per-record failures are rejected rows with the org reason; locked records are re-sent alone', async () => {
  let call = 0;
  const client = fakeClient({
    updateCollection: async (_object, records) => {
      call++;
      return records.map((r) => {
        if (r.Id === 'id-1' && call === 1)
          return {
            success: false,
            errors: [{ statusCode: 'UNABLE_TO_LOCK_ROW', message: 'locked', fields: [] }]
          };
        if (r.Id === 'id-2')
          return {
            success: false,
            errors: [
              {
                statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                message: 'nope',
                fields: ['Track_Gaps__c']
              }
            ]
          };
        return { id: String(r.Id), success: true, errors: [] };
      });
    }
  });
  const ledger = new Ledger();
  const updates = [0, 1, 2].map((i) => ({
    line: i + 1,
    key: `id-${i}`,
    action: 'update' as const,
    id: `id-${i}`,
    fields: { Select_Eligible__c: true }
  }));
  updates.forEach((w) => ledger.open(w.line, w.key));
  const summary = await updateById(client, 'Account', updates, ledger, {
    dryRun: false,
    retry: noSleep
  });
  assert.equal(call, 2);
  assert.equal(summary.failed, 1);
  const rows = ledger.rows();
  assert.equal(rows[1].outcome.status, 'written');
  assert.deepEqual(rows[2].outcome, {
    status: 'rejected',
    reason: 'FIELD_CUSTOM_VALIDATION_EXCEPTION: nope (Track_Gaps__c)'
  });
});

const result: SyncResult = {
  command: 'certifications import',
  targetOrg: 'local',
  dryRun: true,
  source: 'certs.csv',
  counts: { rows: 2, written: 1, created: 1, updated: 0, unchanged: 0, rejected: 1, skipped: 0 },
  writeCalls: 0,
  rows: [
    { line: 2, key: 'A', outcome: { status: 'written', action: 'create', fields: ['Region__c'] } },
    {
      line: 3,
      key: '=HYPERLINK("x")',
      outcome: { status: 'rejected', column: 'External_Id', reason: '=1+1 | pipes' }
    }
  ]
};

test('the CSV report defuses formulas; the Markdown report escapes pipes; dry runs say "would write"', () => {
  assert.equal(safeCell('=cmd'), "'=cmd");
  assert.equal(safeCell('-2+3'), "'-2+3");
  assert.equal(safeCell('Acme'), 'Acme');
  const csv = renderReport(result, '.csv');
  assert.match(csv, /certs\.csv,2,A,would write,create,,Region__c/);
  assert.match(csv, /certs\.csv,3,"'=HYPERLINK\(""x""\)",rejected,,,External_Id: =1\+1 \| pipes/);
  const md = renderReport(result, '.md');
  assert.match(md, /dry run: nothing was written/);
  assert.match(md, /\| certs\.csv \| 2 \| 1 \| 1 \| 0 \| 0 \| 1 \| 0 \|/);
  assert.match(md, /=1\+1 \\\| pipes/);
  assert.deepEqual(JSON.parse(renderReport(result, '.json')), result);
});

test('progress draws named stages on a terminal and stays silent otherwise', () => {
  const drawn: string[] = [];
  const progress = stageProgress(
    { json: false, interactive: true, log() {}, warn() {} },
    (t) => void drawn.push(t)
  );
  progress.start('write', 450);
  progress.update(200, 1);
  progress.done('449 written, 1 failed');
  assert.match(drawn.join(''), /write 200 \/ 450 \(1 failed\)/);
  assert.match(drawn.at(-1) ?? '', /write: 449 written, 1 failed\n$/);
  const quiet: string[] = [];
  const silent = stageProgress(
    { json: false, interactive: false, log() {}, warn() {} },
    (t) => void quiet.push(t)
  );
  silent.start('read');
  silent.done('x');
  assert.deepEqual(quiet, []);
});
