import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { pick, pickAll, projectSchema, raw, rejection, startOrg, type Running } from './helpers.ts';

let running: Running;
const ids: Record<string, string> = {};

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

before(async () => {
  running = await startOrg();
  const { conn } = running;
  const accounts = await conn.sobject('Account').create([
    {
      Name: 'Acme Partners',
      Partner_Track__c: 'Open',
      Partner_Region__c: 'EMEA',
      Net_ARR_Trailing_12M__c: 250000
    },
    {
      Name: 'Bolt Integrators',
      Partner_Track__c: 'Select',
      Partner_Region__c: 'AMER',
      Net_ARR_Trailing_12M__c: 400000
    },
    {
      Name: "O'Brien Cloud",
      Partner_Track__c: 'Select',
      Partner_Region__c: 'EMEA',
      Net_ARR_Trailing_12M__c: 350000
    },
    { Name: 'Customer 100%', Incumbent_Since__c: day(-10) }
  ]);
  [ids.acme, ids.bolt, ids.obrien, ids.customer] = accounts.map((r) => r.id!);
  await conn.sobject('Account').update({ Id: ids.customer, Incumbent_Partner__c: ids.bolt });
  const opp = await conn.sobject('Opportunity').create({
    Name: 'Big deal',
    AccountId: ids.customer,
    StageName: 'Qualification',
    CloseDate: day(20),
    Amount: 100000,
    Partner_Account__c: ids.acme
  });
  ids.opp = opp.id!;
  const regs = await conn.sobject('Deal_Registration__c').create([
    {
      Opportunity__c: ids.opp,
      Partner_Account__c: ids.acme,
      Status__c: 'Approved',
      External_Id__c: 'R-1',
      Approved_On__c: day(-5)
    },
    {
      Opportunity__c: ids.opp,
      Partner_Account__c: ids.bolt,
      Status__c: 'Submitted',
      External_Id__c: 'R-2'
    },
    {
      Partner_Account__c: ids.obrien,
      Status__c: 'Expired',
      External_Id__c: 'R-3',
      Approved_On__c: day(-200)
    }
  ]);
  [ids.r1, ids.r2, ids.r3] = regs.map((r) => r.id!);
  const plan = await conn.sobject('Joint_Pursuit_Plan__c').create({
    Opportunity__c: ids.opp,
    Partner_Account__c: ids.acme,
    Personas__c: 'VP App Dev;Head of IT'
  });
  ids.plan = plan.id!;
});
after(() => running.dispose());

const q = (soql: string) => running.conn.query<Record<string, unknown>>(soql);

test('fields, parent relationships several levels deep, and record attributes', async () => {
  const result = await q(
    `SELECT Id, Name, Partner_Account__r.Name, Opportunity__r.Account.Incumbent_Partner__r.Name FROM Deal_Registration__c WHERE External_Id__c = 'R-1'`
  );
  assert.equal(result.totalSize, 1);
  assert.equal(result.done, true);
  const record = result.records[0];
  assert.equal(pick(record, 'attributes.type'), 'Deal_Registration__c');
  assert.equal(
    pick(record, 'attributes.url'),
    `/services/data/v62.0/sobjects/Deal_Registration__c/${ids.r1}`
  );
  assert.equal(pick(record, 'Partner_Account__r.Name'), 'Acme Partners');
  assert.equal(
    pick(record, 'Opportunity__r.Account.Incumbent_Partner__r.Name'),
    'Bolt Integrators'
  );
  const noOpp = await q(
    `SELECT Opportunity__r.Name FROM Deal_Registration__c WHERE Id = '${ids.r3}'`
  );
  assert.equal(noOpp.records[0].Opportunity__r, null);
  const owner = await q(`SELECT Owner.Name FROM Account WHERE Id = '${ids.acme.slice(0, 15)}'`);
  assert.equal(pick(owner.records[0], 'Owner.Name'), 'Local Admin');
});

