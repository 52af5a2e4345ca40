/**
 * The Lightning Data Service helpers every panel shares: one error reducer (as the sample apps'
 * ldsUtils), the wire result shape, and reading a record's fields through schema imports.
 */
import { getFieldValue, type FieldId, type RecordRepresentation } from 'lightning/uiRecordApi';

/** What an LDS wire provisions: data once loaded, error when it failed, neither while loading. */
export interface WireResult<T> {
  data?: T;
  error?: unknown;
}

interface FieldError {
  field?: string;
  fieldLabel?: string;
  message?: string;
}

interface ErrorBody {
  message?: string;
  pageErrors?: { message?: string }[];
  fieldErrors?: Record<string, FieldError[]>;
  output?: { errors?: { message?: string }[]; fieldErrors?: Record<string, FieldError[]> };
}

type LdsError = {
  body?: ErrorBody | { message?: string }[];
  message?: string;
  statusText?: string;
};

function asLdsError(error: unknown): LdsError {
  return typeof error === 'object' && error !== null
    ? (error as LdsError)
    : { message: String(error) };
}

function fieldErrorsOf(error: LdsError): Record<string, FieldError[]> {
  const body = Array.isArray(error.body) ? undefined : error.body;
  return { ...(body?.fieldErrors ?? {}), ...(body?.output?.fieldErrors ?? {}) };
}

function messagesOf(error: LdsError): string[] {
  if (Array.isArray(error.body)) return error.body.map((e) => e.message ?? '');
  const body = error.body;
  const fieldMessages = Object.entries(fieldErrorsOf(error)).flatMap(([field, list]) =>
    list.map((e) => `${e.fieldLabel ?? e.field ?? field}: ${e.message ?? ''}`)
  );
  const pageMessages = [...(body?.pageErrors ?? []), ...(body?.output?.errors ?? [])].map(
    (e) => e.message ?? ''
  );
  if (pageMessages.length || fieldMessages.length) return [...pageMessages, ...fieldMessages];
  return [body?.message ?? error.message ?? error.statusText ?? ''];
}

/** Every message in one or more LDS, fetch or JavaScript errors, as plain strings. */
export function reduceErrors(errors: unknown): string[] {
  const list = Array.isArray(errors) ? errors : [errors];
  return list
    .filter((e) => !!e)
    .flatMap((e) => messagesOf(asLdsError(e)))
    .filter((m) => !!m);
}

/** The messages a save error gives per field (UI API fieldErrors), keyed by field API name. */
export function fieldErrors(error: unknown): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(fieldErrorsOf(asLdsError(error))).map(([field, list]) => [
      field,
      list.map((e) => e.message ?? '')
    ])
  );
}

/** `Object.Field` for the `fields` of wire adapters that take strings (related lists). */
export function qualifiedName(field: FieldId): string {
  return typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
}

/** The field's API name without its object (`Partner_Account__c`), as record inputs key them. */
export function fieldName(field: FieldId): string {
  const name = qualifiedName(field);
  return name.slice(name.indexOf('.') + 1);
}

/** A field's value as text (ids, names, dates), or null when blank or not visible to the user. */
export function fieldText(record: RecordRepresentation, field: FieldId): string | null {
  const value = getFieldValue(record, field);
  return value === null || value === undefined ? null : String(value);
}

/**
 * Reads a record into the plain shape the core takes (`{ Id, <field API name>: value }`): one schema
 * import per key, read from `record` with getFieldValue (spanning imports such as
 * `Opportunity.Partner_Account__r.Partner_Track__c` read a related record into its own shape);
 * a field the user cannot see reads as null.
 */
export function readFields<T extends { Id?: string | null }>(
  id: string,
  record: RecordRepresentation,
  fields: { [K in Exclude<keyof T, 'Id'>]?: FieldId }
): T {
  const plain: Record<string, unknown> = { Id: id };
  for (const [key, field] of Object.entries(fields) as [string, FieldId][]) {
    plain[key] = getFieldValue(record, field) ?? null;
  }
  return plain as T;
}

/** A custom label with `{0}`, `{1}` … placeholders filled in (labels keep sentences translatable). */
export function formatLabel(label: string, ...values: (string | number)[]): string {
  return label.replace(/\{(\d+)\}/g, (match, i: string) =>
    values[Number(i)] === undefined ? match : String(values[Number(i)])
  );
}
