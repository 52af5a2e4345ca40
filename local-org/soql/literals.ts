/** SOQL literals as the parser hands them over (quotes and escapes kept), checked against a field. */
import type { FieldDef } from '../../scripts/lib/sfMetadata.ts';
import { parseDateTime, validDate } from '../fieldValues.ts';
import { normalizeId } from '../ids.ts';
import { isNumeric, isReference, isTextual } from '../orgSchema.ts';
import { SfError, malformedQuery } from '../sfError.ts';
import { dateLiteralRange } from './dateLiterals.ts';

/** A comparable operand: one value, or a date range from a date literal. */
export type Operand =
  | { kind: 'null' }
  | { kind: 'value'; value: string | number | boolean }
  | { kind: 'range'; start: number; end: number };

const ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\'
};

/** The text of a quoted literal; `keepLike` leaves `\%` and `\_` escaped for LIKE patterns. */
export function unquote(raw: string, keepLike = false): string {
  if (!/^'.*'$/s.test(raw)) throw malformedQuery(`expected a quoted string, found ${raw}`);
  const body = raw.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[++i];
    if (next === undefined)
      throw malformedQuery(`Invalid string literal '${body}'. Illegal escape sequence`);
    if (next === '%' || next === '_') out += keepLike ? `\\${next}` : next;
    else if (next in ESCAPES) out += ESCAPES[next];
    else
      throw malformedQuery(`Invalid string literal '${body}'. Illegal escape sequence '\\${next}'`);
  }
  return out;
}

function typeName(field: FieldDef): string {
  if (isReference(field)) return 'id';
  if (isNumeric(field)) return 'double';
  if (field.type === 'Checkbox') return 'boolean';
  if (field.type === 'Date') return 'date';
  if (field.type === 'DateTime') return 'dateTime';
  return 'string';
}

function wrongType(field: FieldDef): SfError {
  const quoted = typeName(field) === 'string' || typeName(field) === 'id';
  return new SfError(
    400,
    'INVALID_FIELD',
    `value of filter criterion for field '${field.name}' must be of type ${typeName(field)} and ${quoted ? 'should be enclosed in quotes' : 'should not be enclosed in quotes'}`
  );
}

/** Day values compare as the millisecond of their UTC midnight, like datetimes. */
export function comparable(field: FieldDef, value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (field.type === 'Date' || field.type === 'DateTime')
    return parseDateTime(String(value)) ?? null;
  if (isTextual(field)) return String(value).toLowerCase();
  return value as string | number | boolean;
}

export function operand(
  field: FieldDef,
  literalType: string,
  raw: string,
  dateVariable: number | undefined,
  now: number
): Operand {
  switch (literalType) {
    case 'NULL':
      return { kind: 'null' };
    case 'STRING': {
      const text = unquote(raw);
      if (isReference(field)) {
        const id = normalizeId(text);
        if (!id)
          throw new SfError(400, 'INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${text}`);
        return { kind: 'value', value: id };
      }
      if (!isTextual(field)) throw wrongType(field);
      return { kind: 'value', value: text.toLowerCase() };
    }
    case 'INTEGER':
    case 'DECIMAL':
      if (!isNumeric(field)) throw wrongType(field);
      return { kind: 'value', value: Number(raw) };
    case 'BOOLEAN':
      if (field.type !== 'Checkbox') throw wrongType(field);
      return { kind: 'value', value: raw.toUpperCase() === 'TRUE' };
    case 'DATE':
      if (field.type !== 'Date' || !validDate(raw)) throw wrongType(field);
      return { kind: 'value', value: parseDateTime(raw)! };
    case 'DATETIME': {
      const ms = parseDateTime(raw);
      if (field.type !== 'DateTime' || ms === undefined || !raw.includes('T'))
        throw wrongType(field);
      return { kind: 'value', value: ms };
    }
    case 'DATE_LITERAL':
    case 'DATE_N_LITERAL': {
      if (field.type !== 'Date' && field.type !== 'DateTime') throw wrongType(field);
      const text =
        dateVariable !== undefined && !raw.includes(':') ? `${raw}:${dateVariable}` : raw;
      const range = dateLiteralRange(text, now);
      if (!range) throw malformedQuery(`unexpected token: '${raw}'`);
      return { kind: 'range', start: range[0], end: range[1] };
    }
    default:
      throw malformedQuery(
        `the local org does not support ${literalType.toLowerCase()} literals ('${raw}')`
      );
  }
}

/** LIKE pattern → anchored case-insensitive regular expression. */
export function likePattern(raw: string): RegExp {
  const text = unquote(raw, true);
  let source = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') source += `\\${text[++i]}`;
    else if (c === '%') source += '[\\s\\S]*';
    else if (c === '_') source += '[\\s\\S]';
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}
