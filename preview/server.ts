/**
 * The preview server: serves the built bundle, SLDS's CSS and icons, the project's static
 * resources, the pages (list pages, record pages laid out from the FlexiPages), and proxies
 * `/services/...` to the org with the current persona's session, which stays server-side.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { loadSchema } from '../scripts/lib/sfMetadata.ts';
import { distDir, forceAppDir, repoRoot } from './build.ts';
import { recordPageLayout } from './flexipages.ts';
import {
  listPage,
  messagePage,
  recordPage,
  shell,
  type ListColumn,
  type RecordField,
  type RecordView,
  type RelatedList
} from './html.ts';
import { soqlName, soqlString } from '../scripts/lib/soql.ts';
import { loadRights, type Rights } from './permissions.ts';
import { forward, type OrgTarget } from './proxy.ts';
import type { UserSession } from './sessions.ts';
import { personaByKey, personas } from './users.ts';

const API = '/services/data/v62.0';
const sldsAssets = join(repoRoot, 'node_modules', '@salesforce-ux', 'design-system', 'assets');

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json'
};

interface ListSpec {
  label: string;
  soql: string;
  columns: ListColumn[];
}

const lists: Record<string, ListSpec> = {
  Opportunity: {
    label: 'Opportunities',
    soql: 'SELECT Id, Name, Account.Name, StageName, Amount, Deal_Path__c, CloseDate FROM Opportunity ORDER BY Name LIMIT 200',
    columns: [
      { field: 'Name', label: 'Opportunity Name' },
      { field: 'Account.Name', label: 'Account Name' },
      { field: 'StageName', label: 'Stage' },
      { field: 'Amount', label: 'Amount' },
      { field: 'Deal_Path__c', label: 'Deal Path' },
      { field: 'CloseDate', label: 'Close Date' }
    ]
  },
  Account: {
    label: 'Accounts',
    soql: 'SELECT Id, Name, Partner_Type__c, Partner_Track__c, Partner_Status__c, Partner_Region__c FROM Account ORDER BY Name LIMIT 200',
    columns: [
      { field: 'Name', label: 'Account Name' },
      { field: 'Partner_Type__c', label: 'Partner Type' },
      { field: 'Partner_Track__c', label: 'Partner Track' },
      { field: 'Partner_Status__c', label: 'Partner Status' },
      { field: 'Partner_Region__c', label: 'Partner Region' }
    ]
  }
};

/** The fields the record header shows, when the object has them. */
const highlightFields: Record<string, string[]> = {
  Opportunity: ['StageName', 'Amount', 'CloseDate', 'Deal_Path__c', 'Deal_Motion__c'],
  Account: ['Partner_Type__c', 'Partner_Track__c', 'Partner_Status__c', 'Partner_Region__c']
};

/** Audit fields the record's Details do not list (as a page layout would leave them out). */
const systemFields = new Set([
  'Id',
  'IsDeleted',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp'
]);

export interface PreviewServerOptions {
  instanceUrl: string;
  /** Persona key → its org session. */
  sessions: Map<string, UserSession>;
  /** 3000 by default; when taken, a free port. */
  port?: number;
}

export interface PreviewServer {
  url: string;
  stop(): Promise<void>;
}

interface DescribeField {
  name: string;
  label: string;
  relationshipName?: string | null;
  referenceTo?: string[];
}

interface ObjectDescribe {
  name: string;
  label: string;
  labelPlural?: string;
  fields: DescribeField[];
  childRelationships?: { childSObject: string; field: string; relationshipName: string | null }[];
}

interface UiRecord {
  id: string;
  apiName: string;
  fields: Record<
    string,
    { value: string | number | boolean | null | UiRecord; displayValue: string | null }
  >;
}

class OrgCatalog {
  private prefixes: Map<string, string> | null = null;
  private readonly describes = new Map<string, ObjectDescribe>();

  constructor(
    private readonly instanceUrl: string,
    private readonly accessToken: string
  ) {}

