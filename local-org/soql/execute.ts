/** Running a compiled query: candidates, filter, sort, OFFSET/LIMIT, aggregates. */
import type { SfRecord } from '../store.ts';
import { readPath } from './fieldPath.ts';
import { comparable } from './literals.ts';
import type { Aggregate, Compiled, OrderKey, QueryEnv, QueryOutcome } from './plan.ts';

function sortRecords(records: SfRecord[], order: OrderKey[]) {
  if (order.length === 0) return;
  const keyed = records.map((record) => ({ record, keys: order.map((o) => o.read(record)) }));
  keyed.sort((x, y) => {
    for (let i = 0; i < order.length; i++) {
      const a = x.keys[i];
      const b = y.keys[i];
      if (a === b) continue;
      const { descending, nullsFirst } = order[i];
      if (a === null) return nullsFirst ? -1 : 1;
      if (b === null) return nullsFirst ? 1 : -1;
      const c = (a as number) < (b as number) ? -1 : 1;
      return descending ? -c : c;
    }
    return 0;
  });
  for (let i = 0; i < keyed.length; i++) records[i] = keyed[i].record;
}

function matching(env: QueryEnv, compiled: Compiled, source?: Iterable<string>): SfRecord[] {
  const { store, includeDeleted } = env;
  const name = compiled.object.name;
  const out: SfRecord[] = [];
  const consider = (record: SfRecord | undefined) => {
    if (!record || (record.IsDeleted && !includeDeleted)) return;
    if (!compiled.where || compiled.where(record)) out.push(record);
  };
  const candidates = source ?? (includeDeleted ? undefined : compiled.candidates?.(env));
  if (candidates) for (const id of candidates) consider(store.get(name, id));
  else for (const record of store.table(name).rows.values()) consider(record);
  return out;
}

/** The ids a records query returns, sorted, after OFFSET and LIMIT. */
export function runIds(env: QueryEnv, compiled: Compiled, source?: Iterable<string>): string[] {
  const records = matching(env, compiled, source);
  sortRecords(records, compiled.order);
  const start = compiled.offset ?? 0;
  const end = compiled.limit !== undefined ? start + compiled.limit : undefined;
  return records.slice(start, end).map((r) => r.Id as string);
}

export function runQuery(env: QueryEnv, compiled: Compiled): QueryOutcome {
  if (compiled.kind === 'count') {
    let total = matching(env, compiled).length - (compiled.offset ?? 0);
    if (compiled.limit !== undefined) total = Math.min(total, compiled.limit);
    return { kind: 'count', totalSize: Math.max(total, 0) };
  }
  if (compiled.kind === 'aggregate') return { kind: 'aggregate', rows: aggregate(env, compiled) };
  return { kind: 'records', ids: runIds(env, compiled) };
}

function aggregate(env: QueryEnv, compiled: Compiled): Record<string, unknown>[] {
  const groups = new Map<string, { keys: unknown[]; records: SfRecord[] }>();
  for (const record of matching(env, compiled)) {
    const keys = compiled.groups.map((g) => readPath(env.store, g, record));
    const key = JSON.stringify(keys.map((k, i) => comparable(compiled.groups[i].field, k)));
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { keys, records: [] }));
    group.records.push(record);
  }
  if (compiled.groups.length === 0 && groups.size === 0) groups.set('', { keys: [], records: [] });
  const rows = [...groups.values()].map(({ keys, records }) => {
    const row: Record<string, unknown> = { attributes: { type: 'AggregateResult' } };
    compiled.groups.forEach((g, i) => (row[g.field.name] = keys[i]));
    for (const a of compiled.aggregates) row[a.alias] = computeAggregate(env, a, records);
    return row;
  });
  if (compiled.aggregateOrder.length > 0) {
    rows.sort((x, y) => {
      for (const { key, descending, nullsFirst } of compiled.aggregateOrder) {
        const a = x[key] as number | string | null;
        const b = y[key] as number | string | null;
        if (a === b) continue;
        if (a === null) return nullsFirst ? -1 : 1;
        if (b === null) return nullsFirst ? 1 : -1;
        const c = a < b ? -1 : 1;
        return descending ? -c : c;
      }
      return 0;
    });
  }
  const start = compiled.offset ?? 0;
  return rows.slice(start, compiled.limit !== undefined ? start + compiled.limit : undefined);
}

function computeAggregate(env: QueryEnv, a: Aggregate, records: SfRecord[]): unknown {
  const values = records.map((r) => readPath(env.store, a.path!, r)).filter((v) => v !== null);
  switch (a.fn) {
    case 'COUNT':
      return values.length;
    case 'COUNT_DISTINCT':
      return new Set(values.map((v) => comparable(a.path!.field, v))).size;
    case 'SUM':
      return values.length ? values.reduce((s: number, v) => s + (v as number), 0) : null;
    case 'AVG':
      return values.length
        ? values.reduce((s: number, v) => s + (v as number), 0) / values.length
        : null;
    default: {
      if (values.length === 0) return null;
      let best = values[0];
      for (const v of values) {
        const cv = comparable(a.path!.field, v) as number;
        const cb = comparable(a.path!.field, best) as number;
        if (a.fn === 'MIN' ? cv < cb : cv > cb) best = v;
      }
      return best;
    }
  }
}
