import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { pick, rejection, raw, startOrg, type Running } from './helpers.ts';

let running: Running;
before(async () => {
  running = await startOrg();
});
after(() => running.dispose());

const partner = (name: string, extra: Record<string, unknown> = {}) => ({
  Name: name,
  Partner_Track__c: 'Open',
  Partner_Status__c: 'Authorized',
  Partner_Region__c: 'EMEA',
  ...extra
});

async function createAccount(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const result = await running.conn.sobject('Account').create(partner(name, extra));
  assert.ok(result.success);
  return result.id;
}

test('create, retrieve, update and delete a record, with system fields and 18-character ids', async () => {
  const { conn } = running;
  const id = await createAccount('Acme Partners');
  assert.match(id, /^001\w{15}$/);
  const record = (await conn.sobject('Account').retrieve(id)) as Record<string, unknown>;
  assert.equal(record.Name, 'Acme Partners');
  assert.equal(record.OwnerId, running.org.userId);
  assert.equal(record.CreatedById, running.org.userId);
  assert.match(String(record.CreatedDate), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
  assert.equal(record.Exec_Sponsored_JBP__c, false, 'checkbox default');
  // 15-character ids are accepted
  const short = (await conn.sobject('Account').retrieve(id.slice(0, 15))) as Record<
    string,
    unknown
  >;
  assert.equal(short.Id, id);
  await conn.sobject('Account').update({ Id: id, Partner_Track__c: 'Select' });
  const updated = (await conn
    .sobject('Account')
    .retrieve(id, { fields: ['Partner_Track__c'] } as never)) as Record<string, unknown>;
  assert.equal(updated.Partner_Track__c, 'Select');
  await conn.sobject('Account').destroy(id);
  const gone = await rejection(conn.sobject('Account').retrieve(id));
  assert.equal(gone.errorCode, 'ENTITY_IS_DELETED');
  const missing = await rejection(conn.sobject('Account').retrieve('001Lo0000009999ZZZ'));
  assert.equal(missing.errorCode, 'NOT_FOUND');
});

test('auto-number names count up in the display format', async () => {
  const { conn } = running;
  const a = await conn.sobject('Deal_Registration__c').create({ Customer_Name__c: 'One' });
  const b = await conn.sobject('Deal_Registration__c').create({ Customer_Name__c: 'Two' });
  const records = await conn
    .sobject('Deal_Registration__c')
    .retrieve([a.id!, b.id!], { fields: ['Name', 'Status__c'] } as never);
  const [first, second] = records as unknown as { Name: string; Status__c: string }[];
  assert.match(first.Name, /^DR-\d{6}$/);
  assert.equal(Number(second.Name.slice(3)), Number(first.Name.slice(3)) + 1);
  assert.equal(first.Status__c, 'Submitted', 'picklist default');
});

test('validation errors carry Salesforce error codes', async () => {
  const { conn } = running;
  const unknown = await rejection(conn.sobject('Account').create({ Name: 'X', Foo__c: 1 }));
  assert.equal(unknown.errorCode, 'INVALID_FIELD');
  assert.match(unknown.message, /No such column 'Foo__c' on sobject of type Account/);

  const required = await rejection(conn.sobject('Opportunity').create({ Name: 'No stage' }));
  assert.equal(required.errorCode, 'REQUIRED_FIELD_MISSING');
  assert.match(required.message, /StageName/);

  const tooLong = await rejection(conn.sobject('Account').create({ Name: 'x'.repeat(256) }));
  assert.equal(tooLong.errorCode, 'STRING_TOO_LONG');

  const picklist = await rejection(
    conn.sobject('Account').create(partner('Gold', { Partner_Track__c: 'Gold' }))
  );
  assert.equal(picklist.errorCode, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');

  const number = await rejection(
    conn.sobject('Account').create({ Name: 'N', Net_ARR_Trailing_12M__c: 'lots' })
  );
  assert.equal(number.errorCode, 'JSON_PARSER_ERROR');

  const date = await rejection(
    conn.sobject('Account').create({ Name: 'D', Incumbent_Since__c: '2026-02-30' })
  );
  assert.equal(date.errorCode, 'JSON_PARSER_ERROR');

  const readOnly = await rejection(
    conn.sobject('Account').create({ Name: 'R', CreatedDate: '2020-01-01T00:00:00Z' })
  );
  assert.equal(readOnly.errorCode, 'INVALID_FIELD_FOR_INSERT_UPDATE');

  const autoName = await rejection(conn.sobject('Deal_Registration__c').create({ Name: 'DR-1' }));
  assert.equal(autoName.errorCode, 'INVALID_FIELD_FOR_INSERT_UPDATE');
});

test('lookups must point at an existing record of the right object', async () => {
  const { conn } = running;
  const accountId = await createAccount('Lookup Target');
  const wrongObject = await rejection(
    conn.sobject('Deal_Registration__c').create({ Partner_Account__c: running.org.userId })
  );
  assert.equal(wrongObject.errorCode, 'FIELD_INTEGRITY_EXCEPTION');
  const malformed = await rejection(
    conn.sobject('Deal_Registration__c').create({ Partner_Account__c: 'nonsense' })
  );
  assert.equal(malformed.errorCode, 'FIELD_INTEGRITY_EXCEPTION');
  const missing = await rejection(
    conn
      .sobject('Deal_Registration__c')
      .create({ Partner_Account__c: `${accountId.slice(0, 9)}zzzzzz` })
  );
  assert.equal(missing.errorCode, 'INVALID_CROSS_REFERENCE_KEY');
  const ok = await conn.sobject('Deal_Registration__c').create({ Partner_Account__c: accountId });
  assert.ok(ok.success);
});

test('unique external ids refuse duplicates (this one is case-sensitive) and upsert by them', async () => {
  const { conn } = running;
  const first = await conn
    .sobject('Deal_Registration__c')
    .upsert({ External_Id__c: 'PORTAL-1', Customer_Name__c: 'A' }, 'External_Id__c');
  assert.equal((first as { created: boolean }).created, true);
  const second = await conn
    .sobject('Deal_Registration__c')
    .upsert({ External_Id__c: 'PORTAL-1', Customer_Name__c: 'B' }, 'External_Id__c');
  assert.equal((second as { created: boolean }).created, false);
  assert.equal(second.id, first.id);
  const record = (await conn.sobject('Deal_Registration__c').retrieve(first.id!)) as Record<
    string,
    unknown
  >;
  assert.equal(record.Customer_Name__c, 'B');
  const duplicate = await rejection(
    conn.sobject('Deal_Registration__c').create({ External_Id__c: 'PORTAL-1' })
  );
  assert.equal(duplicate.errorCode, 'DUPLICATE_VALUE');
  assert.match(duplicate.message, new RegExp(first.id!));
  const otherCase = await conn
    .sobject('Deal_Registration__c')
    .create({ External_Id__c: 'portal-1' });
  assert.ok(otherCase.success, 'External_Id__c is case-sensitive in the metadata');
  const notExternal = await raw(running.org, '/services/data/v62.0/sobjects/Account/Name/Acme', {
    method: 'PATCH',
    body: '{}'
  });
  assert.equal(notExternal.status, 404);
});

test('a lookup can be set by the parent external id', async () => {
  const { conn } = running;
  const accountId = await createAccount('Cert Partner');
  const cert = await conn.sobject('Partner_Certification__c').create({
    Partner_Account__c: accountId,
    Certification__c: 'Sales Core',
    External_Id__c: 'TRAIN-1'
  });
  const plan = await conn
    .sobject('Deal_Registration__c')
    .create({ External_Id__c: 'PORTAL-REF', Customer_Name__c: 'C' });
  assert.ok(cert.success && plan.success);
  const opp = (await conn.sobject('Opportunity').create({
    Name: 'Ref opp',
    StageName: 'Prospecting',
    CloseDate: '2026-12-31',
    Registered_Deal__r: { External_Id__c: 'PORTAL-REF' }
  } as never)) as unknown as { id: string };
  const stored = (await conn.sobject('Opportunity').retrieve(opp.id!)) as unknown as Record<
    string,
    unknown
  >;
  assert.equal(stored.Registered_Deal__c, plan.id);
  const missing = await rejection(
    conn.sobject('Opportunity').create({
      Name: 'x',
      StageName: 'Prospecting',
      CloseDate: '2026-12-31',
      Registered_Deal__r: { External_Id__c: 'NOPE' }
    } as never)
  );
  assert.equal(missing.errorCode, 'INVALID_FIELD');
});

test('a master-detail field cannot be reparented; deleting a master deletes its details', async () => {
  const { conn } = running;
  const accountId = await createAccount('Master');
  const otherId = await createAccount('Other master');
  const cert = await conn
    .sobject('Partner_Certification__c')
    .create({ Partner_Account__c: accountId, Certification__c: 'Sales Core' });
  const reparent = await rejection(
    conn.sobject('Partner_Certification__c').update({ Id: cert.id!, Partner_Account__c: otherId })
  );
  assert.equal(reparent.errorCode, 'INVALID_FIELD_FOR_INSERT_UPDATE');
  // restating the current master (an upsert row carrying it) is not a change
  const same = await conn
    .sobject('Partner_Certification__c')
    .update({ Id: cert.id!, Partner_Account__c: accountId, Region__c: 'EMEA' });
  assert.ok(same.success);
  await conn.sobject('Account').destroy(accountId);
  const error = await rejection(conn.sobject('Partner_Certification__c').retrieve(cert.id!));
  assert.equal(error.errorCode, 'ENTITY_IS_DELETED');
});

test('sObject collections: create 200, allOrNone rolls back, over 200 is refused', async () => {
  const { conn } = running;
  const records = Array.from({ length: 200 }, (_, i) => partner(`Bulk ${i}`));
  const created = await conn.sobject('Account').create(records, { allOrNone: true });
  assert.equal(created.length, 200);
  assert.ok(created.every((r) => r.success));

  const mixed = [partner('Good'), partner('Bad', { Partner_Track__c: 'Gold' })];
  const rolledBack = (await conn
    .sobject('Account')
    .create(mixed, { allOrNone: true })) as unknown as {
    success: boolean;
    errors: { statusCode: string }[];
  }[];
  assert.equal(rolledBack[0].success, false);
  assert.equal(rolledBack[0].errors[0].statusCode, 'ALL_OR_NONE_OPERATION_ROLLED_BACK');
  assert.equal(rolledBack[1].errors[0].statusCode, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
  const count = await conn.query("SELECT COUNT() FROM Account WHERE Name = 'Good'");
  assert.equal(count.totalSize, 0);

  const partial = (await conn
    .sobject('Account')
    .create(mixed, { allOrNone: false })) as unknown as { success: boolean }[];
  assert.deepEqual(
    partial.map((r) => r.success),
    [true, false]
  );

  const over = await rejection(
    conn.sobject('Account').create(Array.from({ length: 201 }, (_, i) => partner(`O${i}`)))
  );
  assert.equal(over.errorCode, 'EXCEEDED_ID_LIMIT');
});

test('sObject collections: update, upsert, retrieve and delete', async () => {
  const { conn } = running;
  const created = await conn.sobject('Account').create([partner('U1'), partner('U2')]);
  const ids = created.map((r) => r.id!);
  const updated = await conn
    .sobject('Account')
    .update(ids.map((Id) => ({ Id, Partner_Region__c: 'APAC' })));
  assert.ok(updated.every((r) => r.success));
  const noId = await raw(running.org, '/services/data/v62.0/composite/sobjects', {
    method: 'PATCH',
    body: JSON.stringify({ records: [{ attributes: { type: 'Account' }, Name: 'No id' }] })
  });
  assert.equal(pick(noId.body, '0.errors.0.statusCode'), 'MISSING_ARGUMENT');
  const retrieved = (await conn
    .sobject('Account')
    .retrieve(ids, { fields: ['Partner_Region__c'] } as never)) as unknown as Record<
    string,
    unknown
  >[];
  assert.deepEqual(
    retrieved.map((r) => r.Partner_Region__c),
    ['APAC', 'APAC']
  );

  const upserted = (await conn.sobject('Deal_Registration__c').upsert(
    [
      { External_Id__c: 'C-1', Customer_Name__c: 'one' },
      { External_Id__c: 'C-2', Customer_Name__c: 'two' }
    ],
    'External_Id__c'
  )) as unknown as { created: boolean; success: boolean }[];
  assert.deepEqual(
    upserted.map((r) => r.created),
    [true, true]
  );
  const again = (await conn
    .sobject('Deal_Registration__c')
    .upsert([{ External_Id__c: 'C-1', Customer_Name__c: 'uno' }], 'External_Id__c')) as unknown as {
    created: boolean;
  }[];
  assert.equal(again[0].created, false);

  const deleted = await conn.sobject('Account').destroy([...ids, ids[0]]);
  assert.deepEqual(
    deleted.map((r) => r.success),
    [true, true, false]
  );
  assert.equal(
    (deleted[2] as unknown as { errors: { statusCode: string }[] }).errors[0].statusCode,
    'ENTITY_IS_DELETED'
  );
});

test('Users cannot be created or deleted through the API, as in an org without their setup fields', async () => {
  const { conn, org } = running;
  const created = await rejection(
    conn
      .sobject('User')
      .create({ LastName: 'New', Username: 'new@example.com', Email: 'new@example.com' })
  );
  assert.equal(created.errorCode, 'REQUIRED_FIELD_MISSING');
  assert.match(created.message, /ProfileId/);
  const deleted = await rejection(conn.sobject('User').destroy(org.userId));
  assert.equal(deleted.errorCode, 'INVALID_TYPE_FOR_OPERATION');
  const updated = await conn.sobject('User').update({ Id: org.userId, Title: 'Org Admin' });
  assert.ok(updated.success, 'Users can be updated');
});

test('an opportunity is closed and won as its stage says; IsClosed and IsWon are read-only', async () => {
  const { conn } = running;
  const customer = await createAccount('Stage Customer');
  const opportunity = conn.sobject('Opportunity');
  const created = await opportunity.create({
    Name: 'Renewal',
    AccountId: customer,
    StageName: 'Closed Won',
    CloseDate: '2026-10-01'
  });
  assert.ok(created.success);
  const flags = async () => {
    const record = (await opportunity.retrieve(created.id)) as Record<string, unknown>;
    return { IsClosed: record.IsClosed, IsWon: record.IsWon };
  };
  assert.deepEqual(await flags(), { IsClosed: true, IsWon: true });
  await opportunity.update({ Id: created.id, StageName: 'Closed Lost' });
  assert.deepEqual(await flags(), { IsClosed: true, IsWon: false });
  await opportunity.update({ Id: created.id, StageName: 'Qualification' });
  assert.deepEqual(await flags(), { IsClosed: false, IsWon: false });
  const refused = await rejection(opportunity.update({ Id: created.id, IsWon: true }));
  assert.equal(refused.errorCode, 'INVALID_FIELD_FOR_INSERT_UPDATE');
});
