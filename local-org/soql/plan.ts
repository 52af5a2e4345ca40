/** The compiled form of a SOQL SELECT, shared by compilation, execution and rendering. */
import type { ChildRelationship, ObjectDef } from '../../scripts/lib/sfMetadata.ts';
import type { OrgSchema } from '../orgSchema.ts';
import type { SfRecord, Store } from '../store.ts';
import type { FieldPath } from './fieldPath.ts';

export interface QueryEnv {
  store: Store;
  schema: OrgSchema;
  now: number;
  /** queryAll: deleted records too */
  includeDeleted: boolean;
}

export type Predicate = (record: SfRecord) => boolean;

export type Column =
  | { kind: 'field'; path: FieldPath }
  | { kind: 'child'; relationship: ChildRelationship; query: Compiled };

export interface OrderKey {
  read: (record: SfRecord) => unknown;
  descending: boolean;
  nullsFirst: boolean;
}

export interface Aggregate {
  fn: string;
  path?: FieldPath;
  alias: string;
  raw: string;
}

/** A plan for one SELECT (outer query or child subquery). */
export interface Compiled {
  object: ObjectDef;
  kind: 'records' | 'count' | 'aggregate';
  columns: Column[];
  where?: Predicate;
  /** Candidate ids from an index, computed at run time, or undefined for a scan. */
  candidates?: (env: QueryEnv) => Set<string> | string[];
  order: OrderKey[];
  limit?: number;
  offset?: number;
  groups: FieldPath[];
  aggregates: Aggregate[];
  /** ORDER BY of an aggregate query, over output rows. */
  aggregateOrder: { key: string; descending: boolean; nullsFirst: boolean }[];
}

export type QueryOutcome =
  | { kind: 'count'; totalSize: number }
  | { kind: 'records'; ids: string[] }
  | { kind: 'aggregate'; rows: Record<string, unknown>[] };
