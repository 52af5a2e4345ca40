import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { connect, pick, pickAll, raw, rejection, startOrg, type Running } from './helpers.ts';

let running: Running;
before(async () => {
  running = await startOrg();
});
after(() => running.dispose());

test('the token looks like a Salesforce session id and is written 0600 in the data dir', () => {
  const { org } = running;
  assert.match(org.accessToken, /^00D\w{12,15}![.\w]+$/);
  assert.equal(readFileSync(org.tokenFile, 'utf8').trim(), org.accessToken);
  assert.equal(statSync(org.tokenFile).mode & 0o777, 0o600);
  assert.equal(readFileSync(join(running.dataDir, 'instance-url'), 'utf8').trim(), org.instanceUrl);
});

test('a missing or wrong token gets 401 INVALID_SESSION_ID', async () => {
  const { org } = running;
  const missing = await raw(org, '/services/data/v62.0/sobjects', {}, null);
  assert.equal(missing.status, 401);
  assert.deepEqual(missing.body, [
    { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }
  ]);
  const error = await rejection(
    connect(org, `${org.accessToken}x`).query('SELECT Id FROM Account')
  );
  assert.equal(error.errorCode, 'INVALID_SESSION_ID');
});

test('versions are listed without a session and the double slash of the sf CLI is tolerated', async () => {
  const versions = await raw(running.org, '/services/data', {}, null);
  assert.equal(versions.status, 200);
  assert.ok((versions.body as { version: string }[]).some((v) => v.version === '62.0'));
  const resources = await raw(running.org, '//services/data/v62.0/');
  assert.equal(resources.status, 200);
  assert.equal((resources.body as Record<string, string>).query, '/services/data/v62.0/query');
  const unknown = await raw(running.org, '/services/data/v12.0/sobjects');
  assert.equal(unknown.status, 404);
});

test('describeGlobal and describe come from the force-app schema', async () => {
  const { conn } = running;
  const global = await conn.describeGlobal();
  const names = global.sobjects.map((s) => s.name);
  for (const name of [
    'Account',
    'Opportunity',
    'Deal_Registration__c',
    'Partner_Certification__c',
    'User'
  ]) {
    assert.ok(names.includes(name), name);
  }
  const describe = await conn.describe('Deal_Registration__c');
  const status = describe.fields.find((f) => f.name === 'Status__c')!;
  assert.equal(status.type, 'picklist');
  assert.deepEqual(
    status.picklistValues!.map((p) => p.value),
    ['Submitted', 'Approved', 'Denied', 'Returned', 'Expired']
  );
  const partner = describe.fields.find((f) => f.name === 'Partner_Account__c')!;
  assert.equal(partner.type, 'reference');
  assert.deepEqual(partner.referenceTo, ['Account']);
  assert.equal(partner.relationshipName, 'Partner_Account__r');
  const external = describe.fields.find((f) => f.name === 'External_Id__c')!;
  assert.equal(external.externalId, true);
  assert.equal(external.unique, true);
  const name = describe.fields.find((f) => f.name === 'Name')!;
  assert.equal(name.autoNumber, true);
  assert.equal(name.createable, false);
  const error = await rejection(conn.describe('No_Such__c'));
  assert.equal(error.errorCode, 'NOT_FOUND');
});

test('limits count every API call, like an org', async () => {
  const { conn, org } = running;
  const before = org.apiCalls();
  await conn.query('SELECT Id FROM Account');
  await conn.query('SELECT Id FROM Account');
  const limits = (await conn.request('/services/data/v62.0/limits')) as {
    DailyApiRequests: { Max: number; Remaining: number };
  };
  assert.equal(org.apiCalls(), before + 3);
  assert.equal(limits.DailyApiRequests.Max - limits.DailyApiRequests.Remaining, org.apiCalls());
  // and every response reports the usage in Sforce-Limit-Info, which jsforce keeps
  assert.deepEqual(conn.limitInfo.apiUsage, {
    used: org.apiCalls(),
    limit: limits.DailyApiRequests.Max
  });
});

test('over the daily limit, calls get REQUEST_LIMIT_EXCEEDED', async () => {
  const small = await startOrg({ apiLimit: 2 });
  try {
    await small.conn.query('SELECT Id FROM Account');
    await small.conn.query('SELECT Id FROM Account');
    const error = await rejection(small.conn.query('SELECT Id FROM Account'));
    assert.equal(error.errorCode, 'REQUEST_LIMIT_EXCEEDED');
  } finally {
    await small.dispose();
  }
});

