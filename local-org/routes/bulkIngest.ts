/**
 * Bulk API 2.0 ingest jobs: CSV uploads, processed in chunks of 200 when the upload is complete
 * (so polling sees JobComplete at once), results as CSV with sf__Id, sf__Created and sf__Error.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { FieldDef, ObjectDef } from '../../scripts/lib/sfMetadata.ts';
import { formatDateTime } from '../fieldValues.ts';
import { json, jsonBody, methodNotAllowed, type Reply, type Request } from '../http.ts';
import type { OrgRuntime } from '../org.ts';
import {
  attempt,
  createRecord,
  deleteRecord,
  prepare,
  updateRecord,
  upsertRecord,
  type WriteContext
} from '../records.ts';
import type { Transaction } from '../store.ts';
import { RecordFailure, SfError, notFound, type RecordError } from '../sfError.ts';
import { invalidJob, jobNotFound, jobStore, nextJobId, type JobState } from './bulkJobs.ts';

type Operation = 'insert' | 'update' | 'upsert' | 'delete' | 'hardDelete';

interface IngestJob {
  id: string;
  object: ObjectDef;
  operation: Operation;
  externalIdFieldName?: string;
  lineEnding: 'LF' | 'CRLF';
  state: JobState;
  createdById: string;
  createdDate: string;
  systemModstamp: string;
  apiVersion: string;
  uploads: string[];
  columns: string[];
  successful: string[][];
  failed: string[][];
  unprocessed: string[][];
  errorMessage?: string;
}

const CHUNK = 200;
const ingestJobs = jobStore<IngestJob>();

function ingestInfo(job: IngestJob) {
  const base = {
    id: job.id,
    operation: job.operation,
    object: job.object.name,
    createdById: job.createdById,
    createdDate: job.createdDate,
    systemModstamp: job.systemModstamp,
    state: job.state,
    ...(job.externalIdFieldName ? { externalIdFieldName: job.externalIdFieldName } : {}),
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(job.apiVersion),
    contentUrl: `services/data/v${job.apiVersion}/jobs/ingest/${job.id}/batches`,
    lineEnding: job.lineEnding,
    columnDelimiter: 'COMMA',
    jobType: 'V2Ingest'
  };
  if (job.state === 'Open') return base;
  return {
    ...base,
    numberRecordsProcessed: job.successful.length + job.failed.length,
    numberRecordsFailed: job.failed.length,
    retries: 0,
    totalProcessingTime: 0,
    apiActiveProcessingTime: 0,
    apexProcessingTime: 0,
    ...(job.errorMessage ? { errorMessage: job.errorMessage } : {})
  };
}

export function ingest(
  org: OrgRuntime,
  request: Request,
  id: string | undefined,
  sub: string | undefined
): Reply {
  const { method } = request;
  const jobs = ingestJobs(org);
  if (id === undefined) {
    if (method === 'GET')
      return json(200, {
        done: true,
        records: [...jobs.values()].map(ingestInfo),
        nextRecordsUrl: null
      });
    if (method !== 'POST') throw methodNotAllowed(method, ['GET', 'POST']);
    const body = jsonBody<{
      object?: string;
      operation?: string;
      externalIdFieldName?: string;
      contentType?: string;
      lineEnding?: string;
      columnDelimiter?: string;
    }>(request);
    if (!body.object) throw invalidJob('InvalidJob : Object is required');
    const object = org.schema.object(body.object);
    if (!object) throw invalidJob(`InvalidJob : Unable to find object: ${body.object}`);
    const operation = body.operation as Operation;
    if (!['insert', 'update', 'upsert', 'delete', 'hardDelete'].includes(operation)) {
      throw invalidJob(`InvalidJob : Invalid operation: ${String(body.operation)}`);
    }
    if (body.contentType && body.contentType !== 'CSV')
      throw invalidJob(`InvalidJob : Invalid content type: ${body.contentType}`);
    if (body.columnDelimiter && body.columnDelimiter !== 'COMMA') {
      throw invalidJob('InvalidJob : The local org supports COMMA as the column delimiter only');
    }
    if (operation === 'upsert') {
      const field = body.externalIdFieldName
        ? org.schema.field(object, body.externalIdFieldName)
        : undefined;
      if (!field || !(field.externalId || field.name === 'Id')) {
        throw invalidJob(
          `InvalidJob : Field name provided, ${body.externalIdFieldName ?? ''} is not an External ID or indexed field for ${object.name}`
        );
      }
    }
    const now = formatDateTime(Date.now());
    const job: IngestJob = {
      id: nextJobId(org),
      object,
      operation,
      externalIdFieldName: operation === 'upsert' ? body.externalIdFieldName : undefined,
      lineEnding: body.lineEnding === 'CRLF' ? 'CRLF' : 'LF',
      state: 'Open',
      createdById: request.userId,
      createdDate: now,
      systemModstamp: now,
      apiVersion: request.version,
      uploads: [],
      columns: [],
      successful: [],
      failed: [],
      unprocessed: []
    };
    jobs.set(job.id, job);
    return json(200, ingestInfo(job));
  }
  const job = jobs.get(id);
  if (!job) throw jobNotFound();
  if (sub === undefined) {
    if (method === 'GET') return json(200, ingestInfo(job));
    if (method === 'DELETE') {
      if (job.state === 'Open' || job.state === 'InProgress' || job.state === 'UploadComplete') {
        throw new SfError(
          400,
          'INVALIDSTATUS',
          'Job is not in a terminal state; abort it before deleting'
        );
      }
      jobs.delete(id);
      return json(204);
    }
    if (method !== 'PATCH') throw methodNotAllowed(method, ['GET', 'PATCH', 'DELETE']);
    const { state } = jsonBody<{ state?: string }>(request);
    if (state === 'Aborted') {
      if (job.state !== 'Open')
        throw new SfError(
          400,
          'INVALIDSTATUS',
          `Job is ${job.state}; only an open job can be aborted here`
        );
      job.state = 'Aborted';
      job.systemModstamp = formatDateTime(Date.now());
      return json(200, ingestInfo(job));
    }
    if (state !== 'UploadComplete')
      throw new SfError(400, 'INVALIDSTATUS', `Invalid state: ${String(state)}`);
    if (job.state !== 'Open')
      throw new SfError(400, 'INVALIDSTATUS', `Job is ${job.state}, not Open`);
    job.state = 'UploadComplete';
    const reply = ingestInfo(job);
    processIngest(org, job, request.userId);
    return json(200, reply);
  }
  if (sub === 'batches') {
    if (method !== 'PUT') throw methodNotAllowed(method, ['PUT']);
    if (job.state !== 'Open')
      throw new SfError(
        400,
        'INVALIDSTATUS',
        `Job is ${job.state}; data can only be uploaded to an Open job`
      );
    job.uploads.push(request.rawBody);
    return json(201);
  }
  if (method !== 'GET') throw methodNotAllowed(method, ['GET']);
  if (job.state !== 'JobComplete' && job.state !== 'Failed' && job.state !== 'Aborted') {
    throw new SfError(
      400,
      'INVALIDSTATUS',
      `Job is ${job.state}; results are available once it completes`
    );
  }
  const csv = (header: string[], rows: string[][]) =>
    ({
      status: 200,
      text: stringify([header, ...rows], {
        record_delimiter: job.lineEnding === 'CRLF' ? '\r\n' : '\n'
      })
    }) as Reply;
  if (sub === 'successfulResults')
    return csv(['sf__Id', 'sf__Created', ...job.columns], job.successful);
  if (sub === 'failedResults') return csv(['sf__Id', 'sf__Error', ...job.columns], job.failed);
  if (sub === 'unprocessedrecords') return csv(job.columns, job.unprocessed);
  throw notFound();
}

function rowIdOf(body: Record<string, string>): string | undefined {
  const column = Object.keys(body).find((c) => c.toLowerCase() === 'id');
  return column ? body[column] : undefined;
}

function errorText(error: RecordError): string {
  return `${error.statusCode}:${error.message}:${error.fields.length ? `${error.fields.join(',')} ` : ''}--`;
}

/** Checks the CSV header like Salesforce: every column a field or `<relationship>__r.<external id field>`. */
function checkColumns(org: OrgRuntime, job: IngestJob, columns: string[]) {
  if (job.operation === 'delete' || job.operation === 'hardDelete') {
    if (columns.length !== 1 || columns[0].toLowerCase() !== 'id') {
      throw new Error('InvalidBatch : Delete jobs take exactly one column: Id');
    }
    return;
  }
  for (const column of columns) {
    const dot = column.indexOf('.');
    const field =
      dot > 0
        ? org.schema.parentRelationship(job.object, column.slice(0, dot))
        : org.schema.field(job.object, column);
    if (!field) throw new Error(`InvalidBatch : Field name not found : ${column}`);
    if (dot > 0) {
      const parent = org.schema.object(field.referenceTo ?? '');
      const key = parent ? org.schema.field(parent, column.slice(dot + 1)) : undefined;
      if (!key || !(key.externalId || key.name === 'Id')) {
        throw new Error(
          `InvalidBatch : Field name provided, ${column.slice(dot + 1)} is not an External ID or indexed field for ${parent?.name ?? field.referenceTo}`
        );
      }
    }
  }
  if (job.operation === 'update' && !columns.some((c) => c.toLowerCase() === 'id')) {
    throw new Error('InvalidBatch : Update jobs need an Id column');
  }
  if (
    job.operation === 'upsert' &&
    !columns.some((c) => c.toLowerCase() === job.externalIdFieldName!.toLowerCase())
  ) {
    throw new Error(`InvalidBatch : The external id column ${job.externalIdFieldName} is missing`);
  }
}

