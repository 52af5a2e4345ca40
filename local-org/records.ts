/**
 * Record writes with Salesforce's validation: create, update, upsert by external id, delete.
 * Request bodies are first "deserialized" against the schema (unknown fields and type mismatches
 * refuse the whole request, as Salesforce does); each record then passes or fails on its own
 * (required fields, lengths, picklists, references, uniqueness) with Salesforce's error codes.
 */
import type { FieldDef, ObjectDef } from '../scripts/lib/sfMetadata.ts';
import { closedOpportunityStages } from '../scripts/lib/standardObjects.ts';
import { checkValue, coerce, formatDateTime, type InputMode } from './fieldValues.ts';
import { normalizeId } from './ids.ts';
import { isReference, type OrgSchema } from './orgSchema.ts';
import { RecordFailure, SfError, type RecordError } from './sfError.ts';
import type { SfRecord, Store, Transaction } from './store.ts';

/** A lookup set by the parent's external id: `Partner_Account__r: { External_Id__c: 'P-1' }`. */
interface ForeignKey {
  field: FieldDef;
  parent: ObjectDef;
  keyField: FieldDef;
  value: string;
}

/** A request body checked against the schema: stored values, and lookups by external id. */
export interface PreparedRecord {
  values: Map<FieldDef, unknown>;
  foreignKeys: ForeignKey[];
  /** Fields named in the body but not settable, reported per record. */
  readOnly: string[];
  /** The Id in the body, if any (collections update/upsert carry it there). */
  id?: string;
}

export type WriteResult =
  | { success: true; id: string; created: boolean }
  | { success: false; id?: string; errors: RecordError[] };

export interface WriteContext {
  store: Store;
  schema: OrgSchema;
  userId: string;
  /** The org setting itself up (admin and demo users), not an API client. */
  system?: boolean;
}

/**
 * Fields Salesforce requires to create a User that the project's schema does not declare: through
 * the API a User cannot be created here, as it could not be in a real org without them.
 */
const USER_SETUP_FIELDS = [
  'Alias',
  'TimeZoneSidKey',
  'LocaleSidKey',
  'EmailEncodingKey',
  'ProfileId',
  'LanguageLocaleKey'
];

const noSuchColumn = (object: ObjectDef, name: string) =>
  new SfError(400, 'INVALID_FIELD', `No such column '${name}' on sobject of type ${object.name}`);

/** Request-level checks of one body (JSON object, or a CSV row as strings). */
export function prepare(
  schema: OrgSchema,
  object: ObjectDef,
  body: Record<string, unknown>,
  mode: InputMode
): PreparedRecord {
  const prepared: PreparedRecord = { values: new Map(), foreignKeys: [], readOnly: [] };
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new SfError(
      400,
      'JSON_PARSER_ERROR',
      `Cannot deserialize instance of ${object.name} from non-object value`
    );
  }
  for (const [key, raw] of Object.entries(body)) {
    if (key === 'attributes') continue;
    if (mode === 'csv' && raw === '') continue;
    const dot = key.indexOf('.');
    if (dot > 0 || (raw !== null && typeof raw === 'object' && !Array.isArray(raw))) {
      const relationship = dot > 0 ? key.slice(0, dot) : key;
      const lookup = schema.parentRelationship(object, relationship);
      if (!lookup || !lookup.referenceTo || lookup.name === 'Id') {
        if (dot > 0) throw noSuchColumn(object, key);
        throw coerceRejection(schema.field(object, key), object, key, raw);
      }
      const parent = schema.object(lookup.referenceTo)!;
      let keyName: string;
      let value: unknown;
      if (dot > 0) {
        keyName = key.slice(dot + 1);
        value = raw;
      } else {
        const entries = Object.entries(raw as Record<string, unknown>).filter(
          ([k]) => k !== 'attributes'
        );
        if (entries.length !== 1) {
          throw new SfError(
            400,
            'INVALID_FIELD',
            `The relationship ${relationship} must name exactly one external id field`
          );
        }
        [keyName, value] = entries[0];
      }
      const keyField = schema.field(parent, keyName);
      if (!keyField || !(keyField.externalId || keyField.name === 'Id')) {
        throw new SfError(
          400,
          'INVALID_FIELD',
          `Field name provided, ${keyName} is not an External ID or indexed field for ${parent.name}`
        );
      }
      if (value === null || value === undefined || value === '#N/A') {
        prepared.values.set(lookup, null);
        continue;
      }
      prepared.foreignKeys.push({ field: lookup, parent, keyField, value: String(value) });
      continue;
    }
    const field = schema.field(object, key);
    if (!field) throw noSuchColumn(object, key);
    if (field.name === 'Id') {
      prepared.id = typeof raw === 'string' ? raw : String(raw);
      continue;
    }
    prepared.values.set(field, coerceOrFail(field, raw, mode));
  }
  return prepared;
}

