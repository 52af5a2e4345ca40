/**
 * The preview's path to the org: forwards the browser's `/services/data/...` calls with the
 * current persona's session (added here; the browser never sees a token) and applies the
 * persona's permission set, which the local org does not model: object-info answers say what
 * the permission set allows, record reads leave out (optionalFields) or refuse (fields) what it
 * does not let the user read, and writes it does not allow are refused in the UI API's shape.
 */
import type { Rights } from './permissions.ts';

export interface ProxyReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface OrgTarget {
  instanceUrl: string;
  accessToken: string;
  rights: Rights;
  /** The object a record id belongs to (by its key prefix), or undefined. */
  objectOf(recordId: string): Promise<string | undefined>;
}

const jsonReply = (status: number, value: unknown): ProxyReply => ({
  status,
  headers: { 'content-type': 'application/json;charset=UTF-8' },
  body: Buffer.from(JSON.stringify(value))
});

const refused = (message: string, fields: string[] = []): ProxyReply =>
  jsonReply(403, [{ errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message, fields }]);

async function upstream(
  target: OrgTarget,
  method: string,
  path: string,
  body?: Buffer
): Promise<ProxyReply> {
  const response = await fetch(`${target.instanceUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${target.accessToken}`,
      ...(body?.length ? { 'Content-Type': 'application/json' } : {})
    },
    body: body?.length ? body : undefined
  });
  const headers: Record<string, string> = {};
  const type = response.headers.get('content-type');
  if (type) headers['content-type'] = type;
  return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** Which fields of a write the permission set does not let this user set. */
function lockedFields(
  target: OrgTarget,
  objectName: string,
  fields: Record<string, unknown>
): string[] {
  return Object.keys(fields).filter(
    (field) => field !== 'Id' && !target.rights.field(objectName, field).edit
  );
}

async function checkWrite(
  target: OrgTarget,
  method: string,
  rest: string[],
  body: Buffer
): Promise<ProxyReply | null> {
  const input = body.length
    ? (JSON.parse(body.toString('utf8')) as { apiName?: string; fields?: Record<string, unknown> })
    : {};
  if (method === 'POST' && rest.length === 1) {
    const objectName = input.apiName ?? '';
    if (!target.rights.object(objectName).create)
      return refused(`You don't have permission to create ${objectName} records.`);
    const locked = lockedFields(target, objectName, input.fields ?? {});
    return locked.length
      ? refused(`You don't have permission to set ${locked.join(', ')} on ${objectName}.`, locked)
      : null;
  }
  const recordId = rest[1];
  const objectName = recordId ? await target.objectOf(recordId) : undefined;
  if (!objectName) return null;
  if (method === 'DELETE')
    return target.rights.object(objectName).delete
      ? null
      : refused(`You don't have permission to delete ${objectName} records.`);
  if (!target.rights.object(objectName).edit)
    return refused(`You don't have permission to edit ${objectName} records.`);
  const locked = lockedFields(target, objectName, input.fields ?? {});
  return locked.length
    ? refused(`You don't have permission to edit ${locked.join(', ')} on ${objectName}.`, locked)
    : null;
}

interface ObjectInfoBody {
  apiName: string;
  createable?: boolean;
  updateable?: boolean;
  deletable?: boolean;
  fields?: Record<string, { createable?: boolean; updateable?: boolean }>;
}

/** The org's object info, narrowed to what the permission set grants. */
function narrowObjectInfo(target: OrgTarget, reply: ProxyReply): ProxyReply {
  if (reply.status !== 200) return reply;
  const info = JSON.parse(reply.body.toString('utf8')) as ObjectInfoBody;
  const rights = target.rights.object(info.apiName);
  info.createable = !!info.createable && rights.create;
  info.updateable = !!info.updateable && rights.edit;
  info.deletable = !!info.deletable && rights.delete;
  for (const [name, field] of Object.entries(info.fields ?? {})) {
    const fieldRights = target.rights.field(info.apiName, name);
    if (!fieldRights.read) {
      delete info.fields![name];
      continue;
    }
    field.createable = !!field.createable && fieldRights.edit && rights.create;
    field.updateable = !!field.updateable && fieldRights.edit && rights.edit;
  }
  return jsonReply(200, info);
}

