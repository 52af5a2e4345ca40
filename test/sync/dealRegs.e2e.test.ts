import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';
import type { SyncResult } from '../../scripts/lib/sync/report.ts';
import {
  createAll,
  deployRules,
  fixtures,
  jsonResult,
  ppkLocal,
  startTestOrg,
  type TestOrg
} from './localOrg.ts';

let t: TestOrg;
let ids: Record<string, string>;
const work = mkdtempSync(join(tmpdir(), 'ppk-dealregs-'));

before(async () => {
  t = await startTestOrg();
  await deployRules(t.conn);
  const [P1, P2] = await createAll(t.conn, 'Account', [
    {
      Name: 'Reseller One',
      Partner_Type__c: 'VAR',
      Partner_Track__c: 'Open',
      Partner_Status__c: 'Authorized',
      Partner_Region__c: 'EMEA'
    },
    {
      Name: 'Reseller Two',
      Partner_Type__c: 'VAR',
      Partner_Track__c: 'Select',
      Partner_Status__c: 'Authorized',
      Partner_Region__c: 'EMEA'
    }
  ]);
  const [ACME, GLOBEX] = await createAll(t.conn, 'Account', [
    { Name: 'Acme Corporation', Website: 'https://acme.com', BillingCountry: 'Germany' },
    { Name: 'Globex GmbH', Website: 'globex.de', BillingCountry: 'Germany' },
    { Name: 'Umbrella Inc', Website: 'umbrella.com', BillingCountry: 'United States' }
  ]);
  const [OPP_ACME, OPP_GLOBEX] = await createAll(t.conn, 'Opportunity', [
    { Name: 'Acme platform', AccountId: ACME, StageName: 'Prospecting', CloseDate: '2027-01-31' },
    {
      Name: 'Globex services',
      AccountId: GLOBEX,
      StageName: 'Needs Analysis',
      CloseDate: '2027-02-28'
    },
    {
      Name: 'Globex expansion',
      AccountId: GLOBEX,
      StageName: 'Qualification',
      CloseDate: '2027-03-31'
    }
  ]);
  ids = { P1, P2, ACME, GLOBEX, OPP_ACME, OPP_GLOBEX };
});
after(() => t.dispose());

function materialise(relative: string): string {
  const text = readFileSync(join(fixtures, relative), 'utf8').replace(
    /\{\{(\w+)\}\}/g,
    (_, n: string) => ids[n]
  );
  const path = join(work, basename(relative));
  writeFileSync(path, text);
  return path;
}

type Registration = Record<string, unknown> & { External_Id__c: string };
async function registrations(): Promise<Map<string, Registration>> {
  const result = await t.conn.query<Registration>(
    'SELECT External_Id__c, Status__c, Customer_Account__c, Opportunity__c, Match_Score__c, Estimated_Amount__c, Submitted_At__c, Is_Tender__c, Conflict_Status__c, Conflict_Summary__c FROM Deal_Registration__c'
  );
  return new Map(result.records.map((r) => [r.External_Id__c, r]));
}

test('a JSON portal export: customers matched, the open opportunity linked, conflicts computed; a rerun writes nothing', async () => {
  const file = materialise('deal-regs/portal.json');
  const run = await ppkLocal(t, ['deal-regs', 'import', file, '--as-of', '2026-11-23', '--json']);
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stderr, /ignoring unknown field "Partner Notes"/);
  const result = jsonResult<SyncResult>(run);
  assert.equal(result.counts.created, 3);
  // Each row keeps the line where its object starts in the file.
  assert.deepEqual(
    result.rows.map((r) => r.line),
    [3, 16, 28]
  );
  const regs = await registrations();
  const dr1 = regs.get('DR-1')!;
  assert.equal(dr1.Status__c, 'Submitted');
  assert.equal(dr1.Customer_Account__c, ids.ACME);
  assert.equal(dr1.Opportunity__c, ids.OPP_ACME, "the customer's one open opportunity");
  assert.equal(dr1.Estimated_Amount__c, 125000.5);
  assert.ok(Number(dr1.Match_Score__c) >= 0.88);
  assert.equal(regs.get('DR-3')?.Customer_Account__c, ids.ACME);
  const dr2 = regs.get('DR-2')!;
  assert.equal(dr2.Customer_Account__c, null);
  assert.match(JSON.stringify(result.rows[1].outcome), /no existing customer account matched/);
  // Two partner-sourced registrations for one customer's opportunity compete (core rule c).
  assert.notEqual(dr1.Conflict_Status__c, 'None');
  assert.match(String(regs.get('DR-3')?.Conflict_Summary__c), /\(c\)|\(d\)/);
  assert.ok(result.derived?.[0].counts.written);

  const before = t.org.apiCalls();
  const again = await ppkLocal(t, ['deal-regs', 'import', file, '--as-of', '2026-11-23', '--json']);
  assert.equal(again.status, 0, again.stderr);
  const second = jsonResult<SyncResult>(again);
  assert.equal(second.counts.unchanged, 3);
  assert.equal(second.writeCalls, 0);
  assert.equal(second.derived, undefined);
  // rules are not even read: partners, customers, open opportunities, existing registrations.
  assert.equal(t.org.apiCalls() - before, 4);
});