function coerceRejection(
  field: FieldDef | undefined,
  object: ObjectDef,
  key: string,
  raw: unknown
) {
  if (!field) return noSuchColumn(object, key);
  try {
    coerce(field, raw, 'json');
  } catch (error) {
    return error;
  }
  return noSuchColumn(object, key);
}

/** In CSV a bad cell fails only its record: it is kept as a deferred failure. */
function coerceOrFail(field: FieldDef, raw: unknown, mode: InputMode): unknown {
  try {
    return coerce(field, raw, mode);
  } catch (error) {
    if (error instanceof RecordFailure) return error;
    throw error;
  }
}

const readOnlyFailure = (names: string[]) =>
  new RecordFailure(
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    `Unable to create/update fields: ${names.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
    names
  );

function resolveReference(ctx: WriteContext, field: FieldDef, value: string): string {
  const id = normalizeId(value);
  const target = field.referenceTo ? ctx.schema.object(field.referenceTo) : undefined;
  if (!id || !target || id.slice(0, 3) !== target.keyPrefix) {
    throw new RecordFailure(
      'FIELD_INTEGRITY_EXCEPTION',
      `field integrity exception: unknown (${field.label}: id value of incorrect type: ${value})`,
      [field.name]
    );
  }
  const parent = ctx.store.get(target.name, id);
  if (!parent || parent.IsDeleted) {
    throw new RecordFailure('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`, [
      field.name
    ]);
  }
  return id;
}

function resolveForeignKey(ctx: WriteContext, fk: ForeignKey): string {
  const ids =
    fk.keyField.name === 'Id'
      ? [normalizeId(fk.value)].filter((id) => id && ctx.store.get(fk.parent.name, id))
      : ctx.store.byKey(fk.parent.name, fk.keyField, fk.value);
  if (ids.length === 0) {
    throw new RecordFailure(
      'INVALID_FIELD',
      `Foreign key external ID: ${fk.value} not found for field ${fk.keyField.name} in entity ${fk.parent.name}`,
      []
    );
  }
  if (ids.length > 1) {
    throw new RecordFailure(
      'INVALID_FIELD',
      `Foreign key external ID: ${fk.value} matches more than one record of ${fk.parent.name}`,
      []
    );
  }
  return ids[0] as string;
}

function autoNumber(format: string | undefined, n: number, now: Date): string {
  return (format ?? '{0}')
    .replace(/\{(0+)\}/, (_, zeros: string) => String(n).padStart(zeros.length, '0'))
    .replace('{YYYY}', String(now.getUTCFullYear()))
    .replace('{YY}', String(now.getUTCFullYear()).slice(2))
    .replace('{MM}', String(now.getUTCMonth() + 1).padStart(2, '0'))
    .replace('{DD}', String(now.getUTCDate()).padStart(2, '0'));
}

function applyValues(ctx: WriteContext, record: SfRecord, prepared: PreparedRecord) {
  for (const [field, value] of prepared.values) {
    if (value instanceof RecordFailure) throw value;
    let stored = checkValue(field, value);
    if (typeof stored === 'string' && isReference(field))
      stored = resolveReference(ctx, field, stored);
    if (stored === null) delete record[field.name];
    else record[field.name] = stored;
  }
  for (const fk of prepared.foreignKeys) record[fk.field.name] = resolveForeignKey(ctx, fk);
}

/** Compound names (Contact, User) that Salesforce derives from first and last name. */
function deriveName(object: ObjectDef, record: SfRecord) {
  const name = object.fields.Name;
  if (name && !name.createable && object.fields.LastName) {
    record.Name = [record.FirstName, record.LastName].filter((part) => part).join(' ') || null;
  }
}

/** IsClosed and IsWon, which Salesforce derives from the stage (OpportunityStage). */
function deriveStage(object: ObjectDef, record: SfRecord) {
  if (object.name !== 'Opportunity') return;
  const closed = closedOpportunityStages[String(record.StageName ?? '')];
  record.IsClosed = closed !== undefined;
  record.IsWon = closed?.won ?? false;
}