function processIngest(org: OrgRuntime, job: IngestJob, userId: string) {
  job.state = 'InProgress';
  let rows: string[][] = [];
  try {
    for (const upload of job.uploads) {
      const parsed = parse(upload, {
        relax_column_count: false,
        skip_empty_lines: true,
        bom: true
      }) as string[][];
      if (parsed.length === 0) continue;
      const [header, ...data] = parsed;
      if (job.columns.length === 0) job.columns = header;
      else if (header.join(',') !== job.columns.join(','))
        throw new Error('InvalidBatch : Every upload must have the same header row');
      rows = rows.concat(data);
    }
    checkColumns(org, job, job.columns);
  } catch (error) {
    job.state = 'Failed';
    job.errorMessage = error instanceof Error ? error.message : String(error);
    job.unprocessed = rows;
    job.systemModstamp = formatDateTime(Date.now());
    return;
  }
  const ctx = org.writeContext(userId);
  const keyField: FieldDef | undefined = job.externalIdFieldName
    ? org.schema.field(job.object, job.externalIdFieldName)
    : undefined;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const successful: string[][] = [];
    const failed: string[][] = [];
    const tx = org.store.begin();
    try {
      for (const row of rows.slice(start, start + CHUNK)) {
        const body = Object.fromEntries(job.columns.map((c, i) => [c, row[i] ?? '']));
        const rowId = job.operation === 'insert' ? '' : (rowIdOf(body) ?? '');
        if (org.faults.recordLock('bulk')) {
          const error = {
            statusCode: 'UNABLE_TO_LOCK_ROW',
            message: 'unable to obtain exclusive access to this record',
            fields: []
          };
          failed.push([rowId, errorText(error), ...row]);
          continue;
        }
        const outcome = attempt(tx, () => {
          try {
            return writeRow(tx, ctx, org, job, keyField, body);
          } catch (error) {
            // In a CSV row, what JSON would refuse for the whole request fails only the row.
            if (error instanceof SfError)
              throw new RecordFailure(error.errorCode, error.message, error.fields);
            throw error;
          }
        });
        if (outcome.ok) successful.push([outcome.value.id, String(outcome.value.created), ...row]);
        else failed.push([rowId, errorText(outcome.error), ...row]);
      }
      tx.commit();
    } catch (error) {
      // A bug, not a record problem: the chunk is undone and the rest reported unprocessed.
      tx.rollback();
      process.stderr.write(
        `local org: bulk job ${job.id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
      );
      job.state = 'Failed';
      job.errorMessage = 'InternalServerError : the local org failed while processing this job';
      job.unprocessed = rows.slice(start);
      job.systemModstamp = formatDateTime(Date.now());
      return;
    }
    job.successful.push(...successful);
    job.failed.push(...failed);
  }
  job.state = 'JobComplete';
  job.systemModstamp = formatDateTime(Date.now());
}

function writeRow(
  tx: Transaction,
  ctx: WriteContext,
  org: OrgRuntime,
  job: IngestJob,
  keyField: FieldDef | undefined,
  body: Record<string, string>
): { id: string; created: boolean } {
  const idColumn = Object.keys(body).find((c) => c.toLowerCase() === 'id');
  const rowId = idColumn ? body[idColumn] : '';
  switch (job.operation) {
    case 'delete':
    case 'hardDelete':
      return { id: deleteRecord(tx, ctx, job.object, rowId), created: false };
    case 'insert':
      return {
        id: createRecord(tx, ctx, job.object, prepare(org.schema, job.object, body, 'csv')),
        created: true
      };
    case 'update': {
      const prepared = prepare(org.schema, job.object, body, 'csv');
      return {
        id: updateRecord(tx, ctx, job.object, rowId, { ...prepared, id: undefined }),
        created: false
      };
    }
    default: {
      const keyColumn = Object.keys(body).find(
        (c) => c.toLowerCase() === keyField!.name.toLowerCase()
      )!;
      const prepared = prepare(org.schema, job.object, body, 'csv');
      if (keyField!.name !== 'Id') prepared.values.delete(keyField!);
      return upsertRecord(tx, ctx, job.object, keyField!, body[keyColumn], {
        ...prepared,
        id: undefined
      });
    }
  }
}
