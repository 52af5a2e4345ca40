import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { pick, pickAll, raw, startOrg, type Running } from './helpers.ts';

let running: Running;
const ids: Record<string, string> = {};
before(async () => {
  running = await startOrg();
  const { conn } = running;
  ids.partner = (
    await conn.sobject('Account').create({ Name: 'Acme Partners', Partner_Track__c: 'Select' })
  ).id!;
  ids.opp = (
    await conn.sobject('Opportunity').create({
      Name: 'Big deal',
      StageName: 'Qualification',
      CloseDate: '2026-12-31',
      Amount: 125000,
      Partner_Account__c: ids.partner
    })
  ).id!;
  const regs = await conn.sobject('Deal_Registration__c').create([
    {
      Opportunity__c: ids.opp,
      Partner_Account__c: ids.partner,
      Status__c: 'Approved',
      Estimated_Amount__c: 2
    },
    {
      Opportunity__c: ids.opp,
      Partner_Account__c: ids.partner,
      Status__c: 'Submitted',
      Estimated_Amount__c: 1
    },
    { Opportunity__c: ids.opp, Status__c: 'Denied', Estimated_Amount__c: 3 }
  ]);
  ids.reg = regs[0].id!;
});
after(() => running.dispose());

const ui = (path: string, init?: RequestInit) =>
  raw(running.org, `/services/data/v62.0/ui-api${path}`, init);

test('GET a record in the LDS shape, with nested relationship fields and optional fields', async () => {
  const r = await ui(
    `/records/${ids.opp}?fields=Opportunity.Name,Opportunity.Amount,Opportunity.Partner_Account__r.Partner_Track__c&optionalFields=Opportunity.Nope__c,Opportunity.CloseDate`
  );
  assert.equal(r.status, 200);
  const body = r.body;
  assert.equal(pick(body, 'apiName'), 'Opportunity');
  assert.equal(pick(body, 'id'), ids.opp);
  assert.deepEqual(pick(body, 'fields.Name'), { displayValue: null, value: 'Big deal' });
  assert.deepEqual(pick(body, 'fields.Amount'), { displayValue: '$125,000.00', value: 125000 });
  assert.deepEqual(pick(body, 'fields.CloseDate'), {
    displayValue: '12/31/2026',
    value: '2026-12-31'
  });
  assert.equal(pick(body, 'fields.Partner_Account__r.displayValue'), 'Acme Partners');
  assert.equal(pick(body, 'fields.Partner_Account__r.value.apiName'), 'Account');
  assert.deepEqual(pick(body, 'fields.Partner_Account__r.value.fields.Partner_Track__c'), {
    displayValue: 'Select',
    value: 'Select'
  });
  assert.equal(pick(body, 'fields.Nope__c'), undefined, 'unknown optional fields are left out');
  const bad = await ui(`/records/${ids.opp}?fields=Opportunity.Nope__c`);
  assert.equal(bad.status, 400);
  const missing = await ui(`/records/006Lo0000009999ZZZ?fields=Opportunity.Name`);
  assert.equal(missing.status, 404);
});

test('create and update through the UI API; errors come back as field errors', async () => {
  const created = await ui('/records', {
    method: 'POST',
    body: JSON.stringify({
      apiName: 'Account',
      fields: { Name: 'Made in preview', Partner_Track__c: 'Open' }
    })
  });
  assert.equal(created.status, 201);
  const id = (created.body as { id: string }).id;
  const updated = await ui(`/records/${id}`, {
    method: 'PATCH',
    body: JSON.stringify({ fields: { Partner_Track__c: 'Select' } })
  });
  assert.equal(updated.status, 200);
  assert.equal(pick(updated.body, 'fields.Partner_Track__c.value'), 'Select');
  const bad = await ui(`/records/${id}`, {
    method: 'PATCH',
    body: JSON.stringify({ fields: { Partner_Track__c: 'Gold' } })
  });
  assert.equal(bad.status, 400);
  assert.equal(
    pick(bad.body, '0.output.fieldErrors.Partner_Track__c.0.errorCode'),
    'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
  );
});

test('related-list records: the children of a parent through a relationship, sorted and paged', async () => {
  const r = await ui(
    `/related-list-records/${ids.opp}/Deal_Registrations__r?fields=Deal_Registration__c.Name,Deal_Registration__c.Status__c&sortBy=-Deal_Registration__c.Estimated_Amount__c&pageSize=2`
  );
  assert.equal(r.status, 200);
  const body = r.body;
  assert.equal(pick(body, 'count'), 2);
  assert.deepEqual(pickAll(body, 'records', 'fields.Status__c.value'), ['Denied', 'Approved']);
  assert.equal(pick(body, 'nextPageToken'), '1');
  const next = (
    await ui(
      `/related-list-records/${ids.opp}/Deal_Registrations__r?fields=Deal_Registration__c.Status__c&sortBy=-Deal_Registration__c.Estimated_Amount__c&pageSize=2&pageToken=1`
    )
  ).body;
  assert.deepEqual(pickAll(next, 'records', 'fields.Status__c.value'), ['Submitted']);
  const unknown = await ui(
    `/related-list-records/${ids.opp}/Nothing__r?fields=Deal_Registration__c.Name`
  );
  assert.equal(unknown.status, 404);
});
