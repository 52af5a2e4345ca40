import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseFaults } from '../../local-org/faults.ts';
import { raw, startOrg } from './helpers.ts';

const statusesOf = async (
  count: number,
  call: () => Promise<{ status: number; body: unknown }>
) => {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = await call().catch(() => ({ status: 0, body: 'dropped' }));
    out.push(
      r.status === 0
        ? 'dropped'
        : r.status < 400
          ? String(r.status)
          : `${r.status} ${(r.body as { errorCode: string }[])[0].errorCode}`
    );
  }
  return out;
};

test('faults are off by default', async () => {
  const running = await startOrg();
  try {
    const results = await statusesOf(30, () =>
      raw(running.org, '/services/data/v62.0/query?q=SELECT+Id+FROM+Account')
    );
    assert.ok(results.every((r) => r === '200'));
  } finally {
    await running.dispose();
  }
});

test('a seeded fault rate injects 503, REQUEST_LIMIT_EXCEEDED, UNABLE_TO_LOCK_ROW and drops, reproducibly, only in chosen families', async () => {
  const schedule = async () => {
    const running = await startOrg({ faults: { seed: 42, rate: 0.5, families: ['query'] } });
    try {
      const query = await statusesOf(60, () =>
        raw(running.org, '/services/data/v62.0/query?q=SELECT+Id+FROM+Account')
      );
      const describe = await statusesOf(10, () =>
        raw(running.org, '/services/data/v62.0/sobjects/Account/describe')
      );
      assert.ok(
        describe.every((r) => r === '200'),
        'sobject family untouched'
      );
      assert.equal(running.org.faultsInjected(), query.filter((r) => r !== '200').length);
      return query;
    } finally {
      await running.dispose();
    }
  };
  const first = await schedule();
  const kinds = new Set(first.filter((r) => r !== '200'));
  assert.deepEqual([...kinds].sort(), [
    '400 UNABLE_TO_LOCK_ROW',
    '403 REQUEST_LIMIT_EXCEEDED',
    '503 SERVER_UNAVAILABLE',
    'dropped'
  ]);
  const failures = first.filter((r) => r !== '200').length;
  assert.ok(failures > 15 && failures < 45, `about half fail (${failures}/60)`);
  assert.deepEqual(await schedule(), first, 'same seed, same schedule');
});

test('per-record UNABLE_TO_LOCK_ROW in collections fails single records, not the call', async () => {
  const running = await startOrg({
    faults: { seed: 3, rate: 0.3, kinds: ['recordLock'], families: ['composite'] }
  });
  try {
    const results = await running.conn.sobject('Account').create(
      Array.from({ length: 50 }, (_, i) => ({ Name: `L${i}` })),
      { allOrNone: false }
    );
    const locked = results.filter((r) => !r.success) as unknown as {
      errors: { statusCode: string }[];
    }[];
    assert.ok(locked.length > 5 && locked.length < 30);
    assert.ok(locked.every((r) => r.errors[0].statusCode === 'UNABLE_TO_LOCK_ROW'));
    assert.equal(
      (await running.conn.query('SELECT COUNT() FROM Account')).totalSize,
      50 - locked.length
    );
  } finally {
    await running.dispose();
  }
});

test('fault settings parse from the flag / environment text and refuse unknown keys', () => {
  assert.deepEqual(parseFaults('seed=7,rate=0.1,kinds=503+drop,families=bulk'), {
    rate: 0.1,
    seed: 7,
    kinds: ['503', 'drop'],
    families: ['bulk']
  });
  assert.throws(() => parseFaults('rate=2'), /between 0 and 1/);
  assert.throws(() => parseFaults('kinds=fire'), /unknown fault kind "fire"/);
  assert.throws(() => parseFaults('colour=red'), /unknown fault setting "colour"/);
});
