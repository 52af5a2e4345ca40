/**
 * One org session per preview user, obtained as a real client would: the OAuth 2.0 JWT bearer
 * flow against the org's token endpoint, signed with a key pair the preview makes at start (its
 * public half is the connected app's certificate). Sessions stay on the server; the browser only
 * holds which persona it acts as.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { PreviewPersona } from './users.ts';

export interface PreviewConnectedApp {
  clientId: string;
  /** PEM public key: what the org verifies assertions with. */
  certificate: string;
  privateKey: KeyObject;
}

export function makeConnectedApp(clientId = 'ppk-preview'): PreviewConnectedApp {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    clientId,
    certificate: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey
  };
}

const base64url = (value: object): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

export interface UserSession {
  persona: PreviewPersona;
  userId: string;
  name: string;
  accessToken: string;
}

async function jwtSession(
  instanceUrl: string,
  app: PreviewConnectedApp,
  persona: PreviewPersona
): Promise<{ accessToken: string; userId: string }> {
  const header = base64url({ alg: 'RS256', typ: 'JWT' });
  const claims = base64url({
    iss: app.clientId,
    sub: persona.username,
    aud: instanceUrl,
    exp: Math.floor(Date.now() / 1000) + 300
  });
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${claims}`), app.privateKey).toString(
    'base64url'
  );
  const response = await fetch(`${instanceUrl}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: `${header}.${claims}.${signature}`
    })
  });
  const body = (await response.json()) as {
    access_token?: string;
    id?: string;
    error?: string;
    error_description?: string;
  };
  if (!response.ok || !body.access_token || !body.id) {
    throw new Error(
      `The org refused a session for ${persona.username}: ${body.error ?? response.status} ${body.error_description ?? ''}`.trim()
    );
  }
  return { accessToken: body.access_token, userId: body.id.slice(body.id.lastIndexOf('/') + 1) };
}

async function userName(instanceUrl: string, accessToken: string, userId: string): Promise<string> {
  const response = await fetch(`${instanceUrl}/services/data/v62.0/sobjects/User/${userId}`, {
    headers: { Authorization: `Bearer ${accessToken}` }
  });
  const body = (await response.json()) as { Name?: string; FirstName?: string; LastName?: string };
  return body.Name ?? [body.FirstName, body.LastName].filter(Boolean).join(' ');
}

/** Sessions for every persona; a persona whose user does not exist in the org is an error naming it. */
export async function openSessions(
  instanceUrl: string,
  app: PreviewConnectedApp,
  personas: PreviewPersona[]
): Promise<Map<string, UserSession>> {
  const sessions = new Map<string, UserSession>();
  for (const persona of personas) {
    const { accessToken, userId } = await jwtSession(instanceUrl, app, persona);
    sessions.set(persona.key, {
      persona,
      userId,
      accessToken,
      name: await userName(instanceUrl, accessToken, userId)
    });
  }
  return sessions;
}
