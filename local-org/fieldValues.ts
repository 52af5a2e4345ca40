/**
 * Turning a value from a request body (JSON) or a bulk CSV cell into what the org stores, with
 * Salesforce's rules: JSON type mismatches are refused for the whole request (the body cannot be
 * deserialized), CSV ones fail the record; lengths, e-mails and picklists fail the record.
 */
import type { FieldDef } from '../scripts/lib/sfMetadata.ts';
import { RecordFailure, SfError } from './sfError.ts';

export type InputMode = 'json' | 'csv';

const JAVA_TYPES: Record<string, string> = {
  Number: 'double',
  Currency: 'double',
  Percent: 'double',
  Checkbox: 'boolean',
  Date: 'date',
  DateTime: 'datetime'
};

function typeError(field: FieldDef, value: unknown, mode: InputMode): Error {
  if (mode === 'csv') {
    return new RecordFailure(
      'INVALID_TYPE_ON_FIELD_IN_RECORD',
      `${field.label}: value not of required type: ${String(value)}`,
      [field.name]
    );
  }
  const token =
    typeof value === 'string'
      ? 'VALUE_STRING'
      : typeof value === 'number'
        ? 'VALUE_NUMBER'
        : typeof value === 'boolean'
          ? `VALUE_${String(value).toUpperCase()}`
          : Array.isArray(value)
            ? 'START_ARRAY'
            : 'START_OBJECT';
  const javaType = JAVA_TYPES[field.type] ?? 'string';
  const shown = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return new SfError(
    400,
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${javaType} from ${token} value ${shown} or request may be missing a required field`
  );
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

/** Salesforce's datetime rendering: `2026-11-23T10:57:40.000+0000`. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

export function parseDateTime(text: string): number | undefined {
  if (DATE.test(text)) return validDate(text) ? Date.parse(`${text}T00:00:00Z`) : undefined;
  const m = DATETIME.exec(text);
  if (!m || !validDate(`${m[1]}-${m[2]}-${m[3]}`)) return undefined;
  let zone = m[8] ?? 'Z';
  if (zone !== 'Z' && !zone.includes(':')) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const ms = Date.parse(
    `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}.${(m[7] ?? '0').padEnd(3, '0').slice(0, 3)}${zone}`
  );
  return Number.isNaN(ms) ? undefined : ms;
}

/** The stored value for a field, or an error (request-level in JSON, per record in CSV). */
export function coerce(field: FieldDef, raw: unknown, mode: InputMode): unknown {
  if (raw === null || raw === undefined) return field.type === 'Checkbox' ? false : null;
  if (mode === 'csv' && raw === '#N/A') return field.type === 'Checkbox' ? false : null;
  switch (field.type) {
    case 'Number':
    case 'Currency':
    case 'Percent': {
      const n =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' &&
              raw.trim() !== '' &&
              /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(raw.trim())
            ? Number(raw)
            : NaN;
      if (!Number.isFinite(n)) throw typeError(field, raw, mode);
      return field.scale !== undefined ? Number(n.toFixed(field.scale)) : n;
    }
    case 'Checkbox': {
      if (typeof raw === 'boolean') return raw;
      if (typeof raw === 'string' && /^(true|false)$/i.test(raw))
        return raw.toLowerCase() === 'true';
      if (mode === 'csv' && (raw === '1' || raw === '0')) return raw === '1';
      throw typeError(field, raw, mode);
    }
    case 'Date': {
      if (typeof raw !== 'string' || !validDate(raw)) throw typeError(field, raw, mode);
      return raw;
    }
    case 'DateTime': {
      const ms = typeof raw === 'string' ? parseDateTime(raw) : undefined;
      if (ms === undefined) throw typeError(field, raw, mode);
      return formatDateTime(ms);
    }
    default: {
      if (typeof raw === 'object') throw typeError(field, raw, mode);
      const text = String(raw);
      return text === '' ? null : text;
    }
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const DEFAULT_LENGTHS: Partial<Record<FieldDef['type'], number>> = {
  TextArea: 255,
  Email: 80,
  Phone: 40,
  Url: 255,
  Picklist: 255,
  MultiselectPicklist: 4099,
  LongTextArea: 32768
};

/** Checks a stored value against the field's constraints; the normalized value back. */
export function checkValue(field: FieldDef, value: unknown): unknown {
  if (value === null || typeof value !== 'string') {
    if (typeof value === 'number' && field.precision !== undefined) {
      const digits = Math.trunc(Math.abs(value)).toString().length;
      if (digits > field.precision - (field.scale ?? 0)) {
        throw new RecordFailure(
          'NUMBER_OUTSIDE_VALID_RANGE',
          `${field.label}: value outside of valid range on numeric field: ${value}`,
          [field.name]
        );
      }
    }
    return value;
  }
  if (field.type === 'Picklist' && field.picklist?.restricted) {
    if (!field.picklist.values.includes(value)) throw badPicklist(field, value);
  }
  let result: string = value;
  if (field.type === 'MultiselectPicklist') {
    const chosen = [
      ...new Set(
        value
          .split(';')
          .map((v) => v.trim())
          .filter((v) => v !== '')
      )
    ];
    if (field.picklist?.restricted) {
      const bad = chosen.find((v) => !field.picklist!.values.includes(v));
      if (bad !== undefined) throw badPicklist(field, bad);
    }
    result = chosen.join(';');
  }
  if (field.type === 'Email' && !EMAIL.test(value)) {
    throw new RecordFailure(
      'INVALID_EMAIL_ADDRESS',
      `${field.label}: invalid email address: ${value}`,
      [field.name]
    );
  }
  const max = field.length ?? DEFAULT_LENGTHS[field.type];
  if (max !== undefined && result.length > max) {
    throw new RecordFailure(
      'STRING_TOO_LONG',
      `${field.label}: data value too large: ${result} (max length=${max})`,
      [field.name]
    );
  }
  return result;
}

function badPicklist(field: FieldDef, value: string) {
  return new RecordFailure(
    'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    `${field.label}: bad value for restricted picklist field: ${value}`,
    [field.name]
  );
}
