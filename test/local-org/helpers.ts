import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@jsforce/jsforce-node';
import { startLocalOrg, type LocalOrg, type LocalOrgOptions } from '../../local-org/server.ts';
import { loadSchema, type Schema } from '../../scripts/lib/sfMetadata.ts';

let schema: Schema | undefined;
/** The project's schema, read once per test file. */
export function projectSchema(): Schema {
  schema ??= loadSchema();
  return schema;
}

export interface Running {
  org: LocalOrg;
  conn: Connection;
  dataDir: string;
  stop(): Promise<void>;
  /** Stop and remove the data dir. */
  dispose(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'ppk-local-org-'));
}

export function connect(org: LocalOrg, accessToken = org.accessToken): Connection {
  return new Connection({ instanceUrl: org.instanceUrl, accessToken, version: '62.0' });
}

export async function startOrg(options: Partial<LocalOrgOptions> = {}): Promise<Running> {
  const dataDir = options.dataDir ?? tempDataDir();
  const org = await startLocalOrg({
    schema: projectSchema(),
    seed: 'none',
    port: 0,
    ...options,
    dataDir
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await org.stop();
  };
  return {
    org,
    conn: connect(org),
    dataDir,
    stop,
    dispose: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(
  promise: PromiseLike<unknown>
): Promise<Error & { errorCode?: string; name: string; data?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { errorCode?: string };
  }
  throw new Error('expected the call to fail, it succeeded');
}

/** Raw HTTP against the org, for shapes jsforce hides. */
export async function raw(
  org: LocalOrg,
  path: string,
  init: RequestInit = {},
  token: string | null = org.accessToken
) {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (init.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const response = await fetch(`${org.instanceUrl}${path}`, { ...init, headers });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // CSV or empty bodies stay text
  }
  return { status: response.status, body, headers: response.headers };
}

/** A value inside parsed JSON by a dotted path (`Owner.Name`, `records.0.Id`); undefined if absent. */
export function pick(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** `itemPath` of every element of the list at `listPath`. */
export function pickAll(value: unknown, listPath: string, itemPath: string): unknown[] {
  const list = pick(value, listPath);
  assert.ok(Array.isArray(list), `${listPath} is not a list`);
  return list.map((item) => pick(item, itemPath));
}