  private async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.instanceUrl}${API}${path}`, {
      headers: { Authorization: `Bearer ${this.accessToken}` }
    });
    if (!response.ok)
      throw new Error(`GET ${path}: the org answered ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async objectOf(recordId: string): Promise<string | undefined> {
    if (!this.prefixes) {
      const global = await this.get<{ sobjects: { name: string; keyPrefix: string | null }[] }>(
        '/sobjects'
      );
      this.prefixes = new Map(
        global.sobjects.filter((o) => o.keyPrefix).map((o) => [o.keyPrefix!, o.name])
      );
    }
    return this.prefixes.get(recordId.slice(0, 3));
  }

  async describe(objectName: string): Promise<ObjectDescribe> {
    let described = this.describes.get(objectName);
    if (!described) {
      described = await this.get<ObjectDescribe>(`/sobjects/${objectName}/describe`);
      this.describes.set(objectName, described);
    }
    return described;
  }
}

function cookies(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    (req.headers.cookie ?? '')
      .split(';')
      .map((part) => part.trim().split('='))
      .filter((pair) => pair.length === 2)
      .map(([k, v]) => [k, decodeURIComponent(v)])
  );
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendFile(res: ServerResponse, file: string): void {
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  res
    .writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache'
    })
    .end(readFileSync(file));
}

/** A file under root, or null when the path would leave it. */
function inside(root: string, relativePath: string): string | null {
  const file = normalize(join(root, relativePath));
  return file.startsWith(root + sep) ? file : null;
}

