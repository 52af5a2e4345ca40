import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import {
  sendWithRecordRetry,
  transientReason,
  withRetry,
  type RecordResult
} from '../../scripts/lib/retry.ts';

const sfError = (errorCode: string) =>
  Object.assign(new Error(errorCode), { errorCode, name: errorCode });

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

test('transient failures are recognised; validation errors are not', () => {
  assert.equal(transientReason(sfError('SERVER_UNAVAILABLE')), 'SERVER_UNAVAILABLE');
  assert.equal(transientReason(sfError('REQUEST_LIMIT_EXCEEDED')), 'REQUEST_LIMIT_EXCEEDED');
  assert.equal(transientReason(sfError('UNABLE_TO_LOCK_ROW')), 'UNABLE_TO_LOCK_ROW');
  assert.equal(
    transientReason(Object.assign(new Error('x'), { code: 'ECONNRESET' })),
    'ECONNRESET'
  );
  assert.equal(transientReason(new Error('socket hang up')), 'connection dropped');
  assert.equal(
    transientReason(new TypeError('fetch failed', { cause: { code: 'UND_ERR_SOCKET' } })),
    'connection dropped'
  );
  assert.equal(transientReason(sfError('INVALID_FIELD')), null);
  assert.equal(transientReason(sfError('MALFORMED_QUERY')), null);
});

test('a read is retried with growing, jittered delays until it succeeds', async () => {
  const { waits, sleep } = recordingSleep();
  let calls = 0;
  const value = await withRetry(
    async () => {
      calls++;
      if (calls < 4) throw sfError('SERVER_UNAVAILABLE');
      return 'rows';
    },
    { kind: 'read' },
    { sleep, random: () => 0.5, baseDelayMs: 100 }
  );
  assert.equal(value, 'rows');
  assert.equal(calls, 4);
  assert.deepEqual(waits, [75, 150, 300]);
});

test('retries stop after the configured attempts and the last error surfaces', async () => {
  const { waits, sleep } = recordingSleep();
  let calls = 0;
  await assert.rejects(
    withRetry(
      async () => {
        calls++;
        throw sfError('REQUEST_LIMIT_EXCEEDED');
      },
      { kind: 'read' },
      { sleep, attempts: 3 }
    ),
    /REQUEST_LIMIT_EXCEEDED/
  );
  assert.equal(calls, 3);
  assert.equal(waits.length, 2);
});

test('a non-idempotent write is never repeated; a permanent error never', async () => {
  const { waits, sleep } = recordingSleep();
  let calls = 0;
  await assert.rejects(
    withRetry(
      async () => {
        calls++;
        throw sfError('SERVER_UNAVAILABLE');
      },
      { kind: 'write', idempotent: false },
      { sleep }
    )
  );
  await assert.rejects(
    withRetry(
      async () => {
        calls++;
        throw sfError('INVALID_FIELD');
      },
      { kind: 'read' },
      { sleep }
    )
  );
  assert.equal(calls, 2);
  assert.deepEqual(waits, []);
});

test('records locked inside a collection result are re-sent alone; others keep their result', async () => {
  const { sleep } = recordingSleep();
  const sent: string[][] = [];
  const lockedOnce = new Set(['b', 'd']);
  const ok = (id: string): RecordResult => ({ id, success: true, errors: [] });
  const results = await sendWithRecordRetry(
    ['a', 'b', 'c', 'd', 'e'],
    async (batch) => {
      sent.push(batch);
      return batch.map((r) => {
        if (r === 'c')
          return {
            success: false,
            errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'x' }]
          };
        if (lockedOnce.delete(r))
          return {
            success: false,
            errors: [{ statusCode: 'UNABLE_TO_LOCK_ROW', message: 'locked' }]
          };
        return ok(r);
      });
    },
    { sleep }
  );
  assert.deepEqual(sent, [
    ['a', 'b', 'c', 'd', 'e'],
    ['b', 'd']
  ]);
  assert.deepEqual(
    results.map((r) => r.success),
    [true, true, false, true, true]
  );
  assert.equal(results[1].id, 'b');
});

test('a record still locked after every attempt keeps its lock error', async () => {
  const { sleep } = recordingSleep();
  let calls = 0;
  const results = await sendWithRecordRetry(
    ['x'],
    async () => {
      calls++;
      return [{ success: false, errors: [{ errorCode: 'UNABLE_TO_LOCK_ROW', message: 'locked' }] }];
    },
    { sleep, attempts: 3 }
  );
  assert.equal(calls, 3);
  assert.equal(results[0].success, false);
});
