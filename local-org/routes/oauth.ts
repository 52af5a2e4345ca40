/**
 * OAuth 2.0 token endpoint (client credentials and JWT bearer grants, checked against the local
 * connected-app config) and the identity endpoints the Salesforce CLI and jsforce call.
 */
import { createPublicKey, timingSafeEqual, verify } from 'node:crypto';
import { json, type Reply } from '../http.ts';
import type { OrgRuntime } from '../org.ts';

/** The local stand-in for a connected app. */
export interface OAuthConfig {
  clientId: string;
  clientSecret?: string;
  /** PEM certificate (or public key) whose private key signs JWT bearer assertions. */
  certificate?: string;
  /** For client credentials: the username the flow runs as (default: the admin user). */
  runAs?: string;
}

const oauthError = (status: number, error: string, description: string): Reply =>
  json(status, { error, error_description: description });

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function userByUsername(org: OrgRuntime, username: string): string | undefined {
  const user = org.schema.object('User')!;
  const ids = org.store.byKey('User', user.fields.Username, username);
  const id = ids[0];
  const record = id ? org.store.get('User', id) : undefined;
  return record && record.IsActive !== false ? id : undefined;
}

function tokenResponse(org: OrgRuntime, userId: string): Reply {
  const token = org.newSession(userId);
  return json(200, {
    access_token: token,
    scope: 'api',
    instance_url: org.instanceUrl,
    id: `${org.instanceUrl}/id/${org.orgId}/${userId}`,
    token_type: 'Bearer',
    issued_at: String(Date.now())
  });
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function jwtBearer(org: OrgRuntime, config: OAuthConfig, assertion: string): Reply {
  const parts = assertion.split('.');
  const header = parts.length === 3 ? decodePart(parts[0]) : undefined;
  const claims = parts.length === 3 ? decodePart(parts[1]) : undefined;
  if (!header || !claims || header.alg !== 'RS256')
    return oauthError(400, 'invalid_grant', 'invalid assertion');
  if (!config.certificate)
    return oauthError(400, 'invalid_client', 'no certificate is configured for this client');
  const valid = verify(
    'RSA-SHA256',
    Buffer.from(`${parts[0]}.${parts[1]}`),
    createPublicKey(config.certificate),
    Buffer.from(parts[2], 'base64url')
  );
  if (!valid) return oauthError(400, 'invalid_grant', 'invalid assertion');
  if (claims.iss !== config.clientId)
    return oauthError(400, 'invalid_client_id', 'client identifier invalid');
  const audiences = [
    org.instanceUrl,
    'https://login.salesforce.com',
    'https://test.salesforce.com'
  ];
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.some((a) => typeof a === 'string' && audiences.includes(a.replace(/\/$/, '')))) {
    return oauthError(400, 'invalid_grant', 'audience is invalid');
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) {
    return oauthError(400, 'invalid_grant', 'expired authorization code');
  }
  const userId = typeof claims.sub === 'string' ? userByUsername(org, claims.sub) : undefined;
  if (!userId) return oauthError(400, 'invalid_grant', "user hasn't approved this consumer");
  return tokenResponse(org, userId);
}

export function token(
  org: OrgRuntime,
  config: OAuthConfig | undefined,
  rawBody: string,
  authorization: string | undefined
): Reply {
  const form = new URLSearchParams(rawBody);
  if (!config) return oauthError(400, 'invalid_client_id', 'client identifier invalid');
  const grant = form.get('grant_type');
  if (grant === 'client_credentials') {
    let clientId = form.get('client_id') ?? '';
    let secret = form.get('client_secret') ?? '';
    if (authorization?.startsWith('Basic ')) {
      const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
      [clientId, secret] = [
        decoded.slice(0, decoded.indexOf(':')),
        decoded.slice(decoded.indexOf(':') + 1)
      ];
    }
    if (clientId !== config.clientId)
      return oauthError(400, 'invalid_client_id', 'client identifier invalid');
    if (!config.clientSecret || !sameSecret(secret, config.clientSecret)) {
      return oauthError(400, 'invalid_client', 'invalid client credentials');
    }
    const userId = config.runAs ? userByUsername(org, config.runAs) : org.userId;
    if (!userId) return oauthError(400, 'invalid_grant', 'no client credentials user enabled');
    return tokenResponse(org, userId);
  }
  if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
    return jwtBearer(org, config, form.get('assertion') ?? '');
  }
  return oauthError(400, 'unsupported_grant_type', 'grant type not supported');
}

export function userinfo(org: OrgRuntime, userId: string): Reply {
  const user = org.store.get('User', userId) ?? {};
  return json(200, {
    sub: `${org.instanceUrl}/id/${org.orgId}/${userId}`,
    user_id: userId,
    organization_id: org.orgId,
    preferred_username: user.Username,
    nickname: user.Username,
    name: user.Name,
    email: user.Email,
    email_verified: true,
    given_name: user.FirstName,
    family_name: user.LastName,
    zoneinfo: 'GMT',
    active: user.IsActive !== false,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: 0,
    username: user.Username,
    display_name: user.Name,
    urls: {
      rest: `${org.instanceUrl}/services/data/v{version}/`,
      sobjects: `${org.instanceUrl}/services/data/v{version}/sobjects/`,
      query: `${org.instanceUrl}/services/data/v{version}/query/`
    }
  });
}
