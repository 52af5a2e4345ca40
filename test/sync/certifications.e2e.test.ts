import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  rulesFile,
  runPpk,
  startTestOrg,
  type TestOrg
} from './localOrg.ts';

let t: TestOrg;
let ids: Record<string, string>;
const work = mkdtempSync(join(tmpdir(), 'ppk-certs-'));

before(async () => {
  t = await startTestOrg();
  await deployRules(t.conn);
  const [P1, P2] = await createAll(t.conn, 'Account', [
    {
      Name: 'Partner One',
      Partner_Type__c: 'VAR',
      Partner_Track__c: 'Open',
      Partner_Status__c: 'Authorized',
      Partner_Region__c: 'EMEA'
    },
    {
      Name: 'Partner Two',
      Partner_Type__c: 'MSP',
      Partner_Track__c: 'Open',
      Partner_Status__c: 'Authorized',
      Partner_Region__c: 'AMER'
    }
  ]);
  const [CUSTOMER] = await createAll(t.conn, 'Account', [{ Name: 'Customer Inc' }]);
  const [C1, C2, C3] = await createAll(t.conn, 'Contact', [
    { LastName: 'Ann', Email: 'ann@partner-one.example', AccountId: P1 },
    { LastName: 'Bea', Email: 'bea@partner-one.example', AccountId: P1 },
    { LastName: 'Cy', Email: 'cy@partner-two.example', AccountId: P2 }
  ]);
  ids = {
    P1,
    P2,
    C1,
    C2,
    C3,
    CUSTOMER,
    MISSING_ACCOUNT: `${P1.slice(0, 3)}Zz9${P1.slice(6, 15)}`,
    MISSING_OPPORTUNITY: '006Zz9zzzzzzzzz',
    // The 15-character form, as spreadsheets and older exports hold Ids.
    P2_15: P2.slice(0, 15),
    C3_15: C3.slice(0, 15)
  };
});
after(() => t.dispose());

/** A fixture with its {{placeholders}} replaced by this org's Ids, byte for byte otherwise. */
function materialise(relative: string): string {
  const bytes = readFileSync(join(fixtures, relative)).toString('latin1');
  const text = bytes.replace(/\{\{(\w+)\}\}/g, (_, name: string) => ids[name] ?? `{{${name}}}`);
  const path = join(work, basename(relative));
  writeFileSync(path, Buffer.from(text, 'latin1'));
  return path;
}

const importArgs = (file: string, ...extra: string[]) => [
  'certifications',
  'import',
  file,
  '--as-of',
  '2026-11-23',
  ...extra
];

test('import writes every row, evaluates the touched partners, and a second run writes nothing', async () => {
  const file = materialise('certifications/good.csv');
  const report = join(work, 'first.csv');
  const first = await ppkLocal(t, [...importArgs(file, '--json', '--report', report)]);
  assert.equal(first.status, 0, first.stdout + first.stderr);
  const result = jsonResult<SyncResult>(first);
  assert.deepEqual(
    { rows: result.counts.rows, created: result.counts.created, rejected: result.counts.rejected },
    { rows: 4, created: 4, rejected: 0 }
  );
  // Case is forgiven, the agreed spelling stored ("solution architect", "emea").
  const certs = await t.conn.query<{
    External_Id__c: string;
    Certification__c: string;
    Region__c: string;
    Contact__c: string;
  }>(
    "SELECT External_Id__c, Certification__c, Region__c, Contact__c FROM Partner_Certification__c WHERE External_Id__c IN ('CERT-2','CERT-3')"
  );
  const byId = new Map(certs.records.map((c) => [c.External_Id__c, c]));
  assert.equal(byId.get('CERT-3')?.Certification__c, 'Solution Architect');
  assert.equal(byId.get('CERT-3')?.Region__c, 'EMEA');
  assert.equal(byId.get('CERT-2')?.Contact__c, ids.C2, 'the email matched the contact');
  const cert4 = await t.conn.query<{ Partner_Account__c: string; Contact__c: string }>(
    "SELECT Partner_Account__c, Contact__c FROM Partner_Certification__c WHERE External_Id__c = 'CERT-4'"
  );
  assert.deepEqual(
    cert4.records[0],
    { ...cert4.records[0], Partner_Account__c: ids.P2, Contact__c: ids.C3 },
    '15-character Ids are stored as the 18-character Ids'
  );
  // seed 003:57-59: two Sales Core people and one Solution Architect in EMEA meet Open.
  const [tracks] = result.derived ?? [];
  assert.equal(tracks.counts.rows, 2);
  const p1 = (await t.conn.sobject('Account').retrieve(ids.P1)) as Record<string, unknown>;
  assert.equal(p1.Track_Requirements_Met__c, true);
  // Partner Two's only certification expired on 2026-05-05 (seed 003:30: unexpired only).
  const p2 = (await t.conn.sobject('Account').retrieve(ids.P2)) as Record<string, unknown>;
  assert.equal(p2.Track_Requirements_Met__c, false);
  assert.match(String(p2.Track_Gaps__c), /Open: 2 more .* in AMER/);
  const reportText = readFileSync(report, 'utf8');
  assert.match(reportText, /^source,line,key,status,action,id,detail/);
  assert.equal(reportText.trim().split('\n').length, 1 + 4 + 2);

  const before = t.org.apiCalls();
  const second = await ppkLocal(t, [...importArgs(file, '--json')]);
  assert.equal(second.status, 0, second.stderr);
  const again = jsonResult<SyncResult>(second);
  assert.equal(again.counts.unchanged, 4);
  assert.equal(again.writeCalls, 0);
  assert.equal(again.derived, undefined, 'no certification changed, so no partner is re-evaluated');
  // partners, contacts by id, contacts by email, existing certifications: reads only.
  assert.equal(t.org.apiCalls() - before, 4);
});