test('child subqueries', async () => {
  const result = await q(
    `SELECT Name, (SELECT External_Id__c FROM Deal_Registrations__r WHERE Status__c != 'Expired' ORDER BY External_Id__c DESC) FROM Opportunity`
  );
  const children = pick(result.records[0], 'Deal_Registrations__r');
  assert.equal(pick(children, 'totalSize'), 2);
  assert.deepEqual(pickAll(children, 'records', 'External_Id__c'), ['R-2', 'R-1']);
  const none = await q(
    `SELECT Name, (SELECT Id FROM Partner_Deal_Registrations__r) FROM Account WHERE Id = '${ids.customer}'`
  );
  assert.equal(pick(none.records[0], 'Partner_Deal_Registrations__r'), null);
});

test('WHERE: AND/OR/NOT, comparisons, IN, LIKE, null checks, escapes', async () => {
  const names = async (where: string) =>
    (await q(`SELECT Name FROM Account WHERE ${where} ORDER BY Name`)).records.map((r) => r.Name);
  assert.deepEqual(await names(`Partner_Track__c = 'select' AND Partner_Region__c = 'EMEA'`), [
    "O'Brien Cloud"
  ]);
  assert.deepEqual(
    await names(
      `(Partner_Track__c = 'Open' OR Partner_Region__c = 'AMER') AND Net_ARR_Trailing_12M__c >= 250000`
    ),
    ['Acme Partners', 'Bolt Integrators']
  );
  assert.deepEqual(await names(`NOT Partner_Track__c IN ('Open', 'Select')`), ['Customer 100%']);
  assert.deepEqual(await names(`Partner_Track__c NOT IN ('Open')`), [
    'Bolt Integrators',
    'Customer 100%',
    "O'Brien Cloud"
  ]);
  assert.deepEqual(await names(`Name LIKE '%CLOUD'`), ["O'Brien Cloud"]);
  assert.deepEqual(await names(`Name LIKE 'b_lt%'`), ['Bolt Integrators']);
  assert.deepEqual(await names(`Name LIKE '%100\\%'`), ['Customer 100%']);
  assert.deepEqual(await names(`Name = 'O\\'Brien Cloud'`), ["O'Brien Cloud"]);
  assert.deepEqual(await names(`Partner_Track__c = null`), ['Customer 100%']);
  assert.deepEqual(await names(`Incumbent_Partner__c != null`), ['Customer 100%']);
  assert.deepEqual(
    await names(`Net_ARR_Trailing_12M__c > 300000 AND Net_ARR_Trailing_12M__c < 400000`),
    ["O'Brien Cloud"]
  );
  assert.deepEqual(
    await names(
      `Id IN (SELECT Partner_Account__c FROM Deal_Registration__c WHERE Status__c = 'Approved')`
    ),
    ['Acme Partners']
  );
  assert.deepEqual(
    await names(
      `Partner_Track__c != null AND Id NOT IN (SELECT Partner_Account__c FROM Deal_Registration__c)`
    ),
    []
  );
});

test('INCLUDES and EXCLUDES on multi-select picklists', async () => {
  const count = async (where: string) =>
    (await q(`SELECT Id FROM Joint_Pursuit_Plan__c WHERE ${where}`)).totalSize;
  assert.equal(await count(`Personas__c INCLUDES ('Head of IT')`), 1);
  assert.equal(await count(`Personas__c INCLUDES ('Head of IT;VP App Dev')`), 1);
  assert.equal(await count(`Personas__c INCLUDES ('Head of IT;Chief Architect')`), 0);
  assert.equal(await count(`Personas__c EXCLUDES ('Chief Architect')`), 1);
  assert.equal(await count(`Personas__c = 'Head of IT;VP App Dev'`), 1);
});

test('date and datetime literals and date literals', async () => {
  const count = async (where: string) =>
    (await q(`SELECT Id FROM Deal_Registration__c WHERE ${where}`)).totalSize;
  assert.equal(await count(`Approved_On__c = LAST_N_DAYS:30`), 1);
  assert.equal(await count(`Approved_On__c < LAST_N_DAYS:30`), 1);
  assert.equal(await count(`Approved_On__c > ${day(-6)}`), 1);
  assert.equal(await count(`CreatedDate = TODAY`), 3);
  assert.equal(await count(`CreatedDate = YESTERDAY`), 0);
  assert.equal(await count(`CreatedDate > 2020-01-01T00:00:00Z`), 3);
  assert.equal(await count(`CreatedDate = THIS_YEAR AND CreatedDate = THIS_QUARTER`), 3);
  assert.equal(await count(`CreatedDate = LAST_QUARTER`), 0);
  const opps = await q(`SELECT Id FROM Opportunity WHERE CloseDate = NEXT_N_DAYS:30`);
  assert.equal(opps.totalSize, 1);
});