function checkRequired(object: ObjectDef, record: SfRecord) {
  const missing = Object.values(object.fields)
    .filter(
      (f) =>
        f.required &&
        f.type !== 'Checkbox' &&
        (record[f.name] === null || record[f.name] === undefined)
    )
    .map((f) => f.name);
  if (missing.length > 0) {
    throw new RecordFailure(
      'REQUIRED_FIELD_MISSING',
      `Required fields are missing: [${missing.join(', ')}]`,
      missing
    );
  }
}

function checkUnique(ctx: WriteContext, object: ObjectDef, record: SfRecord) {
  for (const field of Object.values(object.fields)) {
    if (!field.unique || isReference(field)) continue;
    const value = record[field.name];
    if (value === null || value === undefined) continue;
    const other = ctx.store.byKey(object.name, field, value).find((id) => id !== record.Id);
    if (other) {
      throw new RecordFailure(
        'DUPLICATE_VALUE',
        `duplicate value found: ${field.name} duplicates value on record with id: ${other}`,
        []
      );
    }
  }
}

let lastStamp = { ms: 0, text: '' };

/** One string per millisecond, shared by every record written in it. */
function formatted(now: number): string {
  if (lastStamp.ms !== now) lastStamp = { ms: now, text: formatDateTime(now) };
  return lastStamp.text;
}

function stamp(ctx: WriteContext, record: SfRecord, now: number) {
  const at = formatted(now);
  record.LastModifiedDate = at;
  record.SystemModstamp = at;
  record.LastModifiedById = ctx.userId;
}

export function createRecord(
  tx: Transaction,
  ctx: WriteContext,
  object: ObjectDef,
  prepared: PreparedRecord
): string {
  if (object.name === 'User' && !ctx.system) {
    throw new RecordFailure(
      'REQUIRED_FIELD_MISSING',
      `Required fields are missing: [${USER_SETUP_FIELDS.join(', ')}]`,
      USER_SETUP_FIELDS
    );
  }
  if (object.name === 'Organization') {
    throw new RecordFailure('INVALID_TYPE_FOR_OPERATION', 'entity type cannot be inserted');
  }
  if (prepared.id !== undefined) {
    throw new RecordFailure(
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      'Record ID: cannot specify Id in an insert call',
      ['Id']
    );
  }
  const readOnly = [...prepared.values.keys()].filter((f) => !f.createable).map((f) => f.name);
  if (readOnly.length > 0) throw readOnlyFailure(readOnly);
  const now = Date.now();
  // Records are stored sparse (an absent field is null) to keep large volumes small in memory.
  const record: SfRecord = {};
  for (const field of Object.values(object.fields)) {
    if (field.type === 'Checkbox') record[field.name] = field.defaultValue ?? false;
    else if (
      field.defaultValue !== undefined &&
      field.type !== 'Date' &&
      field.type !== 'DateTime'
    ) {
      record[field.name] = field.defaultValue;
    }
  }
  applyValues(ctx, record, prepared);
  const id = ctx.store.nextId(object);
  record.Id = id;
  record.IsDeleted = false;
  record.CreatedDate = formatted(now);
  record.CreatedById = ctx.userId;
  stamp(ctx, record, now);
  if (object.fields.OwnerId && !record.OwnerId) record.OwnerId = ctx.userId;
  const name = object.fields.Name;
  if (name?.type === 'AutoNumber')
    record.Name = autoNumber(name.displayFormat, ctx.store.nextNumber(object.name), new Date(now));
  else if (name && object.custom && !record.Name) record.Name = id;
  deriveName(object, record);
  deriveStage(object, record);
  checkRequired(object, record);
  checkUnique(ctx, object, record);
  tx.put(object.name, record);
  return id;
}