interface DescribeBody {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string | null;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  queryable: boolean;
  fields: {
    name: string;
    label: string;
    type: string;
    createable: boolean;
    updateable: boolean;
    nillable: boolean;
    defaultedOnCreate?: boolean;
    referenceTo?: string[];
    relationshipName?: string | null;
    length?: number;
  }[];
}

/**
 * The UI API object info, derived from the REST describe when the org has no object-info
 * resource (the local org answers records and related lists only): same source, UI API's shape.
 */
async function objectInfoFromDescribe(
  target: OrgTarget,
  version: string,
  objectName: string
): Promise<ProxyReply> {
  const reply = await upstream(
    target,
    'GET',
    `/services/data/v${version}/sobjects/${encodeURIComponent(objectName)}/describe`
  );
  if (reply.status !== 200) return reply;
  const describe = JSON.parse(reply.body.toString('utf8')) as DescribeBody;
  const fields = Object.fromEntries(
    describe.fields.map((f) => [
      f.name,
      {
        apiName: f.name,
        label: f.label,
        dataType: f.type.charAt(0).toUpperCase() + f.type.slice(1),
        createable: f.createable,
        updateable: f.updateable,
        required: f.createable && !f.nillable && !f.defaultedOnCreate && f.type !== 'boolean',
        reference: (f.referenceTo?.length ?? 0) > 0,
        referenceToInfos: (f.referenceTo ?? []).map((apiName) => ({
          apiName,
          nameFields: ['Name']
        })),
        relationshipName: f.relationshipName ?? null,
        length: f.length ?? 0
      }
    ])
  );
  return jsonReply(200, {
    apiName: describe.name,
    label: describe.label,
    labelPlural: describe.labelPlural,
    keyPrefix: describe.keyPrefix,
    createable: describe.createable,
    updateable: describe.updateable,
    deletable: describe.deletable,
    queryable: describe.queryable,
    fields
  });
}

/**
 * Forwards one call. Reads (queries, describes, UI API reads) pass; writes are allowed only
 * through the UI API record resource, as the components make them.
 */
export async function forward(
  target: OrgTarget,
  method: string,
  path: string,
  body: Buffer
): Promise<ProxyReply> {
  const url = new URL(path, 'http://preview.local');
  const match = /^\/services\/data\/v\d+\.\d\/(.*)$/.exec(url.pathname);
  if (!match)
    return jsonReply(404, [
      { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }
    ]);
  const rest = match[1].split('/').filter(Boolean).map(decodeURIComponent);
  if (method !== 'GET') {
    if (rest[0] !== 'ui-api' || rest[1] !== 'records') {
      return refused(
        `The preview only writes through the UI API record resource (${method} ${url.pathname} is not allowed from the page).`
      );
    }
    let denial: ProxyReply | null;
    try {
      denial = await checkWrite(target, method, rest.slice(1), body);
    } catch {
      return jsonReply(400, [
        { errorCode: 'JSON_PARSER_ERROR', message: 'The request body is not valid JSON.' }
      ]);
    }
    if (denial) return denial;
  }
  if (
    method === 'GET' &&
    rest[0] === 'ui-api' &&
    (rest[1] === 'records' || rest[1] === 'related-list-records')
  ) {
    const unreadable = (url.searchParams.get('fields') ?? '')
      .split(',')
      .filter((f) => f && !target.rights.readsPath(f));
    if (unreadable.length) {
      return jsonReply(400, [
        {
          errorCode: 'INVALID_FIELD',
          message: `You can't read ${unreadable.join(', ')} (permission set ${target.rights.permissionSet}). Request fields a user may not see as optionalFields.`
        }
      ]);
    }
    // Optional fields the user cannot read are left out of the answer, as the UI API does.
    const optional = url.searchParams.get('optionalFields');
    if (optional)
      url.searchParams.set(
        'optionalFields',
        optional
          .split(',')
          .filter((f) => target.rights.readsPath(f))
          .join(',')
      );
    path = `${url.pathname}${url.search}`;
  }
  const reply = await upstream(target, method, path, body);
  if (rest[0] === 'ui-api' && rest[1] === 'object-info' && rest.length === 3) {
    const version = /^\/services\/data\/v(\d+\.\d)\//.exec(url.pathname)![1];
    return narrowObjectInfo(
      target,
      reply.status === 404 ? await objectInfoFromDescribe(target, version, rest[2]) : reply
    );
  }
  return reply;
}
