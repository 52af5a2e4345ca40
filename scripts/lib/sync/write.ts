/**
 * The writer: sends planned writes and settles each one's ledger row. Up to `bulkThreshold`
 * records go as sObject collections (200 a call, allOrNone false, locked records re-sent);
 * above it, one Bulk API 2.0 job. Upserts by external id and updates by Id are idempotent,
 * which is what makes retrying them safe. A dry run sends nothing.
 */
import {
  errorCodeOf,
  sendWithRecordRetry,
  withRetry,
  type RecordResult,
  type RetryOptions
} from '../retry.ts';
import type { Ledger } from './ledger.ts';
import { COLLECTION_LIMIT, type OrgClient, type SObjectRecord } from './orgClient.ts';
import { planWrites, type DesiredRecord, type Plan, type PlannedWrite } from './plan.ts';
import type { Progress } from './progress.ts';

export const DEFAULT_BULK_THRESHOLD = 2000;

export interface WriteOptions {
  dryRun: boolean;
  /** Above this many records, Bulk API 2.0 instead of collections. */
  bulkThreshold?: number;
  retry?: RetryOptions;
  /** Called after each call with the records done so far and how many failed. */
  onProgress?: (done: number, failed: number) => void;
}

export interface WriteSummary {
  calls: number;
  api: 'none' | 'collections' | 'bulk';
  failed: number;
}

/** A failed record's reason, e.g. "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: bad value (Region__c)". */
export function failureReason(result: RecordResult): string {
  if (result.errors.length === 0) return 'the org rejected the record without a reason';
  return result.errors
    .map(
      (e) => `${errorCodeOf(e)}: ${e.message}${e.fields?.length ? ` (${e.fields.join(', ')})` : ''}`
    )
    .join('; ');
}

function settle(ledger: Ledger, write: PlannedWrite, result: RecordResult): void {
  if (result.success) {
    ledger.settle(write.line, {
      status: 'written',
      action: write.action === 'update' ? 'update' : result.created === false ? 'update' : 'create',
      id: result.id ?? (write.action === 'update' ? write.id : undefined),
      fields: Object.keys(write.fields)
    });
  } else {
    ledger.settle(write.line, { status: 'rejected', reason: failureReason(result) });
  }
}

async function send(
  writes: readonly PlannedWrite[],
  ledger: Ledger,
  options: WriteOptions,
  toRecord: (write: PlannedWrite) => SObjectRecord,
  collection: (records: SObjectRecord[]) => Promise<RecordResult[]>,
  bulk: ((records: SObjectRecord[]) => Promise<RecordResult[]>) | null
): Promise<WriteSummary> {
  if (options.dryRun || writes.length === 0) {
    for (const write of writes) {
      ledger.settle(write.line, {
        status: 'written',
        action: write.action,
        id: write.action === 'update' ? write.id : undefined,
        fields: Object.keys(write.fields)
      });
    }
    return { calls: 0, api: 'none', failed: 0 };
  }
  let failed = 0;
  const useBulk =
    bulk !== null && writes.length > (options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD);
  if (useBulk) {
    const results = await withRetry(
      () => bulk(writes.map(toRecord)),
      { kind: 'write', idempotent: true },
      options.retry
    );
    writes.forEach((write, i) => {
      if (!results[i].success) failed++;
      settle(ledger, write, results[i]);
    });
    options.onProgress?.(writes.length, failed);
    return { calls: 1, api: 'bulk', failed };
  }
  let calls = 0;
  for (let start = 0; start < writes.length; start += COLLECTION_LIMIT) {
    const batch = writes.slice(start, start + COLLECTION_LIMIT);
    const results = await sendWithRecordRetry(
      batch.map(toRecord),
      (records) => {
        calls++;
        return collection(records);
      },
      options.retry
    );
    batch.forEach((write, i) => {
      if (!results[i].success) failed++;
      settle(ledger, write, results[i]);
    });
    options.onProgress?.(start + batch.length, failed);
  }
  return { calls, api: 'collections', failed };
}

/** Upserts by `externalIdField` (the write's key is its value). */
export function upsertByExternalId(
  client: OrgClient,
  object: string,
  externalIdField: string,
  writes: readonly PlannedWrite[],
  ledger: Ledger,
  options: WriteOptions
): Promise<WriteSummary> {
  return send(
    writes,
    ledger,
    options,
    (write) => ({ ...write.fields, [externalIdField]: write.key }),
    (records) => client.upsertCollection(object, externalIdField, records),
    (records) => client.bulkUpsert(object, externalIdField, records)
  );
}

/** Updates existing records by Id (derived fields written back, e.g. track evaluation). */
export function updateById(
  client: OrgClient,
  object: string,
  writes: readonly PlannedWrite[],
  ledger: Ledger,
  options: WriteOptions
): Promise<WriteSummary> {
  const creates = writes.filter((w) => w.action === 'create');
  if (creates.length)
    throw new Error(`updateById: line ${creates[0].line} has no record to update`);
  return send(
    writes,
    ledger,
    options,
    (write) => ({ ...write.fields, Id: write.action === 'update' ? write.id : write.key }),
    (records) => client.updateCollection(object, records),
    (records) => client.bulkUpsert(object, 'Id', records)
  );
}

/** Where planned writes go: an upsert by external id, or an update of existing records by Id. */
export type WriteTarget = { object: string; externalIdField: string } | { object: string };

/**
 * The diff and write stages every command ends with: only what differs from the org is written
 * (a second run writes nothing), the unchanged rows settle as such, and the write shows progress.
 * With `endsDiffStage`, the running diff stage is closed with its summary first.
 */
export async function writeChanges(
  client: OrgClient,
  target: WriteTarget,
  desired: readonly DesiredRecord[],
  existing: ReadonlyMap<string, Record<string, unknown> & { Id: string }>,
  ledger: Ledger,
  options: WriteOptions & { progress: Progress; endsDiffStage?: boolean }
): Promise<{ plan: Plan; write: WriteSummary }> {
  const { progress, endsDiffStage, ...writeOptions } = options;
  const plan = planWrites(desired, existing);
  for (const row of plan.unchanged) ledger.settle(row.line, { status: 'unchanged', id: row.id });
  if (endsDiffStage)
    progress.done(`${plan.writes.length} to write, ${plan.unchanged.length} unchanged`);
  progress.start('write', plan.writes.length);
  const sendOptions = {
    ...writeOptions,
    onProgress: (done: number, failed: number) => progress.update(done, failed)
  };
  const write =
    'externalIdField' in target
      ? await upsertByExternalId(
          client,
          target.object,
          target.externalIdField,
          plan.writes,
          ledger,
          sendOptions
        )
      : await updateById(client, target.object, plan.writes, ledger, sendOptions);
  progress.done(`${plan.writes.length - write.failed} written, ${write.failed} failed`);
  return { plan, write };
}