/** The live record with this id, or the failure Salesforce reports for it. */
export function liveRecord(ctx: WriteContext, object: ObjectDef, rawId: string): SfRecord {
  const id = normalizeId(rawId);
  if (!id || id.slice(0, 3) !== object.keyPrefix) {
    throw new RecordFailure(
      'MALFORMED_ID',
      `${object.label} ID: id value of incorrect type: ${rawId}`,
      ['Id']
    );
  }
  const record = ctx.store.get(object.name, id);
  if (!record)
    throw new RecordFailure('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []);
  if (record.IsDeleted) throw new RecordFailure('ENTITY_IS_DELETED', 'entity is deleted', []);
  return record;
}

export function updateRecord(
  tx: Transaction,
  ctx: WriteContext,
  object: ObjectDef,
  rawId: string,
  prepared: PreparedRecord
): string {
  const current = liveRecord(ctx, object, rawId);
  // Restating a read-only field's current value (an upsert row carrying its master) is no change.
  const unchanged = (field: FieldDef, value: unknown) =>
    ((isReference(field) && typeof value === 'string' ? normalizeId(value) : value) ?? null) ===
    (current[field.name] ?? null);
  const readOnly = [...prepared.values.entries()]
    .filter(([f, value]) => !f.updateable && !unchanged(f, value))
    .map(([f]) => f.name);
  if (readOnly.length > 0) throw readOnlyFailure(readOnly);
  const record: SfRecord = { ...current };
  applyValues(ctx, record, prepared);
  deriveName(object, record);
  deriveStage(object, record);
  checkRequired(object, record);
  checkUnique(ctx, object, record);
  stamp(ctx, record, Date.now());
  tx.put(object.name, record);
  return record.Id as string;
}

/** Upsert by an external-id field (or Id): update the one match, create when none. */
export function upsertRecord(
  tx: Transaction,
  ctx: WriteContext,
  object: ObjectDef,
  keyField: FieldDef,
  keyValue: string,
  prepared: PreparedRecord
): { id: string; created: boolean } {
  if (keyField.name === 'Id') {
    if (keyValue)
      return {
        id: updateRecord(tx, ctx, object, keyValue, { ...prepared, id: undefined }),
        created: false
      };
    return { id: createRecord(tx, ctx, object, { ...prepared, id: undefined }), created: true };
  }
  const stored = coerce(keyField, keyValue, 'json');
  if (stored === null) {
    throw new RecordFailure('MISSING_ARGUMENT', `${keyField.name} not specified`, []);
  }
  const matches = ctx.store.byKey(object.name, keyField, stored);
  if (matches.length > 1) {
    throw new RecordFailure(
      'DUPLICATE_EXTERNAL_ID',
      `${keyField.label}: more than one record found for external id field: ${matches.join(', ')}`,
      [keyField.name]
    );
  }
  const values = new Map(prepared.values);
  if (matches.length === 1) {
    values.delete(keyField);
    return {
      id: updateRecord(tx, ctx, object, matches[0], { ...prepared, values, id: undefined }),
      created: false
    };
  }
  values.set(keyField, stored);
  return {
    id: createRecord(tx, ctx, object, { ...prepared, values, id: undefined }),
    created: true
  };
}

/** Deletes a record, its master-detail children, and clears lookups that pointed at it. */
export function deleteRecord(
  tx: Transaction,
  ctx: WriteContext,
  object: ObjectDef,
  rawId: string
): string {
  if (object.name === 'User' || object.name === 'Organization') {
    throw new RecordFailure('INVALID_TYPE_FOR_OPERATION', 'entity type cannot be deleted');
  }
  const record = liveRecord(ctx, object, rawId);
  const now = Date.now();
  const id = record.Id as string;
  for (const child of ctx.schema.objects) {
    for (const field of Object.values(child.fields)) {
      if (
        field.referenceTo !== object.name ||
        field.name === 'Id' ||
        !ctx.store.isIndexed(child.name, field)
      )
        continue;
      for (const childId of [...ctx.store.children(child.name, field.name, id)]) {
        if (field.type === 'MasterDetail') {
          deleteRecord(tx, ctx, child, childId);
        } else {
          const updated = { ...ctx.store.get(child.name, childId)! };
          delete updated[field.name];
          stamp(ctx, updated, now);
          tx.put(child.name, updated);
        }
      }
    }
  }
  const deleted = { ...record, IsDeleted: true };
  stamp(ctx, deleted, now);
  tx.put(object.name, deleted);
  return id;
}

/** Runs one record's write inside a batch: its own failure undoes only its own changes. */
export function attempt<T>(
  tx: Transaction,
  write: () => T
): { ok: true; value: T } | { ok: false; error: RecordError } {
  const mark = tx.mark();
  try {
    return { ok: true, value: write() };
  } catch (error) {
    if (error instanceof RecordFailure) {
      tx.rollbackTo(mark);
      return { ok: false, error: error.error };
    }
    throw error;
  }
}
