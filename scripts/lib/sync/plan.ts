/**
 * The write planner: compares the records a command wants with what the org has and keeps only
 * what differs, field by field, so a second run of the same import writes nothing.
 */

export type FieldValue = string | number | boolean | null;

/** A record a command wants in the org, tied to the input line it came from. */
export interface DesiredRecord {
  line: number;
  /** The record's key in the org: its external id value, or its Id for updates by Id. */
  key: string;
  fields: Record<string, FieldValue>;
}

export type PlannedWrite = {
  line: number;
  key: string;
  /** Only the fields that change (all of them for a create). */
  fields: Record<string, FieldValue>;
} & ({ action: 'create' } | { action: 'update'; id: string });

export interface Plan {
  writes: PlannedWrite[];
  unchanged: Array<{ line: number; key: string; id: string }>;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The same value as the org stores it: blank is null, datetimes by instant, numbers by value. */
export function sameValue(want: unknown, have: unknown): boolean {
  const a = want === '' || want === undefined ? null : want;
  const b = have === '' || have === undefined ? null : have;
  if (a === null || b === null) return a === b;
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  if (typeof a === 'string' && typeof b === 'string' && DATETIME.test(a) && DATETIME.test(b)) {
    const normalise = (v: string) => Date.parse(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    return normalise(a) === normalise(b);
  }
  if (typeof a === 'string' && typeof b === 'string')
    return a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n');
  return a === b;
}

/**
 * `existing` maps a key to the org's record (with `Id` and every field of `desired`). Records
 * absent from the org are created; present ones are updated with just their changed fields.
 */
export function planWrites(
  desired: readonly DesiredRecord[],
  existing: ReadonlyMap<string, Record<string, unknown> & { Id: string }>
): Plan {
  const plan: Plan = { writes: [], unchanged: [] };
  for (const record of desired) {
    const current = existing.get(record.key);
    if (!current) {
      plan.writes.push({
        line: record.line,
        key: record.key,
        action: 'create',
        fields: { ...record.fields }
      });
      continue;
    }
    const changed: Record<string, FieldValue> = {};
    for (const [field, value] of Object.entries(record.fields)) {
      if (!sameValue(value, current[field])) changed[field] = value;
    }
    if (Object.keys(changed).length === 0) {
      plan.unchanged.push({ line: record.line, key: record.key, id: current.Id });
    } else {
      plan.writes.push({
        line: record.line,
        key: record.key,
        action: 'update',
        id: current.Id,
        fields: changed
      });
    }
  }
  return plan;
}