function staticResource(name: string): { file: string; contentType: string } | null {
  const dir = join(forceAppDir, 'staticresources');
  const meta = join(dir, `${name}.resource-meta.xml`);
  if (!/^\w+$/.test(name) || !existsSync(meta)) return null;
  const contentType =
    /<contentType>([^<]+)<\/contentType>/.exec(readFileSync(meta, 'utf8'))?.[1] ??
    'application/octet-stream';
  const file = readdirSync(dir).find(
    (f) => f.startsWith(`${name}.`) && !f.endsWith('.resource-meta.xml')
  );
  return file ? { file: join(dir, file), contentType } : null;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const anySession = options.sessions.values().next().value;
  if (!anySession) throw new Error('The preview needs at least one user session.');
  const catalog = new OrgCatalog(options.instanceUrl, anySession.accessToken);
  const schema = loadSchema(forceAppDir);
  const rights = new Map<string, Rights>(
    personas.map((p) => [p.key, loadRights(forceAppDir, p.permissionSet, schema)])
  );

  const targetFor = (session: UserSession): OrgTarget => ({
    instanceUrl: options.instanceUrl,
    accessToken: session.accessToken,
    rights: rights.get(session.persona.key)!,
    objectOf: (id) => catalog.objectOf(id)
  });

  async function query(session: UserSession, soql: string): Promise<Record<string, unknown>[]> {
    const reply = await forward(
      targetFor(session),
      'GET',
      `${API}/query?q=${encodeURIComponent(soql)}`,
      Buffer.alloc(0)
    );
    const body = JSON.parse(reply.body.toString('utf8')) as
      { records?: Record<string, unknown>[] } | { message: string }[];
    if (reply.status !== 200 || Array.isArray(body))
      throw new Error(`The org refused the list query: ${reply.body.toString('utf8')}`);
    return body.records ?? [];
  }

  /**
   * The record as the page header and Details show it: through the UI API (display values,
   * and the names of looked-up records), only the fields the persona's permission set reads.
   */
  async function recordView(
    session: UserSession,
    objectApiName: string,
    recordId: string
  ): Promise<RecordView | null> {
    const describe = await catalog.describe(objectApiName);
    const personaRights = rights.get(session.persona.key)!;
    const shown = describe.fields.filter(
      (f) => !systemFields.has(f.name) && personaRights.field(objectApiName, f.name).read
    );
    const optionalFields = shown.flatMap((f) => [
      `${objectApiName}.${f.name}`,
      ...(f.relationshipName && f.referenceTo?.length
        ? [`${objectApiName}.${f.relationshipName}.Name`]
        : [])
    ]);
    const reply = await forward(
      targetFor(session),
      'GET',
      `${API}/ui-api/records/${encodeURIComponent(recordId)}?optionalFields=${encodeURIComponent(optionalFields.join(','))}`,
      Buffer.alloc(0)
    );
    if (reply.status !== 200) return null;
    const record = JSON.parse(reply.body.toString('utf8')) as UiRecord;
    const fieldView = (f: DescribeField): RecordField | null => {
      const node = record.fields[f.name];
      if (!node || node.value === null || node.value === '') return null;
      const related = f.relationshipName ? record.fields[f.relationshipName]?.value : undefined;
      if (related && typeof related === 'object') {
        const name = related.fields.Name?.value;
        return {
          label: f.label,
          value: String(name ?? related.id),
          href: `/lightning/r/${related.apiName}/${related.id}/view`
        };
      }
      return { label: f.label, value: node.displayValue ?? String(node.value) };
    };
    const byName = new Map(shown.map((f) => [f.name, f]));
    // A record id under another object's URL: the org's answer for the record is a 404 page.
    if (record.apiName !== describe.name) return null;
    return {
      objectApiName,
      objectLabel: describe.label,
      recordId: record.id,
      name: String(record.fields.Name?.value ?? record.id),
      highlights: (highlightFields[objectApiName] ?? [])
        .map((name) => byName.get(name))
        .map((f) => (f ? fieldView(f) : null))
        .filter((f): f is RecordField => !!f),
      details: shown.map(fieldView).filter((f): f is RecordField => !!f)
    };
  }

  /**
   * The record's related lists (what force:relatedListContainer shows): for each child
   * relationship to an object the persona reads, the first records by name, through a query.
   */
  async function relatedLists(
    session: UserSession,
    objectApiName: string,
    recordId: string
  ): Promise<RelatedList[]> {
    const describe = await catalog.describe(objectApiName);
    const personaRights = rights.get(session.persona.key)!;
    const lists: RelatedList[] = [];
    for (const child of describe.childRelationships ?? []) {
      if (!child.relationshipName || !personaRights.object(child.childSObject).read) continue;
      const childDescribe = await catalog.describe(child.childSObject);
      if (!childDescribe.fields.some((f) => f.name === 'Name')) continue;
      const soql = `SELECT Id, Name FROM ${soqlName(child.childSObject)} WHERE ${soqlName(child.field)} = ${soqlString(recordId)} ORDER BY Name LIMIT 6`;
      const records = await query(session, soql);
      // Empty lists are left out to keep the sidebar short.
      if (records.length === 0) continue;
      const label = childDescribe.labelPlural ?? child.childSObject;
      lists.push({
        label: child.relationshipName.endsWith('__r')
          ? `${label} (${childDescribe.fields.find((f) => f.name === child.field)?.label ?? child.field})`
          : label,
        records: records.map((r) => ({
          label: String(r.Name),
          value: String(r.Name),
          href: `/lightning/r/${child.childSObject}/${String(r.Id)}/view`
        }))
      });
    }
    return lists;
  }

  async function page(res: ServerResponse, url: URL, session: UserSession): Promise<void> {
    const context = (title: string, activeTab: 'Opportunity' | 'Account', withBundle: boolean) => ({
      title,
      activeTab,
      persona: session.persona,
      personas: personas.filter((p) => options.sessions.has(p.key)),
      user: { id: session.userId, name: session.name },
      path: url.pathname,
      withBundle
    });
    const html = (status: number, body: string) =>
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    const list = /^\/lightning\/o\/(\w+)\/list$/.exec(url.pathname);
    if (list) {
      const spec = lists[list[1]];
      if (!spec)
        return void html(
          404,
          shell(
            context('Not found', 'Opportunity', false),
            messagePage('No list', `The preview lists Opportunities and Accounts, not ${list[1]}.`)
          )
        );
      const records = await query(session, spec.soql);
      return void html(
        200,
        shell(
          context(spec.label, list[1] as 'Opportunity' | 'Account', false),
          listPage(spec.label, list[1], spec.columns, records)
        )
      );
    }
    const recordMatch = /^\/lightning\/r\/(\w+)\/(\w{15,18})\/view$/.exec(url.pathname);
    if (recordMatch) {
      const objectApiName =
        recordMatch[1] === 'sObject' ? await catalog.objectOf(recordMatch[2]) : recordMatch[1];
      const record = objectApiName
        ? await recordView(session, objectApiName, recordMatch[2])
        : null;
      const tab = objectApiName === 'Account' ? 'Account' : 'Opportunity';
      if (!record) {
        return void html(
          404,
          shell(
            context('Not found', tab, false),
            messagePage(
              'Record not found',
              `No ${recordMatch[1]} record ${recordMatch[2]} in the org, or you cannot see it.`
            )
          )
        );
      }
      const layout = recordPageLayout(forceAppDir, record.objectApiName);
      record.relatedLists = await relatedLists(session, record.objectApiName, record.recordId);
      return void html(200, shell(context(record.name, tab, true), recordPage(record, layout)));
    }
    if (url.pathname === '/' || url.pathname === '/lightning') {
      return void res.writeHead(302, { location: '/lightning/o/Opportunity/list' }).end();
    }
    html(
      404,
      shell(
        context('Not found', 'Opportunity', false),
        messagePage('Page not found', `${url.pathname} is not a page of the preview.`)
      )
    );
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://preview.local');
    const method = (req.method ?? 'GET').toUpperCase();
    const persona = personaByKey(cookies(req).ppk_persona);
    const session = options.sessions.get(persona.key) ?? anySession;
    if (url.pathname.startsWith('/services/')) {
      const reply = await forward(
        targetFor(session),
        method,
        `${url.pathname}${url.search}`,
        await readBody(req)
      );
      return void res.writeHead(reply.status, reply.headers).end(reply.body);
    }
    if (url.pathname === '/preview/user' && method === 'POST') {
      const form = new URLSearchParams((await readBody(req)).toString('utf8'));
      const chosen = personaByKey(form.get('persona') ?? undefined);
      const back = form.get('back') ?? '/';
      return void res
        .writeHead(303, {
          'set-cookie': `ppk_persona=${chosen.key}; Path=/; HttpOnly; SameSite=Strict`,
          location: back.startsWith('/') && !back.startsWith('//') ? back : '/'
        })
        .end();
    }
    if (url.pathname === '/preview/health') {
      return void res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: true }));
    }
    if (url.pathname === '/app.js') return sendFile(res, join(distDir, 'app.js'));
    if (url.pathname.startsWith('/chunks/')) {
      const file = inside(join(distDir, 'chunks'), url.pathname.slice('/chunks/'.length));
      return file ? sendFile(res, file) : void res.writeHead(404).end();
    }
    if (url.pathname.startsWith('/assets/')) {
      const file = inside(sldsAssets, url.pathname.slice('/assets/'.length));
      return file ? sendFile(res, file) : void res.writeHead(404).end();
    }
    const resource = /^\/resource\/(?:\d+\/)?(\w+)$/.exec(url.pathname);
    if (resource) {
      const found = staticResource(resource[1]);
      if (!found)
        return void res
          .writeHead(404, { 'content-type': 'text/plain' })
          .end(`No static resource ${resource[1]}`);
      return void res
        .writeHead(200, { 'content-type': found.contentType, 'cache-control': 'no-cache' })
        .end(readFileSync(found.file));
    }
    await page(res, url, session);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.end();
      res
        .writeHead(502, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`Preview: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  const port = await listen(server, options.port ?? 3000);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  };
}

/** Listens on the port, or on a free one when it is taken. */
async function listen(server: Server, port: number): Promise<number> {
  const attempt = (p: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(p, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  try {
    return await attempt(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    return attempt(0);
  }
}
