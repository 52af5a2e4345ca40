/**
 * Checks of one input cell, each saying what was expected. Validation happens before any write
 * so a bad row is rejected with a reason a person can fix, not with an org error code.
 */
import { isIsoDate } from '../../../force-app/main/default/lwc/partnerProgram/partnerProgram.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = <T>(reason: string): Checked<T> => ({ ok: false, reason });

const shown = (value: string) =>
  value.length > 40 ? `"${value.slice(0, 37)}..." (${value.length} characters)` : `"${value}"`;

/** A value a spreadsheet would run as a formula (=cmd|..., +, -, @): refused, never stored. */
export function looksLikeFormula(value: string): boolean {
  return /^[=+@\t\r]/.test(value) || /^-[^\d.\s]/.test(value);
}

export function text(
  value: string,
  options: { required: boolean; maxLength: number }
): Checked<string | null> {
  if (value === '') return options.required ? bad('is required') : ok(null);
  if (value.length > options.maxLength)
    return bad(`is ${value.length} characters long; at most ${options.maxLength} fit`);
  if (looksLikeFormula(value))
    return bad(
      `${shown(value)} starts like a spreadsheet formula (=, +, -, @); refused so it cannot run when the data is opened in a spreadsheet`
    );
  return ok(value);
}

/** A restricted picklist value; letter case is forgiven and the agreed spelling is stored. */
export function picklist<T extends string>(
  value: string,
  values: readonly T[],
  options: { required: boolean }
): Checked<T | null> {
  if (value === '')
    return options.required ? bad(`is required: one of ${values.join(', ')}`) : ok(null);
  const match = values.find((v) => v.toLowerCase() === value.toLowerCase());
  return match
    ? ok(match)
    : bad(`${shown(value)} is not a known value: expected one of ${values.join(', ')}`);
}

/** A calendar date as YYYY-MM-DD (other formats are ambiguous between countries: refused). */
export function date(value: string, options: { required: boolean }): Checked<string | null> {
  if (value === '') return options.required ? bad('is required: a date as YYYY-MM-DD') : ok(null);
  if (isIsoDate(value)) return ok(value);
  const stamp = /^(\d{4}-\d{2}-\d{2})T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  if (stamp && isIsoDate(stamp[1])) return ok(stamp[1]);
  return bad(`${shown(value)} is not a date: expected YYYY-MM-DD, e.g. 2026-03-31`);
}

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** A record Id of the object whose key prefix is `prefix` (001 Account, 003 Contact, 006 Opportunity). */
export function recordId(value: string, prefix: string, what: string): Checked<string> {
  if (value === '') return bad(`is required: ${what} Id (15 or 18 characters starting ${prefix})`);
  if (SALESFORCE_ID.test(value) && value.startsWith(prefix)) return ok(value);
  return bad(
    `${shown(value)} is not ${what} Id: expected 15 or 18 letters and digits starting ${prefix}`
  );
}

export const isRecordId = (value: string, prefix: string): boolean =>
  SALESFORCE_ID.test(value) && value.startsWith(prefix);

export const isEmail = (value: string): boolean => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value);

/** The 15-character form of an Id: 15- and 18-character Ids of one record compare equal. */
export const id15 = (id: string): string => id.slice(0, 15);