test('userinfo names the org and the user', async () => {
  const { org } = running;
  const info = await raw(org, '/services/oauth2/userinfo');
  assert.equal(info.status, 200);
  const body = info.body as {
    user_id: string;
    organization_id: string;
    preferred_username: string;
  };
  assert.equal(body.user_id, org.userId);
  assert.equal(body.organization_id, org.orgId);
  assert.equal(body.preferred_username, 'admin@local-org.ppk');
});

test('ppk local start --json prints the instance URL and token, and serves until stopped', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ppk-cli-'));
  const ppk = new URL('../../bin/ppk.js', import.meta.url).pathname;
  const child = spawn(process.execPath, [
    ppk,
    'local',
    'start',
    '--data-dir',
    dataDir,
    '--seed',
    'none',
    '--json'
  ]);
  try {
    let stdout = '';
    const result = await new Promise<{
      instanceUrl: string;
      accessToken: string;
      tokenFile: string;
    }>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        try {
          const envelope = JSON.parse(stdout) as {
            status: number;
            result: { instanceUrl: string; accessToken: string; tokenFile: string };
          };
          if (envelope.status === 0) resolve(envelope.result);
          else reject(new Error(stdout));
        } catch {
          // wait for the whole envelope
        }
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stdout}`)));
    });
    assert.match(result.instanceUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(readFileSync(result.tokenFile, 'utf8').trim(), result.accessToken);
    const versions = await fetch(`${result.instanceUrl}/services/data/v62.0/limits`, {
      headers: { Authorization: `Bearer ${result.accessToken}` }
    });
    assert.equal(versions.status, 200);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the calls `sf org login access-token` and `sf data query` make are answered', async () => {
  const { org } = running;
  const info = await raw(org, '//services/oauth2/userinfo');
  const userId = pick(info.body, 'user_id') as string;
  const user = await raw(org, `//services/data/v51.0/sobjects/User/${userId}`);
  assert.equal(pick(user.body, 'Username'), 'admin@local-org.ppk');
  // not a Dev Hub: ScratchOrgInfo does not exist here, as in a plain org without Dev Hub
  const devHub = await raw(
    org,
    `//services/data/v62.0/query?q=${encodeURIComponent('SELECT Id FROM ScratchOrgInfo')}`
  );
  assert.equal(devHub.status, 400);
  assert.equal(pick(devHub.body, '0.errorCode'), 'INVALID_TYPE');
  // sf data query repeats the query with columns=true and reads columnMetadata
  const columns = await raw(
    org,
    `//services/data/v62.0/query?q=${encodeURIComponent('SELECT Name, Manager.Name FROM User')}&columns=true`
  );
  assert.equal(columns.status, 200);
  assert.deepEqual(pickAll(columns.body, 'columnMetadata', 'columnName'), ['Name', 'Manager']);
  assert.deepEqual(pickAll(columns.body, 'columnMetadata.1.joinColumns', 'displayName'), [
    'Manager.Name'
  ]);
});

test('the org has one read-only Organization record with its org id, as production orgs do', async () => {
  const { org, conn } = running;
  const result = await conn.query<{ Id: string; IsSandbox: boolean; TrialExpirationDate: null }>(
    'SELECT Id, Name, InstanceName, IsSandbox, TrialExpirationDate, NamespacePrefix, OrganizationType FROM Organization'
  );
  assert.equal(result.totalSize, 1);
  assert.equal(result.records[0].Id, org.orgId);
  assert.equal(result.records[0].IsSandbox, false);
  assert.equal(result.records[0].TrialExpirationDate, null);
  const insert = await rejection(conn.sobject('Organization').create({ Name: 'Second Org' }));
  assert.equal(insert.errorCode, 'INVALID_TYPE_FOR_OPERATION');
  const deletion = await rejection(conn.sobject('Organization').destroy(org.orgId));
  assert.equal(deletion.errorCode, 'INVALID_TYPE_FOR_OPERATION');
});

test('the Tooling API answers SandboxProcess with no sandboxes and refuses other objects', async () => {
  const { org } = running;
  const sandboxes = await raw(
    org,
    `/services/data/v62.0/tooling/query?q=${encodeURIComponent(`SELECT SandboxInfoId FROM SandboxProcess WHERE SandboxOrganization = '${org.orgId.slice(0, 15)}'`)}`
  );
  assert.equal(sandboxes.status, 200);
  assert.equal(pick(sandboxes.body, 'totalSize'), 0);
  assert.deepEqual(pick(sandboxes.body, 'records'), []);
  const other = await raw(
    org,
    `/services/data/v62.0/tooling/query?q=${encodeURIComponent('SELECT Id FROM ApexClass')}`
  );
  assert.equal(other.status, 400);
  assert.equal(pick(other.body, '0.errorCode'), 'INVALID_TYPE');
});
