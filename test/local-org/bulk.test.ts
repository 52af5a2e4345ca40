import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { pick, raw, rejection, startOrg, type Running } from './helpers.ts';

let running: Running;
let partnerId: string;
before(async () => {
  running = await startOrg();
  partnerId = (await running.conn.sobject('Account').create({ Name: 'Bulk Partner' })).id!;
});
after(() => running.dispose());

test('ingest upsert by external id: successful, failed (sf__Error) and unprocessed results', async () => {
  const { conn } = running;
  const rows = ['Partner_Account__c,Certification__c,External_Id__c,Earned_On__c'];
  for (let i = 0; i < 450; i++) rows.push(`${partnerId},Sales Core,B-${i},2026-01-15`);
  rows.push(`${partnerId},Gold Star,B-bad,2026-01-15`);
  rows.push(`${partnerId},Sales Core,B-date,not-a-date`);
  const results = await conn.bulk2.loadAndWaitForResults({
    object: 'Partner_Certification__c',
    operation: 'upsert',
    externalIdFieldName: 'External_Id__c',
    input: `${rows.join('\n')}\n`,
    pollInterval: 50,
    pollTimeout: 10_000
  });
  assert.equal(results.successfulResults.length, 450);
  assert.equal(results.failedResults.length, 2);
  assert.equal(results.unprocessedRecords.length, 0);
  const errors = results.failedResults.map((r) => String(r.sf__Error));
  assert.match(
    errors[0],
    /^INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:.*Gold Star:Certification__c --$/
  );
  assert.match(errors[1], /^INVALID_TYPE_ON_FIELD_IN_RECORD:/);
  assert.equal(results.successfulResults[0].sf__Created, 'true');

  // the same file again updates instead of creating
  const again = await conn.bulk2.loadAndWaitForResults({
    object: 'Partner_Certification__c',
    operation: 'upsert',
    externalIdFieldName: 'External_Id__c',
    input: `${rows.slice(0, 3).join('\n')}\n`,
    pollInterval: 50
  });
  assert.deepEqual(
    again.successfulResults.map((r) => r.sf__Created),
    ['false', 'false']
  );
  assert.equal((await conn.query('SELECT COUNT() FROM Partner_Certification__c')).totalSize, 450);
});

test('ingest insert, update and delete; job info counts what was processed', async () => {
  const { conn } = running;
  const inserted = await conn.bulk2.loadAndWaitForResults({
    object: 'Account',
    operation: 'insert',
    input: 'Name,Partner_Track__c\nBulk A,Open\nBulk B,Select\n,Open\n',
    pollInterval: 50
  });
  assert.equal(inserted.successfulResults.length, 2);
  assert.match(
    String(inserted.failedResults[0].sf__Error),
    /^REQUIRED_FIELD_MISSING:Required fields are missing: \[Name\]:Name --$/
  );
  const ids = inserted.successfulResults.map((r) => String(r.sf__Id));
  const updated = await conn.bulk2.loadAndWaitForResults({
    object: 'Account',
    operation: 'update',
    input: `Id,Partner_Region__c\n${ids[0]},APAC\n${ids[1]},#N/A\n`,
    pollInterval: 50
  });
  assert.equal(updated.successfulResults.length, 2);
  const regions = await conn.query<{ Name: string; Partner_Region__c: string | null }>(
    `SELECT Name, Partner_Region__c FROM Account WHERE Id IN ('${ids[0]}', '${ids[1]}') ORDER BY Name`
  );
  assert.deepEqual(
    regions.records.map((r) => r.Partner_Region__c),
    ['APAC', null]
  );
  const deleted = await conn.bulk2.loadAndWaitForResults({
    object: 'Account',
    operation: 'delete',
    input: `Id\n${ids.join('\n')}\n`,
    pollInterval: 50
  });
  assert.equal(deleted.successfulResults.length, 2);

  // job info through raw REST
  const job = await raw(running.org, '/services/data/v62.0/jobs/ingest', {
    method: 'POST',
    body: JSON.stringify({ object: 'Account', operation: 'insert' })
  });
  const info = job.body as { id: string; state: string; contentUrl: string };
  assert.equal(info.state, 'Open');
  assert.match(info.id, /^750/);
  const put = await raw(running.org, `/services/data/v62.0/jobs/ingest/${info.id}/batches`, {
    method: 'PUT',
    body: 'Name\nRaw One\nRaw Two\n',
    headers: { 'Content-Type': 'text/csv' }
  });
  assert.equal(put.status, 201);
  await raw(running.org, `/services/data/v62.0/jobs/ingest/${info.id}`, {
    method: 'PATCH',
    body: JSON.stringify({ state: 'UploadComplete' })
  });
  const done = (await raw(running.org, `/services/data/v62.0/jobs/ingest/${info.id}`))
    .body as Record<string, unknown>;
  assert.equal(done.state, 'JobComplete');
  assert.equal(done.numberRecordsProcessed, 2);
  assert.equal(done.numberRecordsFailed, 0);
});

