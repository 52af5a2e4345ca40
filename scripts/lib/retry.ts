/**
 * Retries for the failures an org produces under load: 503, REQUEST_LIMIT_EXCEEDED (concurrent
 * requests), UNABLE_TO_LOCK_ROW, dropped connections. Reads are always safe to repeat; a write
 * only when repeating it cannot duplicate anything (upsert by external id, update by Id), which
 * the caller states with `idempotent`. A lock on single records inside a collection result is
 * retried for just those records.
 */

export type Sleep = (ms: number) => Promise<void>;

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: Sleep;
  /** 0..1, for the jitter; injectable so tests are deterministic. */
  random?: () => number;
  /** Called before each wait, e.g. to count retries for the report. */
  onRetry?: (reason: string, attempt: number, delayMs: number) => void;
}

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const TRANSIENT_CODES = new Set([
  'SERVER_UNAVAILABLE',
  'REQUEST_LIMIT_EXCEEDED',
  'UNABLE_TO_LOCK_ROW',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_SOCKET'
]);

/** The transient cause of `error`, or null when retrying would not help. */
export function transientReason(error: unknown): string | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as {
    errorCode?: unknown;
    name?: unknown;
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    statusCode?: unknown;
  };
  for (const value of [e.errorCode, e.name, e.code]) {
    if (typeof value === 'string' && TRANSIENT_CODES.has(value)) return value;
  }
  if (e.statusCode === 503 || e.statusCode === 502 || e.statusCode === 504)
    return `HTTP ${String(e.statusCode)}`;
  // A wrapped failure (fetch's "fetch failed") is as transient as its cause.
  if (e.cause) return transientReason(e.cause) && 'connection dropped';
  const message = typeof e.message === 'string' ? e.message : '';
  if (/socket hang up|ECONNRESET|other side closed/i.test(message)) return 'connection dropped';
  if (/Server temporarily unavailable|Service Unavailable/i.test(message))
    return 'SERVER_UNAVAILABLE';
  return null;
}

function delayFor(attempt: number, options: RetryOptions): number {
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 30_000;
  const exponential = Math.min(max, base * 2 ** (attempt - 1));
  // "Full jitter": spreads retries of concurrent clients so they do not collide again.
  return Math.round(exponential / 2 + ((options.random ?? Math.random)() * exponential) / 2);
}

/**
 * Runs `call`, retrying transient failures with exponential backoff and jitter. A write that
 * is not idempotent is never retried: the first failure is returned to the caller.
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  mode: { kind: 'read' } | { kind: 'write'; idempotent: boolean },
  options: RetryOptions = {}
): Promise<T> {
  const attempts = options.attempts ?? 5;
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const reason = transientReason(error);
      const repeatable = mode.kind === 'read' || mode.idempotent;
      if (!reason || !repeatable || attempt >= attempts) throw error;
      const delay = delayFor(attempt, options);
      options.onRetry?.(reason, attempt, delay);
      await sleep(delay);
    }
  }
}

/** A per-record result as sObject collections return it (`statusCode`; jsforce types say `errorCode`). */
export interface RecordError {
  statusCode?: string;
  errorCode?: string;
  message: string;
  fields?: string[];
}

export interface RecordResult {
  id?: string;
  success: boolean;
  created?: boolean;
  errors: RecordError[];
}

export const errorCodeOf = (error: RecordError): string =>
  error.statusCode ?? error.errorCode ?? 'UNKNOWN';

const lockedOnly = (result: RecordResult): boolean =>
  !result.success &&
  result.errors.length > 0 &&
  result.errors.every((e) => errorCodeOf(e) === 'UNABLE_TO_LOCK_ROW');

/**
 * Sends `records` with `send` (one collection call, results in input order) and re-sends only
 * the records that failed with UNABLE_TO_LOCK_ROW, with backoff, until they succeed or the
 * attempts run out (they then keep their lock error). Each call is itself retried when the
 * whole request fails transiently, as the write is idempotent.
 */
export async function sendWithRecordRetry<R>(
  records: readonly R[],
  send: (batch: R[]) => Promise<RecordResult[]>,
  options: RetryOptions = {}
): Promise<RecordResult[]> {
  // Row locks clear within seconds (another job holds the parent record): more patience.
  const attempts = options.attempts ?? 8;
  const sleep = options.sleep ?? realSleep;
  const results: RecordResult[] = new Array<RecordResult>(records.length);
  let pending = records.map((_, index) => index);
  for (let attempt = 1; pending.length > 0; attempt++) {
    const batch = pending.map((i) => records[i]);
    const answer = await withRetry(() => send(batch), { kind: 'write', idempotent: true }, options);
    if (answer.length !== batch.length) {
      throw new Error(`The org answered ${answer.length} results for ${batch.length} records`);
    }
    answer.forEach((result, k) => {
      results[pending[k]] = result;
    });
    pending = pending.filter((i) => lockedOnly(results[i]));
    if (pending.length === 0 || attempt >= attempts) break;
    const delay = delayFor(attempt, options);
    options.onRetry?.(`UNABLE_TO_LOCK_ROW on ${pending.length} record(s)`, attempt, delay);
    await sleep(delay);
  }
  return results;
}
