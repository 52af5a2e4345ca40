/** Query results in the REST shape (nested parents, child results) and flat for Bulk API. */
import { SfError } from '../sfError.ts';
import type { SfRecord } from '../store.ts';
import type { FieldPath } from './fieldPath.ts';
import { runIds } from './execute.ts';
import type { Compiled, QueryEnv } from './plan.ts';

export function recordUrl(version: string, object: string, id: string) {
  return `/services/data/v${version}/sobjects/${object}/${id}`;
}

/** One result record in the REST shape: attributes, fields, nested parents, child results. */
export function renderRecord(
  env: QueryEnv,
  compiled: Compiled,
  record: SfRecord,
  version: string
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    attributes: {
      type: compiled.object.name,
      url: recordUrl(version, compiled.object.name, record.Id as string)
    }
  };
  for (const column of compiled.columns) {
    if (column.kind === 'child') {
      const children = env.store.children(
        column.relationship.childObject,
        column.relationship.field,
        record.Id as string
      );
      const ids = runIds(env, column.query, children);
      const childRecords = ids.map((id) =>
        renderRecord(env, column.query, env.store.get(column.query.object.name, id)!, version)
      );
      out[column.relationship.relationshipName] =
        childRecords.length === 0
          ? null
          : { totalSize: childRecords.length, done: true, records: childRecords };
      continue;
    }
    let target = out;
    let current: SfRecord | null = record;
    for (const step of column.path.lookups) {
      const key = step.relationshipName;
      if (target[key] === null) {
        current = null;
        break;
      }
      const parentId: unknown = current ? current[step.field.name] : null;
      const parent: SfRecord | undefined =
        typeof parentId === 'string' ? env.store.get(step.target.name, parentId) : undefined;
      if (!parent) {
        target[key] = null;
        current = null;
        break;
      }
      if (!target[key]) {
        target[key] = {
          attributes: {
            type: step.target.name,
            url: recordUrl(version, step.target.name, parent.Id as string)
          }
        };
      }
      target = target[key] as Record<string, unknown>;
      current = parent;
    }
    if (current) target[column.path.field.name] = current[column.path.field.name] ?? null;
  }
  return out;
}

/** Flat rows (`Partner_Account__r.Name` columns) for Bulk API query results. */
export function flatColumns(compiled: Compiled): FieldPath[] {
  if (compiled.kind !== 'records')
    throw new SfError(
      400,
      'INVALIDJOB',
      'Aggregate queries are not supported by Bulk API query jobs'
    );
  return compiled.columns.map((c) => {
    if (c.kind === 'child')
      throw new SfError(
        400,
        'INVALIDJOB',
        'Nested queries are not supported by Bulk API query jobs'
      );
    return c.path;
  });
}