test('ORDER BY with NULLS FIRST/LAST, LIMIT and OFFSET', async () => {
  const names = (
    await q(
      `SELECT Name FROM Account ORDER BY Partner_Track__c DESC NULLS LAST, Name ASC LIMIT 3 OFFSET 1`
    )
  ).records.map((r) => r.Name);
  assert.deepEqual(names, ["O'Brien Cloud", 'Acme Partners', 'Customer 100%']);
  const nullsFirst = (
    await q(`SELECT Name FROM Account ORDER BY Partner_Track__c NULLS FIRST LIMIT 1`)
  ).records[0].Name;
  assert.equal(nullsFirst, 'Customer 100%');
});

test('COUNT() and GROUP BY aggregates with aliases expr0...', async () => {
  const count = await q(`SELECT COUNT() FROM Account WHERE Partner_Track__c != null`);
  assert.equal(count.totalSize, 3);
  assert.deepEqual(count.records, []);
  const grouped = await q(
    `SELECT Partner_Track__c, COUNT(Id), SUM(Net_ARR_Trailing_12M__c) total, MAX(Name) FROM Account WHERE Partner_Track__c != null GROUP BY Partner_Track__c ORDER BY Partner_Track__c`
  );
  assert.deepEqual(
    grouped.records.map((r) => ({
      track: r.Partner_Track__c,
      n: r.expr0,
      total: r.total,
      max: r.expr1
    })),
    [
      { track: 'Open', n: 1, total: 250000, max: 'Acme Partners' },
      { track: 'Select', n: 2, total: 750000, max: "O'Brien Cloud" }
    ]
  );
  assert.equal(pick(grouped.records[0], 'attributes.type'), 'AggregateResult');
});

test('queryAll sees deleted records; query does not', async () => {
  const { conn } = running;
  const temp = await conn.sobject('Account').create({ Name: 'Temporary' });
  await conn.sobject('Account').destroy(temp.id!);
  const live = await q(`SELECT Id FROM Account WHERE Name = 'Temporary'`);
  assert.equal(live.totalSize, 0);
  const all = await running.conn.query(
    `SELECT Id, IsDeleted FROM Account WHERE Name = 'Temporary'`,
    { scanAll: true }
  );
  assert.equal(all.totalSize, 1);
  assert.equal(pick(all.records[0], 'IsDeleted'), true);
});

test('unknown fields, objects and relationships are refused like Salesforce', async () => {
  const field = await rejection(q(`SELECT Foo__c FROM Account`));
  assert.equal(field.errorCode, 'INVALID_FIELD');
  assert.match(field.message, /No such column 'Foo__c' on entity 'Account'/);
  const whereField = await rejection(q(`SELECT Id FROM Account WHERE Bar__c = 1`));
  assert.equal(whereField.errorCode, 'INVALID_FIELD');
  const object = await rejection(q(`SELECT Id FROM Nope__c`));
  assert.equal(object.errorCode, 'INVALID_TYPE');
  const relationship = await rejection(q(`SELECT Foo__r.Name FROM Account`));
  assert.equal(relationship.errorCode, 'INVALID_FIELD');
  const child = await rejection(q(`SELECT Id, (SELECT Id FROM Nothing__r) FROM Account`));
  assert.equal(child.errorCode, 'INVALID_TYPE');
});