test('a changed row is updated with just its changed field; --dry-run shows it and writes nothing', async () => {
  const changed = readFileSync(join(fixtures, 'certifications/good.csv'), 'utf8').replace(
    '2026-03-01,2027-03-01',
    '2026-03-01,2029-12-31'
  );
  writeFileSync(
    join(work, 'changed.csv'),
    changed.replace(/\{\{(\w+)\}\}/g, (_, n: string) => ids[n])
  );
  const file = join(work, 'changed.csv');
  const before = t.org.apiCalls();
  const dry = await ppkLocal(t, [...importArgs(file, '--dry-run')]);
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, /4 rows: 1 would be written \(0 new, 1 updated\), 3 unchanged/);
  assert.match(dry.stdout, /Dry run: nothing was written/);
  const cert = await t.conn.query<{ Expires_On__c: string }>(
    "SELECT Expires_On__c FROM Partner_Certification__c WHERE External_Id__c = 'CERT-3'"
  );
  assert.equal(cert.records[0].Expires_On__c, '2027-03-01');
  const dryCalls = t.org.apiCalls() - before - 1;

  const report = join(work, 'changed.json');
  const run = await ppkLocal(t, [...importArgs(file, '--report', report)]);
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(readFileSync(report, 'utf8')) as SyncResult;
  const row = result.rows.find((r) => r.key === 'CERT-3');
  assert.deepEqual(row?.outcome, {
    status: 'written',
    action: 'update',
    id: row?.outcome.status === 'written' ? row.outcome.id : '',
    fields: ['Expires_On__c']
  });
  assert.ok(dryCalls > 0);
});

test('the bad-input corpus: every file gets the expected exit status and message', async (t2) => {
  const expected = JSON.parse(
    readFileSync(join(fixtures, 'bad-input/expected.json'), 'utf8')
  ) as Record<string, { status: number; output: string[] } | string>;
  const listed = Object.keys(expected).filter((k) => !k.startsWith('_'));
  for (const folder of ['certifications', 'deal-regs', 'rules']) {
    for (const name of readdirSync(join(fixtures, 'bad-input', folder))) {
      assert.ok(
        listed.includes(`${folder}/${name}`),
        `bad-input/${folder}/${name} has no expectation`
      );
    }
  }
  assert.ok(listed.length >= 25);
  for (const relative of listed) {
    await t2.test(relative, async () => {
      const { status, output } = expected[relative] as { status: number; output: string[] };
      const file = materialise(join('bad-input', relative));
      const [folder] = relative.split('/');
      const run =
        folder === 'rules'
          ? await runPpk(['rules', 'validate', '--rules', file])
          : folder === 'deal-regs'
            ? await ppkLocal(t, [
                'deal-regs',
                'import',
                file,
                '--as-of',
                '2026-11-23',
                '--rules',
                rulesFile
              ])
            : await ppkLocal(t, [...importArgs(file, '--rules', rulesFile)]);
      const text = run.stdout + run.stderr;
      assert.equal(run.status, status, `exit ${run.status}\n${text}`);
      for (const pattern of output) {
        assert.match(
          text,
          new RegExp(pattern.replaceAll('{{FILE}}', file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        );
      }
    });
  }
});
