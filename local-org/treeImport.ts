/**
 * `sf data tree import --plan` semantics over the local org: the plan lists object files in
 * order; records carry `attributes.referenceId`, later files point at them as `@referenceId`.
 * The same files seed a scratch org with the Salesforce CLI.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRecord, prepare, type WriteContext } from './records.ts';
import { RecordFailure } from './sfError.ts';
import type { Transaction } from './store.ts';

interface PlanEntry {
  sobject: string;
  saveRefs?: boolean;
  resolveRefs?: boolean;
  files: string[];
}

interface TreeRecord {
  attributes: { type: string; referenceId: string };
  [field: string]: unknown;
}

/** Imports a plan inside the given transaction; returns referenceId → record id. */
export function importPlan(
  tx: Transaction,
  ctx: WriteContext,
  planFile: string
): Map<string, string> {
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as PlanEntry[];
  const refs = new Map<string, string>();
  for (const entry of plan) {
    const object = ctx.schema.object(entry.sobject);
    if (!object) throw new Error(`${planFile}: sobject "${entry.sobject}" is not in the schema`);
    for (const file of entry.files) {
      const path = join(dirname(planFile), file);
      const { records } = JSON.parse(readFileSync(path, 'utf8')) as { records: TreeRecord[] };
      for (const record of records) {
        const body: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(record)) {
          if (key === 'attributes') continue;
          if (entry.resolveRefs && typeof value === 'string' && value.startsWith('@')) {
            const id = refs.get(value.slice(1));
            if (!id)
              throw new Error(
                `${path}: ${record.attributes.referenceId}.${key} refers to unknown ${value}`
              );
            body[key] = id;
          } else {
            body[key] = value;
          }
        }
        try {
          const id = createRecord(tx, ctx, object, prepare(ctx.schema, object, body, 'json'));
          if (entry.saveRefs) refs.set(record.attributes.referenceId, id);
        } catch (error) {
          const reason =
            error instanceof RecordFailure
              ? `${error.error.statusCode}: ${error.error.message}`
              : String(error);
          throw new Error(
            `${path}: record ${record.attributes.referenceId} was refused (${reason})`
          );
        }
      }
    }
  }
  return refs;
}
