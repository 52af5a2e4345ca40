/**
 * A real client besides our own: the Salesforce CLI, installed by scripts/build/install-sf-cli.sh
 * into .sf-cli/, logs in to the local org with an access token and runs its everyday commands
 * unchanged. Each command runs with --json in an isolated environment (throwaway HOME, no
 * telemetry, no update checks, a file keychain).
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startOrg, type Running } from './helpers.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const sfBin = join(repoRoot, '.sf-cli', 'node_modules', '.bin');
const sf = join(sfBin, 'sf');
const run = promisify(execFile);

interface SfOutput<T> {
  status: number;
  result: T;
  warnings?: string[];
}

interface DealRegistrationRow {
  Id: string;
  External_Id__c: string;
  Customer_Name__c: string;
  Status__c: string;
  Partner_Account__c: string;
  Partner_Account__r: { Name: string } | null;
}

let running: Running;
let home: string;

/** The parent's environment without any Salesforce CLI settings, plus the isolated ones. */
function isolatedEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(SF|SFDX)_/.test(key)) env[key] = value;
  }
  return {
    ...env,
    HOME: home,
    // The project's Node 22 first: the CLI needs Node >= 22 and the system's is older.
    PATH: [dirname(process.execPath), sfBin, process.env.PATH].join(':'),
    SF_DISABLE_TELEMETRY: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
    SF_ACCESS_TOKEN: running.org.accessToken
  };
}

/** Runs `sf <args> --json`; fails the test with sf's own output when the command fails. */
async function sfJson<T>(args: string[]): Promise<SfOutput<T>> {
  let stdout: string;
  try {
    ({ stdout } = await run(sf, [...args, '--json'], {
      env: isolatedEnv(),
      cwd: home,
      maxBuffer: 32 * 1024 * 1024,
      timeout: 120_000
    }));
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    assert.fail(
      `sf ${args.join(' ')} failed: ${failed.message}\n${failed.stdout ?? ''}\n${failed.stderr ?? ''}`
    );
  }
  const output = JSON.parse(stdout) as SfOutput<T>;
  assert.equal(output.status, 0, `sf ${args.join(' ')}: ${stdout}`);
  return output;
}

