import { strict as assert } from 'node:assert';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { after, before, test } from 'node:test';
import { connect, raw, startOrg, type Running } from './helpers.ts';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const clientId = '3MVG9localPpkClient';

let running: Running;
before(async () => {
  running = await startOrg({
    oauth: {
      clientId,
      clientSecret: 's3cret',
      certificate: publicKey.export({ type: 'spki', format: 'pem' }).toString()
    }
  });
});
after(() => running.dispose());

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  body: new URLSearchParams(fields).toString(),
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' }
});

function jwt(claims: Record<string, unknown>, key = privateKey): string {
  const encode = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256' })}.${encode(claims)}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url');
  return `${unsigned}.${signature}`;
}

test('client credentials with the configured secret give a working session', async () => {
  const { org } = running;
  const ok = await raw(
    org,
    '/services/oauth2/token',
    form({ grant_type: 'client_credentials', client_id: clientId, client_secret: 's3cret' }),
    null
  );
  assert.equal(ok.status, 200);
  const body = ok.body as { access_token: string; instance_url: string; token_type: string };
  assert.equal(body.instance_url, org.instanceUrl);
  assert.equal(body.token_type, 'Bearer');
  assert.match(body.access_token, /^00D\w{12}!/);
  const count = await connect(org, body.access_token).query('SELECT COUNT() FROM Account');
  assert.equal(count.totalSize, 0);
  const wrong = await raw(
    org,
    '/services/oauth2/token',
    form({ grant_type: 'client_credentials', client_id: clientId, client_secret: 'nope' }),
    null
  );
  assert.equal(wrong.status, 400);
  assert.equal((wrong.body as { error: string }).error, 'invalid_client');
});

test('JWT bearer: RS256 signature, issuer, audience and expiry are checked', async () => {
  const { org } = running;
  const claims = {
    iss: clientId,
    sub: 'admin@local-org.ppk',
    aud: 'https://login.salesforce.com',
    exp: Math.floor(Date.now() / 1000) + 300
  };
  const grant = (assertion: string) =>
    raw(
      org,
      '/services/oauth2/token',
      form({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }),
      null
    );
  const ok = await grant(jwt(claims));
  assert.equal(ok.status, 200);
  const info = await raw(
    org,
    '/services/oauth2/userinfo',
    {},
    (ok.body as { access_token: string }).access_token
  );
  assert.equal(
    (info.body as { preferred_username: string }).preferred_username,
    'admin@local-org.ppk'
  );

  const errorOf = async (assertion: string) =>
    ((await grant(assertion)).body as { error: string }).error;
  assert.equal(await errorOf(jwt(claims, other.privateKey)), 'invalid_grant');
  assert.equal(await errorOf(jwt({ ...claims, exp: 1000 })), 'invalid_grant');
  assert.equal(await errorOf(jwt({ ...claims, aud: 'https://evil.example.com' })), 'invalid_grant');
  assert.equal(await errorOf(jwt({ ...claims, iss: 'someone-else' })), 'invalid_client_id');
  assert.equal(await errorOf(jwt({ ...claims, sub: 'nobody@example.com' })), 'invalid_grant');
});

test('an unsupported grant type is refused', async () => {
  const r = await raw(
    running.org,
    '/services/oauth2/token',
    form({ grant_type: 'password', username: 'a', password: 'b' }),
    null
  );
  assert.equal(r.status, 400);
  assert.equal((r.body as { error: string }).error, 'unsupported_grant_type');
});
