/**
 * The one place SOQL literals are written. Every value that reaches a query goes through
 * `soqlString` (or a helper built on it), so a name such as `O'Brien \ Sons` can never change
 * the meaning of a query. Escapes follow Salesforce's "Quoted String Escape Sequences".
 */

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f'
};

/** A quoted SOQL string literal. Unicode passes through as is (SOQL strings are UTF-8). */
export function soqlString(value: string): string {
  return `'${value.replace(/[\\'"\n\r\t\b\f]/g, (c) => ESCAPES[c])}'`;
}

/** A LIKE pattern matching `value` literally, with `%` wildcards around it when `contains`. */
export function soqlLike(
  value: string,
  mode: 'contains' | 'startsWith' | 'exact' = 'exact'
): string {
  const quoted = soqlString(value);
  const body = quoted.slice(1, -1).replace(/[%_]/g, (c) => `\\${c}`);
  if (mode === 'contains') return `'%${body}%'`;
  if (mode === 'startsWith') return `'${body}%'`;
  return `'${body}'`;
}

/** `('a','b')` for IN; an empty list has no valid SOQL form, so callers must not query at all. */
export function soqlIn(values: readonly string[]): string {
  if (values.length === 0) throw new RangeError('soqlIn needs at least one value');
  return `(${values.map(soqlString).join(',')})`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date literal (unquoted `YYYY-MM-DD`), from a `YYYY-MM-DD` string or a Date (its UTC day). */
export function soqlDate(value: string | Date): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (!ISO_DATE.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    throw new RangeError(`expected a date as YYYY-MM-DD, got "${text}"`);
  }
  return text;
}

/** A datetime literal in UTC (`2026-01-05T10:00:00Z`); milliseconds are dropped, as SOQL wants. */
export function soqlDateTime(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new RangeError(`expected a datetime, got "${String(value)}"`);
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** A literal for a number or boolean; refuses NaN and infinities, which SOQL cannot express. */
export function soqlValue(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return soqlString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (!Number.isFinite(value)) throw new RangeError(`SOQL cannot express the number ${value}`);
  return String(value);
}

const NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

/** A field or object name; names come from code, never from input, so a bad one is a bug. */
export function soqlName(name: string): string {
  if (!NAME.test(name)) throw new RangeError(`not a SOQL field or object name: "${name}"`);
  return name;
}

/**
 * SELECT fields FROM object [WHERE ...] [ORDER BY ...]: names checked, conditions written by
 * the caller with the literal helpers above.
 */
export function selectQuery(
  object: string,
  fields: readonly string[],
  options: { where?: string[]; orderBy?: string; limit?: number } = {}
): string {
  const parts = [`SELECT ${fields.map(soqlName).join(', ')} FROM ${soqlName(object)}`];
  const where = options.where?.filter(Boolean) ?? [];
  if (where.length)
    parts.push(`WHERE ${where.map((w) => (where.length > 1 ? `(${w})` : w)).join(' AND ')}`);
  if (options.orderBy) parts.push(`ORDER BY ${options.orderBy}`);
  if (options.limit !== undefined) parts.push(`LIMIT ${Math.trunc(options.limit)}`);
  return parts.join(' ');
}

/**
 * Splits values for `field IN (...)` queries so each query stays well under Salesforce's
 * 100,000-character SOQL limit (and the URL limits of GET /query).
 */
export function inChunks(values: readonly string[], maxChars = 8_000): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const value of values) {
    const length = soqlString(value).length + 1;
    if (current.length && size + length > maxChars) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(value);
    size += length;
  }
  if (current.length) chunks.push(current);
  return chunks;
}
