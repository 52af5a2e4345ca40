/**
 * The local org: an HTTP server on 127.0.0.1 that answers the subset of the Salesforce REST API
 * the project uses, strictly, in Salesforce's own shapes. `startLocalOrg` is the programmatic
 * entry (tests, benchmarks, the preview); `ppk local start` wraps it.
 */
import { randomInt } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Schema } from '../scripts/lib/sfMetadata.ts';
import {
  Faults,
  faultError,
  parseFaults,
  type EndpointFamily,
  type FaultOptions
} from './faults.ts';
import { json, readBody, send, type Reply, type Request } from './http.ts';
import { makeId } from './ids.ts';
import { OrgRuntime, VERSIONS } from './org.ts';
import { OrgSchema } from './orgSchema.ts';
import { bulk } from './routes/bulk.ts';
import { composite } from './routes/composite.ts';
import { token, userinfo, type OAuthConfig } from './routes/oauth.ts';
import { query } from './routes/query.ts';
import { sobjects } from './routes/sobjects.ts';
import { tooling } from './routes/tooling.ts';
import { uiApi } from './routes/uiApi.ts';
import { initializeOrg, type SeedKind } from './seed.ts';
import { SfError, notFound } from './sfError.ts';
import { Store } from './store.ts';

export interface LocalOrgOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** `demo` loads data/sample-plan.json on first start; later starts reuse the data. */
  seed?: SeedKind;
  /** With `seed: 'volume'`: how many accounts the synthetic volume has. */
  volumeAccounts?: number;
  /** The schema; by default read from force-app by scripts/lib/sfMetadata.ts. */
  schema?: Schema;
  /** Where the static resources deployed at start come from (the project's force-app by default). */
  forceAppDir?: string;
  faults?: FaultOptions;
  /** The connected app the token endpoint accepts; also read from `<dataDir>/connected-app.json`. */
  oauth?: OAuthConfig;
  /** DailyApiRequests maximum (Enterprise Edition's base allowance by default). */
  apiLimit?: number;
}

export interface LocalOrg {
  instanceUrl: string;
  accessToken: string;
  orgId: string;
  userId: string;
  /** Where the access token was written (mode 0600). */
  tokenFile: string;
  apiCalls(): number;
  faultsInjected(): number;
  stop(): Promise<void>;
}

interface OrgIdentity {
  orgId: string;
}

function identity(dataDir: string): OrgIdentity {
  const file = join(dataDir, 'org.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as OrgIdentity;
  const created = { orgId: makeId('00D', randomInt(1, 2 ** 40)) };
  writeFileSync(file, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600 });
  return created;
}

function family(first: string | undefined): EndpointFamily | undefined {
  if (first === 'query' || first === 'queryAll') return 'query';
  if (first === 'sobjects') return 'sobject';
  if (first === 'composite') return 'composite';
  if (first === 'jobs') return 'bulk';
  return undefined;
}

function resources(version: string): Reply {
  const base = `/services/data/v${version}`;
  return json(200, {
    sobjects: `${base}/sobjects`,
    query: `${base}/query`,
    queryAll: `${base}/queryAll`,
    composite: `${base}/composite`,
    limits: `${base}/limits`,
    jobs: `${base}/jobs`,
    'ui-api': `${base}/ui-api`,
    tooling: `${base}/tooling`
  });
}

function limits(org: OrgRuntime): Reply {
  const entry = (max: number, used: number) => ({ Max: max, Remaining: Math.max(max - used, 0) });
  return json(200, {
    DailyApiRequests: entry(org.apiLimit, org.apiCalls),
    DailyBulkV2QueryJobs: entry(10000, 0),
    DailyBulkV2QueryFileStorageMB: entry(976562, 0),
    DataStorageMB: entry(1024, 0),
    FileStorageMB: entry(1024, 0)
  });
}

