/**
 * sObject collections (`/composite/sobjects`): create, update, upsert, delete and retrieve up to
 * 200 records in one call, with allOrNone: either every record commits, or none does and the
 * valid ones report ALL_OR_NONE_OPERATION_ROLLED_BACK.
 */
import type { ObjectDef } from '../../scripts/lib/sfMetadata.ts';
import { json, jsonBody, methodNotAllowed, type Reply, type Request } from '../http.ts';
import { normalizeId } from '../ids.ts';
import type { OrgRuntime } from '../org.ts';
import {
  attempt,
  createRecord,
  deleteRecord,
  prepare,
  updateRecord,
  upsertRecord,
  type PreparedRecord
} from '../records.ts';
import { RecordFailure, SfError, notFound, type RecordError } from '../sfError.ts';
import { fieldList, recordBody } from './sobjects.ts';

const MAX_RECORDS = 200;

interface CollectionResult {
  id?: string;
  success: boolean;
  errors: RecordError[];
  created?: boolean;
}

const tooMany = () =>
  new SfError(
    400,
    'EXCEEDED_ID_LIMIT',
    `record limit reached. cannot submit more than ${MAX_RECORDS} records into this call`
  );

const rolledBack: RecordError = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message:
    'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: []
};

const lockError = (id?: string): RecordError => ({
  statusCode: 'UNABLE_TO_LOCK_ROW',
  message: `unable to obtain exclusive access to this record${id ? ` or 1 records: ${id}` : ''}`,
  fields: []
});

/** Runs each record's write; with allOrNone, one failure undoes the whole batch. */
function runBatch(
  org: OrgRuntime,
  count: number,
  allOrNone: boolean,
  write: (
    index: number,
    tx: ReturnType<OrgRuntime['store']['begin']>
  ) => { id: string; created?: boolean },
  idOf: (index: number) => string | undefined
): CollectionResult[] {
  const tx = org.store.begin();
  const results: CollectionResult[] = [];
  try {
    for (let i = 0; i < count; i++) {
      if (org.faults.recordLock('composite')) {
        results.push({ ...withId(idOf(i)), success: false, errors: [lockError(idOf(i))] });
        continue;
      }
      const outcome = attempt(tx, () => write(i, tx));
      if (outcome.ok) {
        const result: CollectionResult = { id: outcome.value.id, success: true, errors: [] };
        if (outcome.value.created !== undefined) result.created = outcome.value.created;
        results.push(result);
      } else {
        results.push({ ...withId(idOf(i)), success: false, errors: [outcome.error] });
      }
    }
  } catch (error) {
    tx.rollback();
    throw error;
  }
  if (allOrNone && results.some((r) => !r.success)) {
    tx.rollback();
    return results.map((r, i) =>
      r.success ? { ...withId(idOf(i)), success: false, errors: [rolledBack] } : r
    );
  }
  tx.commit();
  return results;
}

function withId(id: string | undefined): { id?: string } {
  return id ? { id } : {};
}

interface CollectionBody {
  allOrNone?: boolean;
  records?: Record<string, unknown>[];
}

function recordsOf(request: Request): { allOrNone: boolean; records: Record<string, unknown>[] } {
  const body = jsonBody<CollectionBody>(request);
  if (!body || !Array.isArray(body.records)) {
    throw new SfError(400, 'JSON_PARSER_ERROR', 'The request body must have a records array');
  }
  if (body.records.length > MAX_RECORDS) throw tooMany();
  return { allOrNone: body.allOrNone === true, records: body.records };
}

function typed(org: OrgRuntime, record: Record<string, unknown>): ObjectDef {
  const attributes = record.attributes as { type?: string } | undefined;
  if (!attributes?.type) {
    throw new SfError(400, 'INVALID_TYPE', 'Must specify a type in the attributes of each record');
  }
  const object = org.schema.object(attributes.type);
  if (!object)
    throw new SfError(400, 'INVALID_TYPE', `sObject type '${attributes.type}' is not supported.`);
  return object;
}