test('what Salesforce or the local org does not support is MALFORMED_QUERY, never a guess', async () => {
  for (const soql of [
    'SELECT Id Name FROM Account', // the parser reads "Name" as an alias
    'SELECT FROM Account',
    "SELECT Id FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'c'",
    'SELECT Id FROM Account a',
    'SELECT Name, COUNT(Id) FROM Account',
    'SELECT Id FROM Account FOR UPDATE',
    'SELECT TYPEOF Owner WHEN User THEN Name END FROM Account',
    'SELECT Partner_Track__c, COUNT(Id) FROM Account GROUP BY Partner_Track__c HAVING COUNT(Id) > 1',
    'SELECT Id, Id FROM Account',
    'SELECT toLabel(Partner_Track__c) FROM Account'
  ]) {
    const error = await rejection(q(soql));
    assert.equal(error.errorCode, 'MALFORMED_QUERY', soql);
  }
  const typed = await rejection(q(`SELECT Id FROM Account WHERE Net_ARR_Trailing_12M__c = 'lots'`));
  assert.equal(typed.errorCode, 'INVALID_FIELD');
  const badId = await rejection(q(`SELECT Id FROM Account WHERE Id = 'abc'`));
  assert.equal(badId.errorCode, 'INVALID_QUERY_FILTER_OPERATOR');
  const longText = await rejection(q(`SELECT Id FROM Account WHERE Track_Gaps__c = 'x'`));
  assert.equal(longText.errorCode, 'INVALID_FIELD');
  const offset = await rejection(q(`SELECT Id FROM Account OFFSET 2001`));
  assert.equal(offset.errorCode, 'NUMBER_OUTSIDE_VALID_RANGE');
});

test('queryMore pages 2,000 records at a time through nextRecordsUrl', async () => {
  const { conn } = running;
  for (let batch = 0; batch < 11; batch++) {
    await conn.sobject('Partner_Certification__c').create(
      Array.from({ length: 200 }, (_, i) => ({
        Partner_Account__c: ids.acme,
        Certification__c: 'Sales Core',
        External_Id__c: `T-${batch * 200 + i}`
      })),
      { allOrNone: true }
    );
  }
  const first = await conn.query<{ External_Id__c: string }>(
    `SELECT External_Id__c FROM Partner_Certification__c`
  );
  assert.equal(first.totalSize, 2200);
  assert.equal(first.done, false);
  assert.equal(first.records.length, 2000);
  // jsforce hands back the locator as an absolute URL; Salesforce sends the path
  assert.match(first.nextRecordsUrl!, /\/services\/data\/v62\.0\/query\/01g\w+-2000$/);
  const page = await raw(
    running.org,
    `/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id FROM Partner_Certification__c')}`
  );
  assert.match(
    (page.body as { nextRecordsUrl: string }).nextRecordsUrl,
    /^\/services\/data\/v62\.0\/query\/01g\w+-2000$/
  );
  const second = await conn.queryMore<{ External_Id__c: string }>(first.nextRecordsUrl!);
  assert.equal(second.done, true);
  assert.equal(second.records.length, 200);
  const all = new Set([...first.records, ...second.records].map((r) => r.External_Id__c));
  assert.equal(all.size, 2200);
  const selective = await conn.query(
    `SELECT Id FROM Partner_Certification__c WHERE External_Id__c = 'T-2199'`
  );
  assert.equal(selective.totalSize, 1);
  const bad = await rejection(conn.queryMore('/services/data/v62.0/query/01gdoesnotexist-2000'));
  assert.equal(bad.errorCode, 'INVALID_QUERY_LOCATOR');
});

test('child relationships are the schema declaration: each one works in a subquery and describe lists them', async () => {
  const { conn } = running;
  const declared = projectSchema().objects;
  for (const parent of Object.values(declared)) {
    const described = await conn.sobject(parent.name).describe();
    assert.deepEqual(
      described.childRelationships.map((c) => c.relationshipName).sort(),
      parent.childRelationships.map((c) => c.relationshipName).sort(),
      parent.name
    );
    for (const child of parent.childRelationships) {
      const soql = `SELECT Id, (SELECT Id FROM ${child.relationshipName}) FROM ${parent.name} LIMIT 1`;
      await assert.doesNotReject(async () => {
        await conn.query(soql);
      }, soql);
    }
  }
  // The standard ones come from scripts/lib/standardObjects.ts, not from force-app.
  const account = declared.Account.childRelationships.map((c) => c.relationshipName);
  assert.ok(account.includes('Contacts') && account.includes('Opportunities'), String(account));
});
