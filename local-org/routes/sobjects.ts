/** `/sobjects`: describeGlobal, describe, and single-record create / read / update / delete / upsert. */
import type { FieldDef, ObjectDef } from '../../scripts/lib/sfMetadata.ts';
import { describeGlobal, describeObject, describeGlobalEntry } from '../describe.ts';
import { json, jsonBody, methodNotAllowed, type Reply, type Request } from '../http.ts';
import type { OrgRuntime } from '../org.ts';
import {
  createRecord,
  deleteRecord,
  liveRecord,
  prepare,
  updateRecord,
  upsertRecord
} from '../records.ts';
import { RecordFailure, SfError, notFound } from '../sfError.ts';
import { recordUrl } from '../soql/render.ts';
import type { SfRecord } from '../store.ts';

/** Runs one record's write in its own transaction; a record failure becomes a 400. */
export function single<T>(
  org: OrgRuntime,
  write: (tx: ReturnType<OrgRuntime['store']['begin']>) => T
): T {
  const tx = org.store.begin();
  try {
    const value = write(tx);
    tx.commit();
    return value;
  } catch (error) {
    tx.rollback();
    if (error instanceof RecordFailure) {
      throw new SfError(400, error.error.statusCode, error.error.message, error.error.fields);
    }
    throw error;
  }
}

/** A record as GET /sobjects returns it: attributes first, then the fields asked for. */
export function recordBody(
  version: string,
  object: ObjectDef,
  record: SfRecord,
  fields?: FieldDef[]
) {
  const out: Record<string, unknown> = {
    attributes: { type: object.name, url: recordUrl(version, object.name, record.Id as string) }
  };
  for (const field of fields ?? Object.values(object.fields))
    out[field.name] = record[field.name] ?? null;
  return out;
}

export function fieldList(
  org: OrgRuntime,
  object: ObjectDef,
  list: string | null
): FieldDef[] | undefined {
  if (list === null) return undefined;
  return list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => {
      const field = org.schema.field(object, name);
      if (!field)
        throw new SfError(
          400,
          'INVALID_FIELD',
          `No such column '${name}' on sobject of type ${object.name}`
        );
      return field;
    });
}

/** The record for a single-record call, with the 404s Salesforce gives. */
function findForSingle(org: OrgRuntime, object: ObjectDef, rawId: string): SfRecord {
  try {
    return liveRecord(org.writeContext(), object, rawId);
  } catch (error) {
    if (!(error instanceof RecordFailure)) throw error;
    if (error.error.statusCode === 'ENTITY_IS_DELETED')
      throw new SfError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
    throw notFound();
  }
}

function externalIdField(org: OrgRuntime, object: ObjectDef, name: string): FieldDef {
  const field = org.schema.field(object, name);
  if (!field || !(field.externalId || field.name === 'Id')) {
    throw new SfError(
      404,
      'NOT_FOUND',
      `Provided external ID field does not exist or is not accessible: ${name}`
    );
  }
  return field;
}

export function sobjects(org: OrgRuntime, request: Request): Reply {
  const [, objectName, second, third, ...rest] = request.segments;
  const { method, version } = request;
  if (objectName === undefined) {
    if (method !== 'GET') throw methodNotAllowed(method, ['GET', 'HEAD']);
    return json(200, describeGlobal(version, org.schema));
  }
  const object = org.schema.object(objectName);
  if (!object) {
    throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
  }
  if (rest.length > 0) throw notFound();
  if (second === undefined) {
    if (method === 'GET')
      return json(200, { objectDescribe: describeGlobalEntry(version, object), recentItems: [] });
    if (method !== 'POST') throw methodNotAllowed(method, ['GET', 'HEAD', 'POST']);
    const prepared = prepare(
      org.schema,
      object,
      jsonBody<Record<string, unknown>>(request),
      'json'
    );
    const id = single(org, (tx) =>
      createRecord(tx, org.writeContext(request.userId), object, prepared)
    );
    return json(201, { id, success: true, errors: [] });
  }
  if (second === 'describe' && third === undefined) {
    if (method !== 'GET') throw methodNotAllowed(method, ['GET', 'HEAD']);
    return json(200, describeObject(version, org.schema, object));
  }
  if (third === undefined) return byId(org, request, object, second);
  return byExternalId(
    org,
    request,
    object,
    externalIdField(org, object, second),
    decodeURIComponent(third)
  );
}

function byId(org: OrgRuntime, request: Request, object: ObjectDef, rawId: string): Reply {
  const { method, version } = request;
  if (method === 'GET') {
    const fields = fieldList(org, object, request.params.get('fields'));
    return json(200, recordBody(version, object, findForSingle(org, object, rawId), fields));
  }
  if (method === 'PATCH') {
    findForSingle(org, object, rawId);
    const prepared = prepare(
      org.schema,
      object,
      jsonBody<Record<string, unknown>>(request),
      'json'
    );
    single(org, (tx) =>
      updateRecord(tx, org.writeContext(request.userId), object, rawId, {
        ...prepared,
        id: undefined
      })
    );
    return json(204);
  }
  if (method === 'DELETE') {
    findForSingle(org, object, rawId);
    single(org, (tx) => deleteRecord(tx, org.writeContext(request.userId), object, rawId));
    return json(204);
  }
  throw methodNotAllowed(method, ['GET', 'HEAD', 'PATCH', 'DELETE']);
}

function byExternalId(
  org: OrgRuntime,
  request: Request,
  object: ObjectDef,
  field: FieldDef,
  value: string
): Reply {
  const { method, version } = request;
  if (field.name === 'Id') {
    if (method === 'PATCH' && value === '') {
      const prepared = prepare(
        org.schema,
        object,
        jsonBody<Record<string, unknown>>(request),
        'json'
      );
      const id = single(org, (tx) =>
        createRecord(tx, org.writeContext(request.userId), object, prepared)
      );
      return json(201, { id, success: true, errors: [], created: true });
    }
    return byId(org, request, object, value);
  }
  if (method === 'PATCH') {
    const prepared = prepare(
      org.schema,
      object,
      jsonBody<Record<string, unknown>>(request),
      'json'
    );
    const bodyValue = prepared.values.get(field);
    if (bodyValue !== undefined && String(bodyValue) !== value) {
      throw new SfError(
        400,
        'INVALID_FIELD',
        `The external ID field ${field.name} is in the URL; do not set it to another value in the body`
      );
    }
    const result = single(org, (tx) =>
      upsertRecord(tx, org.writeContext(request.userId), object, field, value, prepared)
    );
    return json(result.created ? 201 : 200, {
      id: result.id,
      success: true,
      errors: [],
      created: result.created
    });
  }
  const matches = org.store.byKey(object.name, field, value);
  if (matches.length === 0) throw notFound();
  if (matches.length > 1) {
    return json(
      300,
      matches.map((id) => recordUrl(version, object.name, id))
    );
  }
  if (method === 'GET') {
    const fields = fieldList(org, object, request.params.get('fields'));
    return json(200, recordBody(version, object, org.store.get(object.name, matches[0])!, fields));
  }
  if (method === 'DELETE') {
    single(org, (tx) => deleteRecord(tx, org.writeContext(request.userId), object, matches[0]));
    return json(204);
  }
  throw methodNotAllowed(method, ['GET', 'HEAD', 'PATCH', 'DELETE']);
}