/** The demo seed's records in data/<name>.json (the files of data/sample-plan.json). */
function seeded(name: string): Record<string, unknown>[] {
  const file = join(repoRoot, 'data', `${name}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { records: Record<string, unknown>[] }).records;
}

describe('the Salesforce CLI against the local org', () => {
  before(async () => {
    if (!existsSync(sf)) {
      throw new Error(
        `The Salesforce CLI is not installed in .sf-cli/ (${sf} is missing): run scripts/build/install-sf-cli.sh first.`
      );
    }
    running = await startOrg({ seed: 'demo' });
    home = mkdtempSync(join(tmpdir(), 'ppk-sf-home-'));
  });
  after(async () => {
    await running?.dispose();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  test('sf org login access-token stores the org, its admin and that it is no Dev Hub', async () => {
    const login = await sfJson<{ orgId: string; username: string; isDevHub: boolean }>([
      'org',
      'login',
      'access-token',
      '--instance-url',
      running.org.instanceUrl,
      '--alias',
      'local',
      '--no-prompt'
    ]);
    assert.equal(login.result.orgId, running.org.orgId);
    assert.equal(login.result.username, 'admin@local-org.ppk');
    assert.equal(login.result.isDevHub, false);
  });

  test('sf org display shows the connected org under its alias', async () => {
    const display = await sfJson<{
      id: string;
      alias: string;
      connectedStatus: string;
      instanceUrl: string;
    }>(['org', 'display', '--target-org', 'local']);
    assert.equal(display.result.id, running.org.orgId);
    assert.equal(display.result.alias, 'local');
    assert.equal(display.result.connectedStatus, 'Connected');
    assert.equal(display.result.instanceUrl.replace(/\/$/, ''), running.org.instanceUrl);
  });

  test('sf data query returns the seeded records with their parent fields', async () => {
    const query = await sfJson<{ totalSize: number; records: DealRegistrationRow[] }>([
      'data',
      'query',
      '--target-org',
      'local',
      '--query',
      'SELECT External_Id__c, Customer_Name__c, Partner_Account__r.Name FROM Deal_Registration__c ORDER BY External_Id__c'
    ]);
    const expected = seeded('Deal_Registration__c')
      .map((r) => [r.External_Id__c, r.Customer_Name__c])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    assert.ok(expected.length > 0);
    assert.equal(query.result.totalSize, expected.length);
    assert.deepEqual(
      query.result.records.map((r) => [r.External_Id__c, r.Customer_Name__c]),
      expected
    );
    const partners = new Set(seeded('Account-partners').map((a) => a.Name));
    for (const record of query.result.records) {
      assert.ok(partners.has(record.Partner_Account__r?.Name), JSON.stringify(record));
    }
  });

  test('sf data create record creates a record jsforce then reads back', async () => {
    const created = await sfJson<{ id: string; success: boolean }>([
      'data',
      'create',
      'record',
      '--target-org',
      'local',
      '--sobject',
      'Account',
      '--values',
      "Name='Sf Cli Partner' Partner_Track__c=Select Partner_Status__c=Prospect"
    ]);
    assert.equal(created.result.success, true);
    const account = await running.conn
      .sobject('Account')
      .retrieve(created.result.id, { fields: ['Name', 'Partner_Track__c', 'Partner_Status__c'] });
    assert.equal(account.Name, 'Sf Cli Partner');
    assert.equal(account.Partner_Track__c, 'Select');
    assert.equal(account.Partner_Status__c, 'Prospect');
  });

  test('sf data upsert bulk updates by external id and creates the unknown ones', async () => {
    const { conn } = running;
    const before = await conn.query<DealRegistrationRow>(
      'SELECT Id, External_Id__c, Partner_Account__c FROM Deal_Registration__c ORDER BY External_Id__c LIMIT 1'
    );
    const existing = before.records[0];
    const countBefore = (await conn.query('SELECT COUNT() FROM Deal_Registration__c')).totalSize;
    const csv = join(home, 'registrations.csv');
    writeFileSync(
      csv,
      [
        'External_Id__c,Partner_Account__c,Customer_Name__c,Status__c',
        `${existing.External_Id__c},${existing.Partner_Account__c},Renamed By Sf Cli,Returned`,
        `SFCLI-NEW-1,${existing.Partner_Account__c},Woodgrove Bank,Submitted`,
        ''
      ].join('\n')
    );
    const upsert = await sfJson<{
      jobInfo: { state: string; numberRecordsProcessed: number; numberRecordsFailed: number };
      records: { successfulResults: Record<string, string>[] };
    }>([
      'data',
      'upsert',
      'bulk',
      '--target-org',
      'local',
      '--sobject',
      'Deal_Registration__c',
      '--file',
      csv,
      '--external-id',
      'External_Id__c',
      '--wait',
      '5'
    ]);
    assert.equal(upsert.result.jobInfo.state, 'JobComplete');
    assert.equal(upsert.result.jobInfo.numberRecordsProcessed, 2);
    assert.equal(upsert.result.jobInfo.numberRecordsFailed, 0);
    const outcome = new Map(
      upsert.result.records.successfulResults.map((r) => [r.External_Id__c, r])
    );
    assert.equal(outcome.get(existing.External_Id__c)?.sf__Id, existing.Id);
    assert.equal(outcome.get(existing.External_Id__c)?.sf__Created, 'false');
    assert.equal(outcome.get('SFCLI-NEW-1')?.sf__Created, 'true');

    const after = await conn.query<DealRegistrationRow>(
      `SELECT Id, External_Id__c, Customer_Name__c, Status__c FROM Deal_Registration__c WHERE External_Id__c IN ('${existing.External_Id__c}', 'SFCLI-NEW-1') ORDER BY External_Id__c`
    );
    const byKey = new Map(after.records.map((r) => [r.External_Id__c, r]));
    assert.equal(byKey.get(existing.External_Id__c)?.Customer_Name__c, 'Renamed By Sf Cli');
    assert.equal(byKey.get(existing.External_Id__c)?.Status__c, 'Returned');
    assert.equal(byKey.get('SFCLI-NEW-1')?.Id, outcome.get('SFCLI-NEW-1')?.sf__Id);
    assert.equal(byKey.get('SFCLI-NEW-1')?.Customer_Name__c, 'Woodgrove Bank');
    const countAfter = (await conn.query('SELECT COUNT() FROM Deal_Registration__c')).totalSize;
    assert.equal(countAfter, countBefore + 1);
  });
});
