/**
 * Which org a command talks to, as a jsforce Connection. Four ways, no password login:
 * - `--target-org local`: the local org started by `ppk local start` (URL and token from its
 *   data dir, `.local-org/` in the project unless PPK_LOCAL_ORG_DIR says otherwise);
 * - `--target-org ALIAS`: the Salesforce CLI's stored auth (`sf org login web --alias ALIAS`);
 * - SF_ACCESS_TOKEN + SF_INSTANCE_URL: a session handed over by the environment;
 * - SF_JWT_KEY_FILE + SF_CLIENT_ID + SF_USERNAME [+ SF_LOGIN_URL]: OAuth 2.0 JWT bearer, for
 *   unattended runs.
 * Tokens and keys never appear in a message: errors name the source, never the secret.
 */
import { createSign } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@jsforce/jsforce-node';
import { PpkError } from './errors.ts';

export const API_VERSION = '62.0';
export const LOCAL_ORG_ALIAS = 'local';
/** Files the local org keeps in its data dir: the token (startLocalOrg writes it) and the URL. */
export const LOCAL_TOKEN_FILE = 'access-token';
export const LOCAL_URL_FILE = 'instance-url';

export type Env = Record<string, string | undefined>;

export interface ConnectionRequest {
  /** `--target-org`: `local` or a Salesforce CLI alias/username. */
  targetOrg?: string;
  env?: Env;
}

/** Where the connection came from, for messages and the report (never a secret). */
export interface ResolvedConnection {
  conn: Connection;
  source: 'local' | 'alias' | 'environment' | 'jwt';
  /** The org as the user named it: `local`, the alias, the instance URL, or the JWT username. */
  label: string;
}

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export function localOrgDir(env: Env = process.env): string {
  return env.PPK_LOCAL_ORG_DIR ?? join(projectRoot, '.local-org');
}

const START_LOCAL =
  'Start it with `npx ppk local start` (in another terminal), then run this again.';

function readSecretFile(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : undefined;
}

async function reachable(instanceUrl: string): Promise<boolean> {
  try {
    // /services/data needs no session and costs no API call.
    const response = await fetch(`${instanceUrl}/services/data`, {
      signal: AbortSignal.timeout(3000)
    });
    return response.ok;
  } catch {
    return false;
  }
}

async function localConnection(env: Env): Promise<ResolvedConnection> {
  const dir = localOrgDir(env);
  const accessToken = readSecretFile(join(dir, LOCAL_TOKEN_FILE));
  const instanceUrl = readSecretFile(join(dir, LOCAL_URL_FILE));
  if (!accessToken || !instanceUrl) {
    throw new PpkError(
      'LocalOrgNotStarted',
      `The local org has not been started (nothing in ${dir}).`,
      {
        actions: [START_LOCAL]
      }
    );
  }
  if (!(await reachable(instanceUrl))) {
    throw new PpkError('LocalOrgNotRunning', `The local org at ${instanceUrl} is not answering.`, {
      actions: [START_LOCAL]
    });
  }
  return {
    conn: new Connection({ instanceUrl, accessToken, version: API_VERSION }),
    source: 'local',
    label: LOCAL_ORG_ALIAS
  };
}

async function aliasConnection(aliasOrUsername: string): Promise<ResolvedConnection> {
  const { Org } = await import('@salesforce/core');
  try {
    const org = await Org.create({ aliasOrUsername });
    return { conn: org.getConnection(), source: 'alias', label: aliasOrUsername };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const known = /NamedOrgNotFound|NoAuthInfoFound|AuthInfoCreationError/.test(name);
    throw new PpkError(
      'OrgNotAuthorized',
      known
        ? `No Salesforce CLI login is stored for "${aliasOrUsername}".`
        : `Could not use the Salesforce CLI login "${aliasOrUsername}" (${name || 'unknown error'}).`,
      {
        actions: [
          `Log in once with \`sf org login web --alias ${aliasOrUsername}\`, then run this again.`,
          'Or use `--target-org local` for the local org.'
        ]
      }
    );
  }
}

function environmentConnection(env: Env): ResolvedConnection {
  const instanceUrl = env.SF_INSTANCE_URL!;
  if (!/^https?:\/\/[^\s/]+/.test(instanceUrl)) {
    throw new PpkError(
      'BadInstanceUrl',
      'SF_INSTANCE_URL must be a URL such as https://mydomain.my.salesforce.com.',
      {
        actions: ["Set SF_INSTANCE_URL to the org's My Domain URL."]
      }
    );
  }
  return {
    conn: new Connection({
      instanceUrl: instanceUrl.replace(/\/+$/, ''),
      accessToken: env.SF_ACCESS_TOKEN!,
      version: API_VERSION
    }),
    source: 'environment',
    label: instanceUrl
  };
}

