import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Connection } from '@jsforce/jsforce-node';
import { startOrg, tempDataDir } from './helpers.ts';

test('records survive a restart; ids keep counting; the token is new', async () => {
  const dataDir = tempDataDir();
  try {
    const first = await startOrg({ dataDir });
    const created = await first.conn.sobject('Account').create({ Name: 'Persistent Partner' });
    const reg = await first.conn
      .sobject('Deal_Registration__c')
      .create({ External_Id__c: 'KEEP-1' });
    await first.stop();

    const second = await startOrg({ dataDir });
    try {
      assert.notEqual(second.org.accessToken, first.org.accessToken);
      const found = await second.conn.query<{ Id: string }>(
        `SELECT Id FROM Account WHERE Name = 'Persistent Partner'`
      );
      assert.deepEqual(
        found.records.map((r) => r.Id),
        [created.id]
      );
      const next = await second.conn.sobject('Account').create({ Name: 'After restart' });
      assert.notEqual(next.id, created.id);
      const dup = await second.conn
        .sobject('Deal_Registration__c')
        .create({ External_Id__c: 'KEEP-1' })
        .catch((e: { errorCode: string }) => e);
      assert.equal(
        (dup as { errorCode: string }).errorCode,
        'DUPLICATE_VALUE',
        'unique index rebuilt on load'
      );
      const kept = (await second.conn.sobject('Deal_Registration__c').retrieve(reg.id!)) as {
        External_Id__c: string;
      };
      assert.equal(kept.External_Id__c, 'KEEP-1');
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a torn last journal line (killed mid-write) is dropped, the rest loads', async () => {
  const dataDir = tempDataDir();
  try {
    const first = await startOrg({ dataDir });
    await first.conn.sobject('Account').create({ Name: 'Before the crash' });
    // simulate a kill: no snapshot on stop, and half a line at the end of the journal
    const journal = join(dataDir, 'journal.ndjson');
    await first.org.stop();
    appendFileSync(journal, '{"seq":99,"puts":[{"object":"Account","record":{"Id":"001Lo00');
    const second = await startOrg({ dataDir });
    try {
      const found = await second.conn.query(`SELECT Name FROM Account`);
      assert.deepEqual(
        found.records.map((r) => (r as { Name: string }).Name),
        ['Before the crash']
      );
      await second.conn.sobject('Account').create({ Name: 'After the crash' });
    } finally {
      await second.stop();
    }
    const third = await startOrg({ dataDir });
    try {
      assert.equal((await third.conn.query(`SELECT COUNT() FROM Account`)).totalSize, 2);
    } finally {
      await third.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('SIGKILL during a stream of writes loses nothing that was acknowledged', async () => {
  const dataDir = tempDataDir();
  const ppk = fileURLToPath(new URL('../../bin/ppk.js', import.meta.url));
  const child = spawn(
    process.execPath,
    [ppk, 'local', 'start', '--data-dir', dataDir, '--seed', 'none', '--json'],
    {
      stdio: ['ignore', 'pipe', 'pipe']
    }
  );
  try {
    let stdout = '';
    const started = await new Promise<{ instanceUrl: string; accessToken: string }>(
      (resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          try {
            resolve(
              (JSON.parse(stdout) as { result: { instanceUrl: string; accessToken: string } })
                .result
            );
          } catch {
            // wait for the whole envelope
          }
        });
        child.once('exit', (code) => reject(new Error(`local org exited early (${code})`)));
      }
    );
    const conn = new Connection({ ...started, version: '62.0' });
    const acknowledged: string[] = [];
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; ; i++) {
        try {
          const batch = await conn.sobject('Account').create(
            Array.from({ length: 20 }, (_, j) => ({ Name: `W${w}-${i}-${j}` })),
            { allOrNone: true }
          );
          acknowledged.push(...batch.map((r) => r.id!));
        } catch {
          return;
        }
      }
    });
    // kill while writes are in flight, once some have been acknowledged
    for (let waited = 0; acknowledged.length < 100 && waited < 10_000; waited += 20) {
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await Promise.all(writers);
    assert.ok(acknowledged.length > 0);

    const reopened = await startOrg({ dataDir });
    try {
      const all = await reopened.conn.query<{ Id: string; Name: string }>(
        'SELECT Id, Name FROM Account'
      );
      let ids = all.records.map((r) => r.Id);
      let page = all;
      while (!page.done) {
        page = await reopened.conn.queryMore(page.nextRecordsUrl!);
        ids = ids.concat(page.records.map((r) => r.Id));
      }
      const stored = new Set(ids);
      for (const id of acknowledged)
        assert.ok(stored.has(id), `acknowledged ${id} is missing after the kill`);
      assert.equal(stored.size % 20, 0, 'collections commit whole (allOrNone), never half');
    } finally {
      await reopened.dispose();
    }
  } finally {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('concurrent writes are serialized: 40 parallel upserts of one external id make one record', async () => {
  const running = await startOrg();
  try {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        running.conn
          .sobject('Deal_Registration__c')
          .upsert({ External_Id__c: 'RACE-1', Customer_Name__c: `writer ${i}` }, 'External_Id__c')
      )
    );
    const created = results.filter((r) => (r as { created?: boolean }).created);
    assert.equal(created.length, 1);
    assert.equal(new Set(results.map((r) => r.id)).size, 1);
    const count = await running.conn.query(
      `SELECT COUNT() FROM Deal_Registration__c WHERE External_Id__c = 'RACE-1'`
    );
    assert.equal(count.totalSize, 1);
  } finally {
    await running.dispose();
  }
});
