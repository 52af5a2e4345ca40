/**
 * Calendar dates as Salesforce date fields hold them ('YYYY-MM-DD'), computed in UTC so a rule
 * gives the same answer in every time zone. Callers pass `asOf`; the core never reads the clock.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.toISOString().slice(0, 10) === value;
}

function toDay(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`expected a date as YYYY-MM-DD, got "${date}"`);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

export function addDays(date: string, days: number): string {
  return new Date((toDay(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from);
}

/**
 * Milliseconds of a datetime as Salesforce returns it ('2026-01-05T10:00:00.000+0000') or as
 * ISO 8601; a bare date counts as its midnight UTC. Unparseable or blank sorts last.
 */
export function dateTimeMillis(value: string | null | undefined): number {
  if (!value) return Number.POSITIVE_INFINITY;
  const normalised = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(ISO_DATE.test(normalised) ? `${normalised}T00:00:00Z` : normalised);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}