export function composite(org: OrgRuntime, request: Request): Reply {
  const [, kind, objectName, extField, ...rest] = request.segments;
  if (kind === 'tree' && objectName !== undefined && extField === undefined)
    return tree(org, request, objectName);
  if (kind !== 'sobjects' || rest.length > 0) throw notFound();
  const { method } = request;
  const ctx = org.writeContext(request.userId);

  if (objectName === undefined) {
    if (method === 'DELETE') {
      const ids = (request.params.get('ids') ?? '').split(',').filter(Boolean);
      if (ids.length > MAX_RECORDS) throw tooMany();
      const allOrNone = request.params.get('allOrNone') === 'true';
      const results = runBatch(
        org,
        ids.length,
        allOrNone,
        (i, tx) => {
          const id = normalizeId(ids[i]);
          const object = id ? org.schema.objectForPrefix(id.slice(0, 3)) : undefined;
          if (!id || !object) throw new RecordFailure('MALFORMED_ID', `malformed id ${ids[i]}`);
          return { id: deleteRecord(tx, ctx, object, ids[i]) };
        },
        (i) => ids[i]
      );
      return json(200, results);
    }
    if (method !== 'POST' && method !== 'PATCH')
      throw methodNotAllowed(method, ['POST', 'PATCH', 'DELETE']);
    const { allOrNone, records } = recordsOf(request);
    const objects = records.map((r) => typed(org, r));
    const prepared = records.map((r, i) => prepare(org.schema, objects[i], r, 'json'));
    const results =
      method === 'POST'
        ? runBatch(
            org,
            records.length,
            allOrNone,
            (i, tx) => ({ id: createRecord(tx, ctx, objects[i], prepared[i]) }),
            () => undefined
          )
        : runBatch(
            org,
            records.length,
            allOrNone,
            (i, tx) => {
              const id = prepared[i].id;
              if (!id)
                throw new RecordFailure('MISSING_ARGUMENT', 'Id not specified in an update call');
              return {
                id: updateRecord(tx, ctx, objects[i], id, { ...prepared[i], id: undefined })
              };
            },
            (i) => prepared[i].id
          );
    return json(200, results);
  }

  const object = org.schema.object(objectName);
  if (!object) throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');

  if (extField === undefined) {
    // retrieve: GET ?ids=&fields= or POST { ids, fields }
    let ids: string[];
    let fields: string | null;
    if (method === 'GET') {
      ids = (request.params.get('ids') ?? '').split(',').filter(Boolean);
      fields = request.params.get('fields');
    } else if (method === 'POST') {
      const body = jsonBody<{ ids?: string[]; fields?: string[] }>(request);
      ids = body.ids ?? [];
      fields = (body.fields ?? []).join(',');
    } else {
      throw methodNotAllowed(method, ['GET', 'POST']);
    }
    if (ids.length > 2000)
      throw new SfError(
        400,
        'EXCEEDED_ID_LIMIT',
        'cannot retrieve more than 2000 records in one call'
      );
    if (!fields) throw new SfError(400, 'MISSING_ARGUMENT', 'fields is required');
    const list = fieldList(org, object, fields);
    return json(
      200,
      ids.map((raw) => {
        const id = normalizeId(raw);
        const record = id ? org.store.get(object.name, id) : undefined;
        return record && !record.IsDeleted
          ? recordBody(request.version, object, record, list)
          : null;
      })
    );
  }

  if (method !== 'PATCH') throw methodNotAllowed(method, ['PATCH']);
  const keyField = org.schema.field(object, extField);
  if (!keyField || !(keyField.externalId || keyField.name === 'Id')) {
    throw new SfError(
      404,
      'NOT_FOUND',
      `Provided external ID field does not exist or is not accessible: ${extField}`
    );
  }
  const { allOrNone, records } = recordsOf(request);
  const prepared: PreparedRecord[] = records.map((r) => {
    const object2 = typed(org, r);
    if (object2.name !== object.name) {
      throw new SfError(
        400,
        'INVALID_TYPE',
        `Record type ${object2.name} does not match the URL's ${object.name}`
      );
    }
    return prepare(org.schema, object, r, 'json');
  });
  const results = runBatch(
    org,
    records.length,
    allOrNone,
    (i, tx) => {
      const p = prepared[i];
      const key = keyField.name === 'Id' ? (p.id ?? '') : p.values.get(keyField);
      if (key === undefined || key === null) {
        throw new RecordFailure('MISSING_ARGUMENT', `${keyField.name} not specified`);
      }
      return upsertRecord(tx, ctx, object, keyField, String(key), p);
    },
    () => undefined
  );
  return json(200, results);
}

