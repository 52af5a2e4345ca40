/**
 * The org's records in memory, with the indexes Salesforce keeps selective: by id, by unique and
 * external-id fields, and by lookup (children of a parent). Writes go through a transaction that
 * can roll back (allOrNone) and is journaled on commit; everything runs synchronously in one
 * tick, so concurrent requests never see or interleave half a write.
 */
import type { FieldDef, ObjectDef } from '../scripts/lib/sfMetadata.ts';
import { makeId } from './ids.ts';
import { Journal, type StoredRecord } from './journal.ts';
import { isReference, type OrgSchema } from './orgSchema.ts';

export type SfRecord = StoredRecord;

class Table {
  readonly object: ObjectDef;
  readonly rows = new Map<string, SfRecord>();
  /** unique / external-id field → normalized value → live record ids */
  readonly keys = new Map<string, Index>();
  /** lookup field → parent id → live child ids */
  readonly refs = new Map<string, Index>();

  constructor(object: ObjectDef) {
    this.object = object;
    for (const field of Object.values(object.fields)) {
      if ((field.unique || field.externalId) && !isReference(field))
        this.keys.set(field.name, new Map());
      // Audit lookups are never filtered by parent here; indexing them would cost memory only.
      const audit = field.name === 'CreatedById' || field.name === 'LastModifiedById';
      if ((field.type === 'Lookup' || field.type === 'MasterDetail') && !audit) {
        this.refs.set(field.name, new Map());
      }
    }
  }
}

/** Index buckets are case-insensitive; case-sensitive fields are told apart on lookup. */
export function indexKey(value: unknown): string {
  return String(value).toLowerCase();
}

/**
 * The ids under one index key: a lone id as itself, several as a Set. Most keys (external ids,
 * one opportunity per account) hold one id, and a million one-element Sets cost more memory and
 * garbage-collection time at load than the records they index.
 */
type Bucket = string | Set<string>;
type Index = Map<string, Bucket>;

function addTo(index: Index, key: string, id: string) {
  const bucket = index.get(key);
  if (bucket === undefined) index.set(key, id);
  else if (typeof bucket === 'string') {
    if (bucket !== id) index.set(key, new Set([bucket, id]));
  } else bucket.add(id);
}

function removeFrom(index: Index, key: string, id: string) {
  const bucket = index.get(key);
  if (bucket === undefined) return;
  if (typeof bucket === 'string') {
    if (bucket === id) index.delete(key);
    return;
  }
  bucket.delete(id);
  if (bucket.size === 1) index.set(key, bucket.values().next().value!);
  else if (bucket.size === 0) index.delete(key);
}

function idsIn(bucket: Bucket | undefined): Iterable<string> {
  if (bucket === undefined) return [];
  return typeof bucket === 'string' ? [bucket] : bucket;
}

const SHARED_FIELDS = [
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
  'OwnerId'
];

export class Store {
  readonly schema: OrgSchema;
  private readonly tables = new Map<string, Table>();
  private counters: Record<string, number> = {};
  private seq = 0;
  private journal?: Journal;
  private active?: Transaction;
  /** Journal lines after which a snapshot is taken. */
  private readonly snapshotEvery = 20000;

  constructor(schema: OrgSchema) {
    this.schema = schema;
    for (const object of schema.objects) this.tables.set(object.name, new Table(object));
  }

  /** Loads the data dir's records straight into the tables, then journals every commit. */
  open(dir: string) {
    // Audit values repeat across millions of records (one user, a timestamp per write batch);
    // parsed, each would be its own string: share one copy.
    const shared = new Map<string, string>();
    const { journal, state } = Journal.open(dir, (object, record) => {
      const table = this.tables.get(object);
      if (!table) return;
      for (const field of SHARED_FIELDS) {
        const value = record[field];
        if (typeof value !== 'string') continue;
        const known = shared.get(value);
        if (known === undefined) shared.set(value, value);
        else record[field] = known;
      }
      const before = table.rows.get(record.Id as string);
      if (before) this.unplace(table, before);
      this.place(table, record);
    });
    this.journal = journal;
    this.seq = state.seq;
    this.counters = { ...state.counters };
  }

  table(object: string): Table {
    const table = this.tables.get(object);
    if (!table) throw new Error(`no table for ${object}`);
    return table;
  }

  get(object: string, id: string): SfRecord | undefined {
    return this.tables.get(object)?.rows.get(id);
  }

  /**
   * Live (not deleted) records whose unique/external-id field has this value; `loose` ignores
   * case even for case-sensitive fields (SOQL's = does).
   */
  byKey(object: string, field: FieldDef, value: unknown, loose = false): string[] {
    const table = this.table(object);
    const index = table.keys.get(field.name);
    if (!index) throw new Error(`${object}.${field.name} is not indexed`);
    const ids = [...idsIn(index.get(indexKey(value)))];
    if (loose || !field.caseSensitive) return ids;
    return ids.filter((id) => String(table.rows.get(id)?.[field.name]) === String(value));
  }

