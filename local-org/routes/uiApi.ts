/**
 * The UI API record endpoints Lightning Data Service calls, which the preview's stand-ins for
 * `lightning/uiRecordApi` and `lightning/uiRelatedListApi` use: record reads with
 * `{ value, displayValue }` fields and nested relationships, create, update, delete, and
 * related-list records.
 */
import type { FieldDef, ObjectDef } from '../../scripts/lib/sfMetadata.ts';
import { json, jsonBody, methodNotAllowed, type Reply, type Request } from '../http.ts';
import { normalizeId } from '../ids.ts';
import type { OrgRuntime } from '../org.ts';
import { createRecord, deleteRecord, liveRecord, prepare, updateRecord } from '../records.ts';
import { RecordFailure, SfError, notFound } from '../sfError.ts';
import { resolvePath, type FieldPath } from '../soql/fieldPath.ts';
import type { SfRecord } from '../store.ts';

type RecordRep = {
  apiName: string;
  childRelationships: Record<string, never>;
  eTag: string;
  fields: Record<string, { displayValue: string | null; value: unknown }>;
  id: string;
  lastModifiedById: unknown;
  lastModifiedDate: unknown;
  recordTypeId: null;
  recordTypeInfo: null;
  systemModstamp: unknown;
  weakEtag: number;
};

function displayValue(field: FieldDef, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'Currency':
      return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(
        value as number
      );
    case 'Percent':
      return `${value as number}%`;
    case 'Number':
      return new Intl.NumberFormat('en-US').format(value as number);
    case 'Date': {
      const [y, m, d] = String(value).split('-').map(Number);
      return `${m}/${d}/${y}`;
    }
    case 'DateTime':
      return new Date(String(value).replace('+0000', 'Z')).toLocaleString('en-US', {
        timeZone: 'UTC'
      });
    case 'Picklist':
    case 'MultiselectPicklist':
      return String(value);
    default:
      return null;
  }
}

function shell(object: ObjectDef, record: SfRecord): RecordRep {
  return {
    apiName: object.name,
    childRelationships: {},
    eTag: `${record.Id as string}:${record.SystemModstamp as string}`,
    fields: {},
    id: record.Id as string,
    lastModifiedById: record.LastModifiedById ?? null,
    lastModifiedDate: record.LastModifiedDate ?? null,
    recordTypeId: null,
    recordTypeInfo: null,
    systemModstamp: record.SystemModstamp ?? null,
    weakEtag: Date.parse(String(record.SystemModstamp).replace('+0000', 'Z'))
  };
}

/** Puts one field path into the record representation, nesting through relationships. */
function place(org: OrgRuntime, rep: RecordRep, record: SfRecord, path: FieldPath) {
  let target = rep;
  let current = record;
  for (const step of path.lookups) {
    const parentId = current[step.field.name];
    const parent =
      typeof parentId === 'string' ? org.store.get(step.target.name, parentId) : undefined;
    if (!parent || parent.IsDeleted) {
      target.fields[step.relationshipName] = { displayValue: null, value: null };
      return;
    }
    const existing = target.fields[step.relationshipName]?.value as RecordRep | null | undefined;
    const nested = existing ?? shell(step.target, parent);
    const name = parent.Name;
    target.fields[step.relationshipName] = {
      displayValue: typeof name === 'string' ? name : null,
      value: nested
    };
    target = nested;
    current = parent;
  }
  const value = current[path.field.name] ?? null;
  target.fields[path.field.name] = { displayValue: displayValue(path.field, value), value };
}