interface TreeRecord {
  attributes?: { type?: string; referenceId?: string };
  [key: string]: unknown;
}

/**
 * sObject tree (`/composite/tree/{object}`), what `sf data tree import` sends: up to 200 records
 * with nested children, created in one transaction; any failure rolls all of it back.
 */
function tree(org: OrgRuntime, request: Request, objectName: string): Reply {
  if (request.method !== 'POST') throw methodNotAllowed(request.method, ['POST']);
  const root = org.schema.object(objectName);
  if (!root) throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
  const body = jsonBody<{ records?: TreeRecord[] }>(request);
  if (!Array.isArray(body.records))
    throw new SfError(400, 'JSON_PARSER_ERROR', 'The request body must have a records array');
  const ctx = org.writeContext(request.userId);
  const seen = new Set<string>();
  let total = 0;
  const results: { referenceId: string; id?: string; errors?: RecordError[] }[] = [];
  const tx = org.store.begin();
  const insert = (
    object: ObjectDef,
    record: TreeRecord,
    parent?: { field: string; id: string },
    depth = 1
  ) => {
    if (depth > 5)
      throw new SfError(400, 'INVALID_INPUT', 'The sObject tree can be at most 5 levels deep');
    if (++total > MAX_RECORDS)
      throw new SfError(
        400,
        'LIMIT_EXCEEDED',
        `Too many records: a tree request takes at most ${MAX_RECORDS}`
      );
    const referenceId = record.attributes?.referenceId;
    if (!referenceId)
      throw new SfError(400, 'INVALID_INPUT', 'Each record needs attributes.referenceId');
    if (seen.has(referenceId))
      throw new SfError(
        400,
        'INVALID_INPUT',
        `Duplicate ReferenceId provided in the request: ${referenceId}`
      );
    seen.add(referenceId);
    if (
      record.attributes?.type &&
      org.schema.object(record.attributes.type)?.name !== object.name
    ) {
      throw new SfError(
        400,
        'INVALID_INPUT',
        `Record ${referenceId} is of type ${record.attributes.type}, expected ${object.name}`
      );
    }
    const fields: Record<string, unknown> = {};
    const children: [ReturnType<OrgRuntime['schema']['childRelationship']>, TreeRecord[]][] = [];
    for (const [key, value] of Object.entries(record)) {
      if (key === 'attributes') continue;
      const relationship = org.schema.childRelationship(object, key);
      if (
        relationship &&
        value !== null &&
        typeof value === 'object' &&
        Array.isArray((value as { records?: unknown }).records)
      ) {
        children.push([relationship, (value as { records: TreeRecord[] }).records]);
      } else {
        fields[key] = value;
      }
    }
    if (parent) fields[parent.field] = parent.id;
    const outcome = attempt(tx, () =>
      createRecord(tx, ctx, object, prepare(org.schema, object, fields, 'json'))
    );
    if (!outcome.ok) {
      results.push({ referenceId, errors: [outcome.error] });
      return;
    }
    results.push({ referenceId, id: outcome.value });
    for (const [relationship, records] of children) {
      const child = org.schema.object(relationship!.childObject)!;
      for (const childRecord of records)
        insert(child, childRecord, { field: relationship!.field, id: outcome.value }, depth + 1);
    }
  };
  try {
    for (const record of body.records) insert(root, record);
  } catch (error) {
    tx.rollback();
    throw error;
  }
  const failed = results.filter((r) => r.errors);
  if (failed.length > 0) {
    tx.rollback();
    return json(400, { hasErrors: true, results: failed });
  }
  tx.commit();
  return json(201, { hasErrors: false, results });
}