  isIndexed(object: string, field: FieldDef): boolean {
    const table = this.table(object);
    return table.keys.has(field.name) || table.refs.has(field.name);
  }

  /** Live children of `parentId` through lookup `field`. */
  children(object: string, field: string, parentId: string): Iterable<string> {
    return idsIn(this.table(object).refs.get(field)?.get(parentId));
  }

  hasRecords(): boolean {
    for (const table of this.tables.values()) if (table.rows.size > 0) return true;
    return false;
  }

  begin(): Transaction {
    if (this.active) throw new Error('a write is already in progress');
    this.active = new Transaction(this);
    return this.active;
  }

  nextId(object: ObjectDef): string {
    const key = `id:${object.keyPrefix}`;
    const n = (this.counters[key] ?? 0) + 1;
    this.counters[key] = n;
    this.active?.touchCounter(key);
    return makeId(object.keyPrefix, n);
  }

  nextNumber(object: string): number {
    const key = `an:${object}`;
    const n = (this.counters[key] ?? 0) + 1;
    this.counters[key] = n;
    this.active?.touchCounter(key);
    return n;
  }

  /** @internal used by Transaction */
  replace(object: string, before: SfRecord | undefined, after: SfRecord | undefined) {
    const table = this.table(object);
    if (before) this.unplace(table, before);
    if (after) this.place(table, after);
  }

  /** @internal */
  finish(tx: Transaction, commit: boolean) {
    this.active = undefined;
    if (!commit || tx.changed.size === 0) return;
    this.seq++;
    const counters: Record<string, number> = {};
    for (const key of tx.counterKeys) counters[key] = this.counters[key];
    const puts = [...tx.changed].map((key) => {
      const [object, id] = key.split('/');
      return { object, record: this.get(object, id) as SfRecord };
    });
    if (this.journal) {
      this.journal.append({ seq: this.seq, puts, counters });
      if (this.journal.linesSinceSnapshot >= this.snapshotEvery) this.snapshot();
    }
  }

  snapshot() {
    this.journal?.snapshot(this.seq, this.counters, this.allRecords());
  }

  close() {
    if (this.journal && this.journal.linesSinceSnapshot > 0) this.snapshot();
    this.journal?.close();
    this.journal = undefined;
  }

  private *allRecords() {
    for (const [object, table] of this.tables) {
      for (const record of table.rows.values()) yield { object, record };
    }
  }

  /** @internal */
  restoreCounters(saved: Record<string, number>) {
    this.counters = saved;
  }

  /** @internal */
  countersCopy() {
    return { ...this.counters };
  }

  private place(table: Table, record: SfRecord) {
    const id = record.Id as string;
    table.rows.set(id, record);
    if (record.IsDeleted) return;
    for (const [name, index] of table.keys) {
      const value = record[name];
      if (value !== null && value !== undefined && value !== '') {
        addTo(index, indexKey(value), id);
      }
    }
    for (const [name, index] of table.refs) {
      const value = record[name];
      if (typeof value === 'string') addTo(index, value, id);
    }
  }

  private unplace(table: Table, record: SfRecord) {
    const id = record.Id as string;
    table.rows.delete(id);
    if (record.IsDeleted) return;
    for (const [name, index] of table.keys) {
      const value = record[name];
      if (value !== null && value !== undefined && value !== '') {
        removeFrom(index, indexKey(value), id);
      }
    }
    for (const [name, index] of table.refs) {
      const value = record[name];
      if (typeof value === 'string') removeFrom(index, value, id);
    }
  }
}

/** A unit of writes: applied immediately, undone on rollback, journaled on commit. */
export class Transaction {
  private readonly store: Store;
  private readonly undo: { object: string; id: string; before: SfRecord | undefined }[] = [];
  private readonly savedCounters: Record<string, number>;
  readonly changed = new Set<string>();
  readonly counterKeys = new Set<string>();

  constructor(store: Store) {
    this.store = store;
    this.savedCounters = store.countersCopy();
  }

  touchCounter(key: string) {
    this.counterKeys.add(key);
  }

  put(object: string, record: SfRecord) {
    const id = record.Id as string;
    const before = this.store.get(object, id);
    this.undo.push({ object, id, before });
    this.store.replace(object, before, record);
    this.changed.add(`${object}/${id}`);
  }

  /** A savepoint: the writes after it can be undone alone (one record of a batch failing). */
  mark(): number {
    return this.undo.length;
  }

  rollbackTo(mark: number) {
    while (this.undo.length > mark) {
      const step = this.undo.pop()!;
      const current = this.store.get(step.object, step.id);
      this.store.replace(step.object, current, step.before);
    }
    this.changed.clear();
    for (const step of this.undo) this.changed.add(`${step.object}/${step.id}`);
  }

  commit() {
    this.store.finish(this, true);
  }

  rollback() {
    this.rollbackTo(0);
    this.store.restoreCounters(this.savedCounters);
    this.counterKeys.clear();
    this.store.finish(this, false);
  }
}