/** An RS256 JWT bearer assertion (Salesforce: iss = client id, sub = username, aud = login URL). */
export function jwtAssertion(
  privateKeyPem: string,
  claims: { clientId: string; username: string; loginUrl: string },
  now = Date.now()
): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'RS256' })}.${part({
    iss: claims.clientId,
    sub: claims.username,
    aud: claims.loginUrl,
    exp: Math.floor(now / 1000) + 180
  })}`;
  const signature = createSign('RSA-SHA256').update(body).sign(privateKeyPem).toString('base64url');
  return `${body}.${signature}`;
}

async function jwtConnection(env: Env): Promise<ResolvedConnection> {
  const keyFile = env.SF_JWT_KEY_FILE!;
  const clientId = env.SF_CLIENT_ID;
  const username = env.SF_USERNAME;
  const loginUrl = (env.SF_LOGIN_URL ?? 'https://login.salesforce.com').replace(/\/+$/, '');
  const missing = [!clientId && 'SF_CLIENT_ID', !username && 'SF_USERNAME'].filter(Boolean);
  if (missing.length) {
    throw new PpkError(
      'JwtIncomplete',
      `SF_JWT_KEY_FILE is set but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not.`,
      {
        actions: [
          "Set SF_CLIENT_ID (the connected app's consumer key) and SF_USERNAME (the integration user)."
        ]
      }
    );
  }
  if (!existsSync(keyFile)) {
    throw new PpkError(
      'JwtKeyMissing',
      `The JWT key file ${keyFile} (SF_JWT_KEY_FILE) does not exist.`,
      {
        actions: [
          'Point SF_JWT_KEY_FILE at the private key (PEM) whose certificate the connected app holds.'
        ]
      }
    );
  }
  let assertion: string;
  try {
    assertion = jwtAssertion(readFileSync(keyFile, 'utf8'), {
      clientId: clientId!,
      username: username!,
      loginUrl
    });
  } catch {
    throw new PpkError('JwtKeyInvalid', `The JWT key file ${keyFile} is not a PEM private key.`, {
      actions: [
        "Use the private key (-----BEGIN PRIVATE KEY-----) that matches the connected app's certificate."
      ]
    });
  }
  let response: Response;
  try {
    response = await fetch(`${loginUrl}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion
      }),
      signal: AbortSignal.timeout(30_000)
    });
  } catch {
    throw new PpkError(
      'JwtLoginUnreachable',
      `Could not reach ${loginUrl} for the JWT bearer login.`,
      {
        actions: [
          'Check SF_LOGIN_URL (https://login.salesforce.com, https://test.salesforce.com or your My Domain).'
        ]
      }
    );
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, string | undefined>;
  if (!response.ok || !body.access_token || !body.instance_url) {
    const reason =
      [body.error, body.error_description].filter(Boolean).join(': ') || `HTTP ${response.status}`;
    throw new PpkError(
      'JwtLoginRefused',
      `The JWT bearer login of ${username} at ${loginUrl} was refused (${reason}).`,
      {
        actions: [
          'Check that the connected app holds the certificate of SF_JWT_KEY_FILE, that SF_CLIENT_ID is its consumer key, and that the user is pre-authorized for it.'
        ]
      }
    );
  }
  return {
    conn: new Connection({
      instanceUrl: body.instance_url,
      accessToken: body.access_token,
      version: API_VERSION
    }),
    source: 'jwt',
    label: username!
  };
}

/** The connection a command uses: `--target-org` first, then the environment. */
export async function resolveConnection(request: ConnectionRequest): Promise<ResolvedConnection> {
  const env = request.env ?? process.env;
  const target = request.targetOrg ?? env.PPK_TARGET_ORG;
  if (target === LOCAL_ORG_ALIAS) return localConnection(env);
  if (target) return aliasConnection(target);
  if (env.SF_ACCESS_TOKEN && env.SF_INSTANCE_URL) return environmentConnection(env);
  if (env.SF_ACCESS_TOKEN || env.SF_INSTANCE_URL) {
    throw new PpkError(
      'EnvironmentIncomplete',
      `${env.SF_ACCESS_TOKEN ? 'SF_INSTANCE_URL' : 'SF_ACCESS_TOKEN'} is missing: both SF_ACCESS_TOKEN and SF_INSTANCE_URL are needed.`,
      {
        actions: ['Set both variables, or use --target-org.']
      }
    );
  }
  if (env.SF_JWT_KEY_FILE) return jwtConnection(env);
  throw new PpkError('NoTargetOrg', 'No org to talk to: pass --target-org.', {
    actions: [
      'Use `--target-org local` after `npx ppk local start` for the local org.',
      'Or log in with `sf org login web --alias my-org` and pass `--target-org my-org`.',
      'Unattended: set SF_JWT_KEY_FILE, SF_CLIENT_ID and SF_USERNAME (JWT bearer flow).'
    ]
  });
}