test('an unknown column fails the job with InvalidBatch; its rows come back unprocessed', async () => {
  const job = (
    await raw(running.org, '/services/data/v62.0/jobs/ingest', {
      method: 'POST',
      body: JSON.stringify({ object: 'Account', operation: 'insert' })
    })
  ).body as { id: string };
  await raw(running.org, `/services/data/v62.0/jobs/ingest/${job.id}/batches`, {
    method: 'PUT',
    body: 'Name,Nope__c\nX,1\n',
    headers: { 'Content-Type': 'text/csv' }
  });
  await raw(running.org, `/services/data/v62.0/jobs/ingest/${job.id}`, {
    method: 'PATCH',
    body: JSON.stringify({ state: 'UploadComplete' })
  });
  const info = (await raw(running.org, `/services/data/v62.0/jobs/ingest/${job.id}`)).body as {
    state: string;
    errorMessage: string;
  };
  assert.equal(info.state, 'Failed');
  assert.match(info.errorMessage, /Field name not found : Nope__c/);
  const unprocessed = await raw(
    running.org,
    `/services/data/v62.0/jobs/ingest/${job.id}/unprocessedrecords`
  );
  assert.deepEqual(parse(String(unprocessed.body)), [
    ['Name', 'Nope__c'],
    ['X', '1']
  ]);
  const badObject = await rejection(
    running.conn.bulk2.createJob({ object: 'Nope__c', operation: 'insert' }).open()
  );
  assert.ok(badObject);
});

test('a CSV column can set a lookup by the parent external id', async () => {
  const { conn } = running;
  await conn
    .sobject('Deal_Registration__c')
    .create({ External_Id__c: 'PORTAL-77', Customer_Name__c: 'Tailspin' });
  const loaded = await conn.bulk2.loadAndWaitForResults({
    object: 'Opportunity',
    operation: 'insert',
    input:
      'Name,StageName,CloseDate,Registered_Deal__r.External_Id__c\nTailspin deal,Qualification,2027-01-31,PORTAL-77\nGhost deal,Qualification,2027-01-31,PORTAL-404\n',
    pollInterval: 50
  });
  assert.equal(loaded.successfulResults.length, 1);
  assert.match(
    String(loaded.failedResults[0].sf__Error),
    /^INVALID_FIELD:Foreign key external ID: PORTAL-404 not found/
  );
  const opp = await conn.query(
    `SELECT Registered_Deal__r.Customer_Name__c FROM Opportunity WHERE Name = 'Tailspin deal'`
  );
  assert.equal(pick(opp.records[0], 'Registered_Deal__r.Customer_Name__c'), 'Tailspin');
  const job = (
    await raw(running.org, '/services/data/v62.0/jobs/ingest', {
      method: 'POST',
      body: JSON.stringify({ object: 'Opportunity', operation: 'insert' })
    })
  ).body as { id: string };
  await raw(running.org, `/services/data/v62.0/jobs/ingest/${job.id}/batches`, {
    method: 'PUT',
    body: 'Name,Partner_Account__r.Name\nX,Acme\n',
    headers: { 'Content-Type': 'text/csv' }
  });
  await raw(running.org, `/services/data/v62.0/jobs/ingest/${job.id}`, {
    method: 'PATCH',
    body: JSON.stringify({ state: 'UploadComplete' })
  });
  const info = (await raw(running.org, `/services/data/v62.0/jobs/ingest/${job.id}`)).body;
  assert.equal(pick(info, 'state'), 'Failed');
  assert.match(String(pick(info, 'errorMessage')), /Name is not an External ID/);
});

test('query jobs page results with Sforce-Locator and maxRecords', async () => {
  const create = await raw(running.org, '/services/data/v62.0/jobs/query', {
    method: 'POST',
    body: JSON.stringify({
      operation: 'query',
      query:
        'SELECT External_Id__c, Partner_Account__r.Name FROM Partner_Certification__c ORDER BY External_Id__c'
    })
  });
  const job = create.body as { id: string };
  const info = (await raw(running.org, `/services/data/v62.0/jobs/query/${job.id}`)).body as {
    state: string;
    numberRecordsProcessed: number;
  };
  assert.equal(info.state, 'JobComplete');
  assert.equal(info.numberRecordsProcessed, 450);
  const rows: string[][] = [];
  let locator: string | null = null;
  let pages = 0;
  do {
    const page = await raw(
      running.org,
      `/services/data/v62.0/jobs/query/${job.id}/results?maxRecords=200${locator ? `&locator=${locator}` : ''}`
    );
    const [header, ...data] = parse(String(page.body)) as string[][];
    assert.deepEqual(header, ['External_Id__c', 'Partner_Account__r.Name']);
    assert.equal(page.headers.get('sforce-numberofrecords'), String(data.length));
    rows.push(...data);
    locator = page.headers.get('sforce-locator');
    pages++;
  } while (locator && locator !== 'null');
  assert.equal(pages, 3);
  assert.equal(rows.length, 450);
  assert.equal(rows[0][1], 'Bulk Partner');
  const nested = await raw(running.org, '/services/data/v62.0/jobs/query', {
    method: 'POST',
    body: JSON.stringify({
      operation: 'query',
      query: 'SELECT Id, (SELECT Id FROM Partner_Certifications__r) FROM Account'
    })
  });
  assert.equal(nested.status, 400);
});

test('single-page bulk query through jsforce', async () => {
  const records = await running.conn.bulk2.query(
    `SELECT Name FROM Account WHERE Name = 'Bulk Partner'`
  );
  const list = [];
  for await (const record of records) list.push(record);
  assert.deepEqual(
    list.map((r) => (r as { Name: string }).Name),
    ['Bulk Partner']
  );
});
