/**
 * SOQL date literals (TODAY, LAST_N_DAYS:n, THIS_QUARTER, ...) as [start, end) ranges in
 * milliseconds, in the org's time zone (UTC here) with weeks starting on Sunday and the fiscal
 * year equal to the calendar year (Salesforce's defaults).
 */
const DAY = 86_400_000;

function utcDay(y: number, m: number, d: number): number {
  return Date.UTC(y, m, d);
}

function startOfDay(now: number): number {
  const d = new Date(now);
  return utcDay(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

function monthRange(now: number, offset: number, months: number): [number, number] {
  const d = new Date(now);
  const start = utcDay(d.getUTCFullYear(), d.getUTCMonth() + offset, 1);
  const s = new Date(start);
  return [start, utcDay(s.getUTCFullYear(), s.getUTCMonth() + months, 1)];
}

function quarterRange(now: number, offset: number, quarters: number): [number, number] {
  const d = new Date(now);
  const q = Math.floor(d.getUTCMonth() / 3);
  const start = utcDay(d.getUTCFullYear(), (q + offset) * 3, 1);
  const s = new Date(start);
  return [start, utcDay(s.getUTCFullYear(), s.getUTCMonth() + quarters * 3, 1)];
}

function yearRange(now: number, offset: number, years: number): [number, number] {
  const y = new Date(now).getUTCFullYear() + offset;
  return [utcDay(y, 0, 1), utcDay(y + years, 0, 1)];
}

function weekRange(now: number, offset: number, weeks: number): [number, number] {
  const today = startOfDay(now);
  const start = today - new Date(today).getUTCDay() * DAY + offset * 7 * DAY;
  return [start, start + weeks * 7 * DAY];
}

const FIXED: Record<string, (now: number) => [number, number]> = {
  YESTERDAY: (now) => [startOfDay(now) - DAY, startOfDay(now)],
  TODAY: (now) => [startOfDay(now), startOfDay(now) + DAY],
  TOMORROW: (now) => [startOfDay(now) + DAY, startOfDay(now) + 2 * DAY],
  LAST_WEEK: (now) => weekRange(now, -1, 1),
  THIS_WEEK: (now) => weekRange(now, 0, 1),
  NEXT_WEEK: (now) => weekRange(now, 1, 1),
  LAST_MONTH: (now) => monthRange(now, -1, 1),
  THIS_MONTH: (now) => monthRange(now, 0, 1),
  NEXT_MONTH: (now) => monthRange(now, 1, 1),
  LAST_90_DAYS: (now) => [startOfDay(now) - 90 * DAY, startOfDay(now) + DAY],
  NEXT_90_DAYS: (now) => [startOfDay(now) + DAY, startOfDay(now) + 91 * DAY],
  THIS_QUARTER: (now) => quarterRange(now, 0, 1),
  LAST_QUARTER: (now) => quarterRange(now, -1, 1),
  NEXT_QUARTER: (now) => quarterRange(now, 1, 1),
  THIS_YEAR: (now) => yearRange(now, 0, 1),
  LAST_YEAR: (now) => yearRange(now, -1, 1),
  NEXT_YEAR: (now) => yearRange(now, 1, 1),
  THIS_FISCAL_QUARTER: (now) => quarterRange(now, 0, 1),
  LAST_FISCAL_QUARTER: (now) => quarterRange(now, -1, 1),
  NEXT_FISCAL_QUARTER: (now) => quarterRange(now, 1, 1),
  THIS_FISCAL_YEAR: (now) => yearRange(now, 0, 1),
  LAST_FISCAL_YEAR: (now) => yearRange(now, -1, 1),
  NEXT_FISCAL_YEAR: (now) => yearRange(now, 1, 1)
};

const WITH_N: Record<string, (now: number, n: number) => [number, number]> = {
  LAST_N_DAYS: (now, n) => [startOfDay(now) - n * DAY, startOfDay(now) + DAY],
  NEXT_N_DAYS: (now, n) => [startOfDay(now) + DAY, startOfDay(now) + (n + 1) * DAY],
  N_DAYS_AGO: (now, n) => [startOfDay(now) - n * DAY, startOfDay(now) - (n - 1) * DAY],
  LAST_N_WEEKS: (now, n) => weekRange(now, -n, n),
  NEXT_N_WEEKS: (now, n) => weekRange(now, 1, n),
  N_WEEKS_AGO: (now, n) => weekRange(now, -n, 1),
  LAST_N_MONTHS: (now, n) => monthRange(now, -n, n),
  NEXT_N_MONTHS: (now, n) => monthRange(now, 1, n),
  N_MONTHS_AGO: (now, n) => monthRange(now, -n, 1),
  LAST_N_QUARTERS: (now, n) => quarterRange(now, -n, n),
  NEXT_N_QUARTERS: (now, n) => quarterRange(now, 1, n),
  N_QUARTERS_AGO: (now, n) => quarterRange(now, -n, 1),
  LAST_N_YEARS: (now, n) => yearRange(now, -n, n),
  NEXT_N_YEARS: (now, n) => yearRange(now, 1, n),
  N_YEARS_AGO: (now, n) => yearRange(now, -n, 1),
  LAST_N_FISCAL_QUARTERS: (now, n) => quarterRange(now, -n, n),
  NEXT_N_FISCAL_QUARTERS: (now, n) => quarterRange(now, 1, n),
  N_FISCAL_QUARTERS_AGO: (now, n) => quarterRange(now, -n, 1),
  LAST_N_FISCAL_YEARS: (now, n) => yearRange(now, -n, n),
  NEXT_N_FISCAL_YEARS: (now, n) => yearRange(now, 1, n),
  N_FISCAL_YEARS_AGO: (now, n) => yearRange(now, -n, 1)
};

/** The range a literal such as `TODAY` or `LAST_N_DAYS:30` covers; undefined if unknown. */
export function dateLiteralRange(literal: string, now: number): [number, number] | undefined {
  const upper = literal.toUpperCase();
  const fixed = FIXED[upper];
  if (fixed) return fixed(now);
  const m = /^([A-Z_]+):(\d+)$/.exec(upper);
  if (m && WITH_N[m[1]]) return WITH_N[m[1]](now, Number(m[2]));
  return undefined;
}