export async function startLocalOrg(options: LocalOrgOptions): Promise<LocalOrg> {
  const { dataDir } = options;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const schemaSource =
    options.schema ?? (await import('../scripts/lib/sfMetadata.ts')).loadSchema();
  const schema = new OrgSchema(schemaSource);
  const store = new Store(schema);
  store.open(dataDir);
  const { orgId } = identity(dataDir);
  const adminId = makeId('005', 1);
  const envFaults = process.env.PPK_LOCAL_ORG_FAULTS;
  const org = new OrgRuntime({
    schema,
    store,
    orgId,
    userId: adminId,
    faults: new Faults(options.faults ?? (envFaults ? parseFaults(envFaults) : undefined)),
    apiLimit: options.apiLimit ?? 100_000
  });
  initializeOrg(org, options.seed ?? 'none', options.volumeAccounts, options.forceAppDir);
  const appFile = join(dataDir, 'connected-app.json');
  const oauth =
    options.oauth ??
    (existsSync(appFile) ? (JSON.parse(readFileSync(appFile, 'utf8')) as OAuthConfig) : undefined);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // The Salesforce CLI stores the instance URL with a trailing slash: `//services/...`,
    // which URL parsing would take for a host name; collapse slashes first.
    const url = new URL((req.url ?? '/').replace(/^\/{2,}/, '/'), 'http://localhost');
    const path = url.pathname.replace(/\/{2,}/g, '/');
    const method = (req.method ?? 'GET').toUpperCase();
    const rawBody = await readBody(req);
    if (path === '/services/oauth2/token') {
      if (method !== 'POST')
        return send(
          res,
          json(405, { error: 'invalid_request', error_description: 'must use HTTP POST' })
        );
      return send(res, token(org, oauth, rawBody, req.headers.authorization));
    }
    if (path === '/services/data' || path === '/services/data/') {
      return send(
        res,
        json(
          200,
          VERSIONS.map((v) => ({ label: `v${v}`, url: `/services/data/v${v}`, version: v }))
        )
      );
    }
    const auth = req.headers.authorization ?? '';
    const sessionId = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(auth)?.[1];
    const userId = sessionId ? org.sessions.get(sessionId) : undefined;
    if (!userId) {
      throw new SfError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    }
    if (path === '/services/oauth2/userinfo') return send(res, userinfo(org, userId));
    const identityMatch = /^\/id\/[^/]+\/([^/]+)$/.exec(path);
    if (identityMatch) return send(res, userinfo(org, identityMatch[1]));
    const match = /^\/services\/data\/v(\d+\.\d)(?:\/(.*))?$/.exec(path);
    if (!match) throw notFound();
    const version = match[1];
    if (!VERSIONS.includes(version)) throw notFound();
    org.apiCalls++;
    // jsforce reads this into conn.limitInfo, as from a real org.
    res.setHeader('Sforce-Limit-Info', `api-usage=${org.apiCalls}/${org.apiLimit}`);
    if (org.apiCalls > org.apiLimit)
      throw new SfError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
    const segments = (match[2] ?? '')
      .split('/')
      .filter((s) => s !== '')
      .map(decodeURIComponent);
    const fault = org.faults.forRequest(family(segments[0]));
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault) throw faultError(fault);
    const request: Request = {
      method,
      segments,
      params: url.searchParams,
      headers: req.headers,
      version,
      rawBody,
      userId
    };
    send(res, route(org, request));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      if (error instanceof SfError) return send(res, json(error.status, error.body()));
      process.stderr.write(
        `local org: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
      );
      send(
        res,
        json(500, [
          {
            errorCode: 'UNKNOWN_EXCEPTION',
            message: 'An unexpected error occurred in the local org'
          }
        ])
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  org.instanceUrl = `http://127.0.0.1:${port}`;
  const accessToken = org.newSession();
  const tokenFile = join(dataDir, 'access-token');
  writeFileSync(tokenFile, `${accessToken}\n`, { mode: 0o600 });
  chmodSync(tokenFile, 0o600);
  // Beside the token, for `--target-org local` (scripts/lib/connection.ts).
  writeFileSync(join(dataDir, 'instance-url'), `${org.instanceUrl}\n`, { mode: 0o600 });

  return {
    instanceUrl: org.instanceUrl,
    accessToken,
    orgId,
    userId: adminId,
    tokenFile,
    apiCalls: () => org.apiCalls,
    faultsInjected: () => org.faults.injected,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    }
  };
}

function route(org: OrgRuntime, request: Request): Reply {
  switch (request.segments[0]) {
    case undefined:
      return resources(request.version);
    case 'sobjects':
      return sobjects(org, request);
    case 'query':
      return query(org, request, false);
    case 'queryAll':
      return query(org, request, true);
    case 'composite':
      return composite(org, request);
    case 'limits':
      return limits(org);
    case 'jobs':
      return bulk(org, request);
    case 'ui-api':
      return uiApi(org, request);
    case 'tooling':
      return tooling(request);
    default:
      throw notFound();
  }
}
