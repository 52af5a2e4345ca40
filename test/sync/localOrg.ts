/** End-to-end helpers: a local org in a temp dir, seeded over its REST API, and the ppk CLI run against it. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@jsforce/jsforce-node';
import { startLocalOrg, type LocalOrg, type LocalOrgOptions } from '../../local-org/server.ts';
import { loadSchema, type Schema } from '../../scripts/lib/sfMetadata.ts';

let schema: Schema | undefined;
const ppk = fileURLToPath(new URL('../../bin/ppk.js', import.meta.url));
export const rulesFile = fileURLToPath(
  new URL('../../force-app/main/default/staticresources/partnerProgramRules.json', import.meta.url)
);
export const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface TestOrg {
  org: LocalOrg;
  conn: Connection;
  dataDir: string;
  dispose(): Promise<void>;
}

export async function startTestOrg(options: Partial<LocalOrgOptions> = {}): Promise<TestOrg> {
  schema ??= loadSchema();
  const dataDir = mkdtempSync(join(tmpdir(), 'ppk-sync-'));
  const org = await startLocalOrg({ schema, seed: 'none', port: 0, ...options, dataDir });
  return {
    org,
    conn: new Connection({
      instanceUrl: org.instanceUrl,
      accessToken: org.accessToken,
      version: '62.0'
    }),
    dataDir,
    dispose: async () => {
      await org.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runPpk(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ppk, ...args], {
      env: {
        ...process.env,
        PPK_TARGET_ORG: undefined,
        SF_ACCESS_TOKEN: undefined,
        SF_INSTANCE_URL: undefined,
        SF_JWT_KEY_FILE: undefined,
        ...env
      },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs ppk against `t`'s local org. */
export const ppkLocal = (t: TestOrg, args: string[], env: Record<string, string> = {}) =>
  runPpk([...args, '--target-org', 'local'], { PPK_LOCAL_ORG_DIR: t.dataDir, ...env });

export const rulesJson = () => readFileSync(rulesFile, 'utf8');

/** Deploys `text` as the org's partnerProgramRules static resource (replacing the started org's copy). */
export async function deployRules(conn: Connection, text = rulesJson()): Promise<void> {
  const existing = await conn.query<{ Id: string }>(
    "SELECT Id FROM StaticResource WHERE Name = 'partnerProgramRules'"
  );
  const body = { ContentType: 'application/json', Body: Buffer.from(text).toString('base64') };
  const result = existing.records[0]
    ? await conn.sobject('StaticResource').update({ Id: existing.records[0].Id, ...body })
    : await conn.sobject('StaticResource').create({ Name: 'partnerProgramRules', ...body });
  if (!result.success) throw new Error(JSON.stringify(result));
}

export async function createAll(
  conn: Connection,
  object: string,
  records: Record<string, unknown>[]
): Promise<string[]> {
  const results = await conn
    .sobject(object)
    .create(records, { allOrNone: true, allowRecursive: true });
  return results.map((r) => {
    if (!r.success || !r.id) throw new Error(`${object}: ${JSON.stringify(r)}`);
    return r.id;
  });
}

export function jsonResult<T>(run: Run): T {
  return (JSON.parse(run.stdout) as { result: T }).result;
}