/** `Account.Name`, `Account.Owner.Name`: the object prefix must name the record's object. */
function qualified(
  org: OrgRuntime,
  object: ObjectDef,
  names: string[],
  optional: boolean
): FieldPath[] {
  const paths: FieldPath[] = [];
  for (const name of names) {
    const dot = name.indexOf('.');
    const prefix = dot > 0 ? name.slice(0, dot) : '';
    if (prefix.toLowerCase() !== object.name.toLowerCase()) {
      if (optional) continue;
      throw new SfError(
        400,
        'INVALID_FIELD',
        `The field ${name} is not qualified with the object ${object.name}`
      );
    }
    try {
      paths.push(resolvePath(org.schema, object, name.slice(dot + 1)));
    } catch (error) {
      if (optional) continue;
      if (error instanceof SfError)
        throw new SfError(400, 'INVALID_FIELD', `Cannot find field ${name}: ${error.message}`);
      throw error;
    }
  }
  return paths;
}

function list(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function recordRep(
  org: OrgRuntime,
  object: ObjectDef,
  record: SfRecord,
  paths: FieldPath[]
): RecordRep {
  const rep = shell(object, record);
  for (const path of paths) place(org, rep, record, path);
  return rep;
}

function allFields(object: ObjectDef): FieldPath[] {
  return Object.values(object.fields).map((field) => ({ lookups: [], field, name: field.name }));
}

function findRecord(org: OrgRuntime, rawId: string): { object: ObjectDef; record: SfRecord } {
  const id = normalizeId(rawId);
  const object = id ? org.schema.objectForPrefix(id.slice(0, 3)) : undefined;
  if (!id || !object) throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
  try {
    return { object, record: liveRecord(org.writeContext(), object, id) };
  } catch (error) {
    if (error instanceof RecordFailure)
      throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
    throw error;
  }
}

/** UI API write errors: field errors keyed by field, as LDS reports them to components. */
function writeError(object: ObjectDef, error: unknown): SfError {
  if (!(error instanceof RecordFailure)) return error as SfError;
  const { statusCode, message, fields } = error.error;
  const body = {
    errorCode: statusCode,
    message,
    enhancedErrorType: 'RecordError',
    output: {
      errors: fields.length ? [] : [{ errorCode: statusCode, message }],
      fieldErrors: Object.fromEntries(
        fields.map((f) => [
          f,
          [
            {
              constituentField: null,
              duplicateRecordError: null,
              errorCode: statusCode,
              field: f,
              fieldLabel: object.fields[f]?.label ?? f,
              message
            }
          ]
        ])
      )
    }
  };
  return new SfError(400, statusCode, message, fields, [body]);
}

function write<T>(
  org: OrgRuntime,
  object: ObjectDef,
  run: (tx: ReturnType<OrgRuntime['store']['begin']>) => T
): T {
  const tx = org.store.begin();
  try {
    const value = run(tx);
    tx.commit();
    return value;
  } catch (error) {
    tx.rollback();
    throw writeError(object, error);
  }
}

export function uiApi(org: OrgRuntime, request: Request): Reply {
  const [, resource, first, second, ...rest] = request.segments;
  const { method } = request;
  if (resource === 'records' && rest.length === 0 && second === undefined) {
    if (first === undefined) {
      if (method !== 'POST') throw methodNotAllowed(method, ['POST']);
      const body = jsonBody<{ apiName?: string; fields?: Record<string, unknown> }>(request);
      const object = body.apiName ? org.schema.object(body.apiName) : undefined;
      if (!object)
        throw new SfError(400, 'INVALID_TYPE', `Invalid apiName: ${String(body.apiName)}`);
      const prepared = prepare(org.schema, object, body.fields ?? {}, 'json');
      const id = write(org, object, (tx) =>
        createRecord(tx, org.writeContext(request.userId), object, prepared)
      );
      return json(201, recordRep(org, object, org.store.get(object.name, id)!, allFields(object)));
    }
    const { object, record } = findRecord(org, first);
    if (method === 'GET') {
      if (request.params.get('layoutTypes') || request.params.get('modes')) {
        throw new SfError(
          400,
          'ILLEGAL_QUERY_PARAMETER_VALUE',
          'layoutTypes and modes are not supported by the local org; ask for fields'
        );
      }
      const fields = qualified(org, object, list(request.params.get('fields')), false);
      const optional = qualified(org, object, list(request.params.get('optionalFields')), true);
      if (fields.length + optional.length === 0) {
        throw new SfError(400, 'ILLEGAL_QUERY_PARAMETER_VALUE', 'Specify fields or optionalFields');
      }
      return json(200, recordRep(org, object, record, [...fields, ...optional]));
    }
    if (method === 'PATCH') {
      const body = jsonBody<{ fields?: Record<string, unknown> }>(request);
      const fields = { ...(body.fields ?? {}) };
      delete fields.Id;
      const prepared = prepare(org.schema, object, fields, 'json');
      write(org, object, (tx) =>
        updateRecord(tx, org.writeContext(request.userId), object, record.Id as string, prepared)
      );
      return json(
        200,
        recordRep(org, object, org.store.get(object.name, record.Id as string)!, allFields(object))
      );
    }
    if (method === 'DELETE') {
      write(org, object, (tx) =>
        deleteRecord(tx, org.writeContext(request.userId), object, record.Id as string)
      );
      return json(204);
    }
    throw methodNotAllowed(method, ['GET', 'PATCH', 'DELETE']);
  }
  if (resource === 'related-list-records' && first && second && rest.length === 0) {
    if (method !== 'GET') throw methodNotAllowed(method, ['GET']);
    return relatedList(org, request, first, second);
  }
  throw notFound();
}

function relatedList(
  org: OrgRuntime,
  request: Request,
  parentId: string,
  relatedListId: string
): Reply {
  const { object: parent, record } = findRecord(org, parentId);
  const relationship = org.schema.childRelationship(parent, relatedListId);
  if (!relationship)
    throw new SfError(
      404,
      'NOT_FOUND',
      `The related list ${relatedListId} does not exist on ${parent.name}`
    );
  const child = org.schema.object(relationship.childObject)!;
  const fields = qualified(org, child, list(request.params.get('fields')), false);
  const optional = qualified(org, child, list(request.params.get('optionalFields')), true);
  const pageSize = Number(request.params.get('pageSize') ?? 50);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1999) {
    throw new SfError(400, 'ILLEGAL_QUERY_PARAMETER_VALUE', 'pageSize must be between 1 and 1999');
  }
  const page = Number(request.params.get('pageToken') ?? 0);
  const sortBy = list(request.params.get('sortBy'));
  const ids = [...org.store.children(child.name, relationship.field, record.Id as string)];
  let records = ids.map((id) => org.store.get(child.name, id)!);
  const sorts = sortBy.map((entry) => {
    const descending = entry.startsWith('-');
    const name = descending ? entry.slice(1) : entry;
    const [path] = qualified(
      org,
      child,
      [name.includes('.') ? name : `${child.name}.${name}`],
      false
    );
    return { path, descending };
  });
  records = records.sort((a, b) => {
    for (const { path, descending } of sorts) {
      const x = a[path.field.name] as string | number | null;
      const y = b[path.field.name] as string | number | null;
      if (x === y) continue;
      const c = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      return descending ? -c : c;
    }
    return String(a.Id) < String(b.Id) ? -1 : 1;
  });
  const slice = records.slice(page * pageSize, (page + 1) * pageSize);
  const hasMore = (page + 1) * pageSize < records.length;
  return json(200, {
    count: slice.length,
    currentPageToken: String(page),
    currentPageUrl: null,
    fields: list(request.params.get('fields')),
    listInfoETag: null,
    listReference: {
      inContextOfRecordId: record.Id,
      listViewApiName: null,
      objectApiName: child.name,
      parentObjectApiName: parent.name,
      recordTypeId: null,
      relatedListId: relationship.relationshipName
    },
    nextPageToken: hasMore ? String(page + 1) : null,
    nextPageUrl: null,
    optionalFields: list(request.params.get('optionalFields')),
    pageSize,
    parentRecordId: record.Id,
    previousPageToken: page > 0 ? String(page - 1) : null,
    previousPageUrl: null,
    records: slice.map((r) => recordRep(org, child, r, [...fields, ...optional])),
    sortBy
  });
}
