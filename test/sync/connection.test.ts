import { strict as assert } from 'node:assert';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  LOCAL_TOKEN_FILE,
  LOCAL_URL_FILE,
  resolveConnection
} from '../../scripts/lib/connection.ts';
import { PpkError } from '../../scripts/lib/errors.ts';
import type { SyncResult } from '../../scripts/lib/sync/report.ts';
import {
  deployRules,
  jsonResult,
  ppkLocal,
  rulesFile,
  runPpk,
  startTestOrg,
  type TestOrg
} from './localOrg.ts';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const clientId = '3MVG9-test-consumer-key';

let t: TestOrg;
let scratch: string;

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'ppk-conn-'));
  t = await startTestOrg({
    oauth: { clientId, certificate: publicKey.export({ type: 'spki', format: 'pem' }).toString() }
  });
  await deployRules(t.conn);
});
after(async () => {
  await t.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

async function ppkError(promise: Promise<unknown>): Promise<PpkError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PpkError, String(error));
    return error;
  }
  throw new Error('expected a PpkError');
}

test('--target-org local before the local org was started says how to start it', async () => {
  const error = await ppkError(
    resolveConnection({ targetOrg: 'local', env: { PPK_LOCAL_ORG_DIR: join(scratch, 'none') } })
  );
  assert.equal(error.code, 'LocalOrgNotStarted');
  assert.match(error.actions.join(' '), /npx ppk local start/);
});

test('--target-org local with a stopped local org says it is not answering', async () => {
  const dir = join(scratch, 'stopped');
  const stopped = await startTestOrg();
  const url = readFileSync(join(stopped.dataDir, LOCAL_URL_FILE), 'utf8');
  await stopped.dispose();
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir);
  writeFileSync(join(dir, LOCAL_TOKEN_FILE), '00Dxx0000000001!secret');
  writeFileSync(join(dir, LOCAL_URL_FILE), url);
  const error = await ppkError(
    resolveConnection({ targetOrg: 'local', env: { PPK_LOCAL_ORG_DIR: dir } })
  );
  assert.equal(error.code, 'LocalOrgNotRunning');
  assert.match(error.actions.join(' '), /npx ppk local start/);
});

test('no org at all lists the ways to name one', async () => {
  const error = await ppkError(resolveConnection({ env: {} }));
  assert.equal(error.code, 'NoTargetOrg');
  assert.match(
    error.actions.join('\n'),
    /--target-org local[\s\S]*sf org login web[\s\S]*SF_JWT_KEY_FILE/
  );
});

test('half of the environment pair is an error naming the missing variable', async () => {
  const error = await ppkError(resolveConnection({ env: { SF_ACCESS_TOKEN: 'x' } }));
  assert.match(error.message, /SF_INSTANCE_URL is missing/);
});

test('an unknown alias says to log in with sf', async () => {
  const home = join(scratch, 'home');
  const run = await runPpk(['tracks', 'evaluate', '--target-org', 'no-such-alias', '--dry-run'], {
    HOME: home,
    SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
    SF_DISABLE_TELEMETRY: 'true',
    SF_AUTOUPDATE_DISABLE: 'true'
  });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /No Salesforce CLI login is stored for "no-such-alias"/);
  assert.match(run.stderr, /sf org login web --alias no-such-alias/);
});

test('SF_ACCESS_TOKEN + SF_INSTANCE_URL connect; the token is printed nowhere', async () => {
  const report = join(scratch, 'env-report.json');
  const run = await runPpk(['tracks', 'evaluate', '--dry-run', '--json', '--report', report], {
    SF_ACCESS_TOKEN: t.org.accessToken,
    SF_INSTANCE_URL: t.org.instanceUrl
  });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(jsonResult<SyncResult>(run).targetOrg, t.org.instanceUrl);
  for (const text of [run.stdout, run.stderr, readFileSync(report, 'utf8')])
    assert.ok(!text.includes(t.org.accessToken));
});

test('a refused token is an error with an action, and the token is printed nowhere', async () => {
  const secret = '00D000000000001!AQcAQNotARealTokenButASecretOne';
  for (const json of [[], ['--json']]) {
    const run = await runPpk(['tracks', 'evaluate', ...json], {
      SF_ACCESS_TOKEN: secret,
      SF_INSTANCE_URL: t.org.instanceUrl,
      PPK_DEBUG: '1'
    });
    assert.equal(run.status, 1);
    assert.match(run.stdout + run.stderr, /SessionInvalid/);
    assert.match(run.stdout + run.stderr, /Log in again/);
    assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret));
  }
});

test('the local org token never reaches the output, even with an unreachable-rules error', async () => {
  const run = await ppkLocal(t, [
    'tracks',
    'evaluate',
    '--rules',
    join(scratch, 'missing.json'),
    '--json'
  ]);
  assert.equal(run.status, 1);
  assert.match(run.stdout, /RulesFileMissing/);
  assert.ok(!run.stdout.includes(t.org.accessToken) && !run.stderr.includes(t.org.accessToken));
});

test('JWT bearer flow logs in unattended; a wrong client id is refused without printing the key', async () => {
  const keyFile = join(scratch, 'server.key');
  writeFileSync(keyFile, privatePem, { mode: 0o600 });
  const env = {
    SF_JWT_KEY_FILE: keyFile,
    SF_CLIENT_ID: clientId,
    SF_USERNAME: 'admin@local-org.ppk',
    SF_LOGIN_URL: t.org.instanceUrl
  };
  const ok = await runPpk(['rules', 'validate', '--json'], env);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(
    jsonResult<{ origin: string }>(ok).origin,
    /static resource partnerProgramRules in admin@local-org\.ppk/
  );

  const refused = await runPpk(['rules', 'validate'], { ...env, SF_CLIENT_ID: 'wrong' });
  assert.equal(refused.status, 1);
  assert.match(
    refused.stderr,
    /JWT bearer login of admin@local-org\.ppk .* was refused \(invalid_client_id/
  );
  const keyBody = privatePem.split('\n')[1];
  assert.ok(!refused.stderr.includes(keyBody) && !refused.stdout.includes(keyBody));
});

test('JWT settings without a client id name what is missing', async () => {
  const error = await ppkError(
    resolveConnection({ env: { SF_JWT_KEY_FILE: rulesFile, SF_USERNAME: 'u' } })
  );
  assert.equal(error.code, 'JwtIncomplete');
  assert.match(error.message, /SF_CLIENT_ID/);
});