test("a CAM's decision survives a re-import; a changed amount is the only field written", async () => {
  const regs = await registrations();
  const dr1 = await t.conn.query<{ Id: string }>(
    "SELECT Id FROM Deal_Registration__c WHERE External_Id__c = 'DR-1'"
  );
  await t.conn.sobject('Deal_Registration__c').update({
    Id: dr1.records[0].Id,
    Status__c: 'Approved',
    Approved_On__c: '2026-11-10',
    Expires_On__c: '2027-02-08'
  });
  assert.equal(regs.get('DR-1')?.Status__c, 'Submitted');
  const file = materialise('deal-regs/portal.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace('"125,000.50"', '"130000"'));
  const dry = await ppkLocal(t, [
    'deal-regs',
    'import',
    file,
    '--as-of',
    '2026-11-23',
    '--dry-run',
    '--json'
  ]);
  assert.equal(dry.status, 0, dry.stderr);
  const planned = jsonResult<SyncResult>(dry);
  assert.deepEqual(planned.rows[0].outcome, {
    status: 'written',
    action: 'update',
    id: dr1.records[0].Id,
    fields: ['Estimated_Amount__c']
  });
  assert.equal(
    (await registrations()).get('DR-1')?.Estimated_Amount__c,
    125000.5,
    'the dry run wrote nothing'
  );

  const run = await ppkLocal(t, ['deal-regs', 'import', file, '--as-of', '2026-11-23']);
  assert.equal(run.status, 0, run.stderr);
  const after = (await registrations()).get('DR-1')!;
  assert.equal(after.Status__c, 'Approved');
  assert.equal(after.Estimated_Amount__c, 130000);
});

test('a CSV export with header variants: bad rows rejected with line and column, good rows written', async () => {
  const file = materialise('deal-regs/portal.csv');
  const report = join(work, 'deal-regs.md');
  const run = await ppkLocal(t, [
    'deal-regs',
    'import',
    file,
    '--as-of',
    '2026-11-23',
    '--report',
    report
  ]);
  assert.equal(run.status, 1, run.stdout + run.stderr);
  assert.ok(run.stdout, run.stderr);
  assert.match(
    run.stdout,
    new RegExp(
      `${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, line 3, column Estimated_Amount \\(DR-11\\): "abc" is not an amount`
    )
  );
  assert.match(
    run.stdout,
    /line 4, column Customer_Name \(DR-12\): .*starts like a spreadsheet formula/
  );
  assert.match(
    run.stdout,
    /line 5, column Opportunity \(DR-13\): Opportunity \w+ belongs to Acme Corporation, but the customer "Globex GmbH" matched Globex GmbH/
  );
  const dr10 = (await registrations()).get('DR-10')!;
  assert.equal(dr10.Opportunity__c, ids.OPP_GLOBEX);
  assert.equal(dr10.Customer_Account__c, ids.GLOBEX);
  assert.equal(dr10.Is_Tender__c, true);
  assert.match(readFileSync(report, 'utf8'), /\| portal\.csv|portal\.csv/);
});

test('conflicts scan recomputes every registration; nothing changed means nothing written', async () => {
  const first = await ppkLocal(t, ['conflicts', 'scan', '--as-of', '2026-11-23', '--json']);
  assert.equal(first.status, 0, first.stderr);
  const result = jsonResult<SyncResult>(first);
  // DR-2 has no customer account: only registrations linked to a customer are in scope.
  assert.equal(result.counts.rows, (await registrations()).size - 1);
  assert.equal(result.counts.written, 0, 'the imports already wrote the current status');
  assert.equal(result.writeCalls, 0);

  // The approved DR-1 expires: later (as of a date past its expiry) the statuses change.
  const later = await ppkLocal(t, [
    'conflicts',
    'scan',
    '--as-of',
    '2027-06-01',
    '--dry-run',
    '--json'
  ]);
  assert.equal(later.status, 0, later.stderr);
  assert.ok(jsonResult<SyncResult>(later).counts.written > 0);
});
