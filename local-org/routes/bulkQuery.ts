/** Bulk API 2.0 query jobs: run at once, results as CSV paged by Sforce-Locator and maxRecords. */
import { stringify } from 'csv-stringify/sync';
import { formatDateTime } from '../fieldValues.ts';
import { json, jsonBody, methodNotAllowed, type Reply, type Request } from '../http.ts';
import type { OrgRuntime } from '../org.ts';
import { SfError, notFound } from '../sfError.ts';
import { readPath } from '../soql/fieldPath.ts';
import { compileQuery } from '../soql/compile.ts';
import { runQuery } from '../soql/execute.ts';
import { flatColumns } from '../soql/render.ts';
import { invalidJob, jobNotFound, jobStore, nextJobId, type JobState } from './bulkJobs.ts';

interface QueryJob {
  id: string;
  object: string;
  operation: 'query' | 'queryAll';
  query: string;
  state: JobState;
  createdById: string;
  createdDate: string;
  systemModstamp: string;
  apiVersion: string;
  header: string[];
  rows: string[][];
  locators: Map<string, number>;
  errorMessage?: string;
}

const queryJobStore = jobStore<QueryJob>();

function queryInfo(job: QueryJob) {
  return {
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: job.createdById,
    createdDate: job.createdDate,
    systemModstamp: job.systemModstamp,
    state: job.state,
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(job.apiVersion),
    jobType: 'V2Query',
    lineEnding: 'LF',
    columnDelimiter: 'COMMA',
    numberRecordsProcessed: job.rows.length,
    retries: 0,
    totalProcessingTime: 0,
    ...(job.errorMessage ? { errorMessage: job.errorMessage } : {})
  };
}

export function queryJobs(
  org: OrgRuntime,
  request: Request,
  id: string | undefined,
  sub: string | undefined
): Reply {
  const { method } = request;
  const jobs = queryJobStore(org);
  if (id === undefined) {
    if (method === 'GET')
      return json(200, {
        done: true,
        records: [...jobs.values()].map(queryInfo),
        nextRecordsUrl: null
      });
    if (method !== 'POST') throw methodNotAllowed(method, ['GET', 'POST']);
    const body = jsonBody<{
      operation?: string;
      query?: string;
      contentType?: string;
      columnDelimiter?: string;
    }>(request);
    const operation = body.operation ?? 'query';
    if (operation !== 'query' && operation !== 'queryAll')
      throw invalidJob(`InvalidJob : Invalid operation: ${operation}`);
    if (!body.query) throw invalidJob('InvalidJob : query is required');
    if (body.columnDelimiter && body.columnDelimiter !== 'COMMA') {
      throw invalidJob('InvalidJob : The local org supports COMMA as the column delimiter only');
    }
    const env = org.queryEnv(operation === 'queryAll');
    const compiled = compileQuery(env, body.query);
    if (compiled.offset !== undefined)
      throw invalidJob('InvalidJob : OFFSET is not supported by Bulk API query jobs');
    const paths = flatColumns(compiled);
    const outcome = runQuery(env, compiled);
    const now = formatDateTime(Date.now());
    const ids = outcome.kind === 'records' ? outcome.ids : [];
    const csvValue = (value: unknown) =>
      value === null || value === undefined ? '' : String(value);
    const job: QueryJob = {
      id: nextJobId(org),
      object: compiled.object.name,
      operation,
      query: body.query,
      state: 'JobComplete',
      createdById: request.userId,
      createdDate: now,
      systemModstamp: now,
      apiVersion: request.version,
      header: paths.map((p) => p.name),
      rows: ids.map((rid) => {
        const record = org.store.get(compiled.object.name, rid)!;
        return paths.map((p) => csvValue(readPath(org.store, p, record)));
      }),
      locators: new Map()
    };
    jobs.set(job.id, job);
    return json(200, { ...queryInfo(job), state: 'UploadComplete' });
  }
  const job = jobs.get(id);
  if (!job) throw jobNotFound();
  if (sub === undefined) {
    if (method === 'GET') return json(200, queryInfo(job));
    if (method === 'DELETE') {
      jobs.delete(id);
      return json(204);
    }
    if (method === 'PATCH') {
      throw new SfError(400, 'INVALIDSTATUS', `Job is ${job.state}; it can no longer be aborted`);
    }
    throw methodNotAllowed(method, ['GET', 'PATCH', 'DELETE']);
  }
  if (sub !== 'results') throw notFound();
  if (method !== 'GET') throw methodNotAllowed(method, ['GET']);
  const locator = request.params.get('locator');
  let start = 0;
  if (locator) {
    const at = job.locators.get(locator);
    if (at === undefined) throw new SfError(400, 'INVALIDLOCATOR', `Invalid locator: ${locator}`);
    start = at;
  }
  const maxParam = request.params.get('maxRecords');
  const max = maxParam ? Number(maxParam) : 50000;
  if (!Number.isInteger(max) || max < 1)
    throw new SfError(
      400,
      'INVALIDPARAMETER',
      `maxRecords must be a positive whole number: ${maxParam}`
    );
  const rows = job.rows.slice(start, start + max);
  const end = start + rows.length;
  let next = 'null';
  if (end < job.rows.length) {
    next = Buffer.from(String(end)).toString('base64url');
    job.locators.set(next, end);
  }
  return {
    status: 200,
    text: stringify([job.header, ...rows]),
    headers: { 'Sforce-Locator': next, 'Sforce-NumberOfRecords': String(rows.length) }
  };
}
