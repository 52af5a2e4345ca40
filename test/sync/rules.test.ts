import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PpkError } from '../../scripts/lib/errors.ts';
import { loadRules, rulesFromFile, rulesFromOrg } from '../../scripts/lib/rulesSource.ts';
import { fakeClient, page } from './fakeClient.ts';
import { rulesFile, rulesJson, runPpk } from './localOrg.ts';

const dir = mkdtempSync(join(tmpdir(), 'ppk-rules-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

function failure(call: () => unknown): PpkError {
  try {
    call();
  } catch (error) {
    assert.ok(error instanceof PpkError, String(error));
    return error;
  }
  throw new Error('expected a PpkError');
}

test('the shipped rules file is valid', () => {
  const { rules, origin } = rulesFromFile(rulesFile);
  assert.ok(rules.requirements.length > 0);
  assert.match(origin, /partnerProgramRules\.json/);
});

test('a JSON syntax error names the file, line and column', () => {
  const path = write('syntax.json', '{\n  "version": "1",\n  "regions": ["AMER",]\n}');
  const error = failure(() => rulesFromFile(path));
  assert.equal(error.code, 'RulesNotJson');
  assert.match(
    error.message,
    new RegExp(
      `${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON at line 3, column \\d+`
    )
  );
});

test('a schema error names the bad key', () => {
  const rules = JSON.parse(rulesJson()) as { regions: string[] };
  rules.regions = ['AMER', 'Mars'];
  const error = failure(() => rulesFromFile(write('bad-region.json', JSON.stringify(rules))));
  assert.equal(error.code, 'RulesInvalid');
  assert.match(error.message, /regions\[1\]/);
  assert.match(error.message, /Mars/);
});

test('a missing file says which path to pass', () => {
  const error = failure(() => rulesFromFile(join(dir, 'nope.json')));
  assert.equal(error.code, 'RulesFileMissing');
  assert.match(error.actions[0], /--rules /);
});

test('the org copy is read from the static resource by name (base64 body)', async () => {
  const client = fakeClient({
    query: async <T>(soql: string) => {
      assert.equal(
        soql,
        "SELECT Id, Body FROM StaticResource WHERE Name = 'partnerProgramRules' LIMIT 1"
      );
      return page([
        { Id: '081000000000001AAA', Body: Buffer.from(rulesJson()).toString('base64') }
      ]) as never as import('../../scripts/lib/sync/orgClient.ts').QueryPage<T>;
    }
  });
  const { origin } = await rulesFromOrg(client, 'my-org');
  assert.equal(origin, 'static resource partnerProgramRules in my-org');
  assert.deepEqual(client.calls, ['query']);
});

test("a real org's Body URL is fetched", async () => {
  const client = fakeClient({
    query: async () =>
      page([
        {
          Id: '081000000000001AAA',
          Body: '/services/data/v62.0/sobjects/StaticResource/081000000000001AAA/Body'
        }
      ]) as never,
    getText: async (path) => {
      assert.match(path, /\/Body$/);
      return rulesJson();
    }
  });
  await rulesFromOrg(client, 'prod');
  assert.deepEqual(client.calls, ['query', 'getText']);
});

test('no static resource in the org says how to deploy it or use the file', async () => {
  const client = fakeClient({ query: async () => page([]) as never });
  await assert.rejects(rulesFromOrg(client, 'uat'), (error: PpkError) => {
    assert.equal(error.code, 'RulesNotDeployed');
    assert.match(
      error.actions.join('\n'),
      /sf project deploy start --metadata StaticResource:partnerProgramRules --target-org uat/
    );
    assert.match(error.actions.join('\n'), /--rules /);
    return true;
  });
});

test('--rules wins over the org: the org is not called', async () => {
  const client = fakeClient({});
  await loadRules({ rulesFile, client });
  assert.deepEqual(client.calls, []);
});

test('ppk rules validate --rules reports the bad key and exits 1', async () => {
  const rules = JSON.parse(rulesJson()) as Record<string, unknown>;
  rules.tracks = 'none';
  const run = await runPpk([
    'rules',
    'validate',
    '--rules',
    write('bad-tracks.json', JSON.stringify(rules))
  ]);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /RulesInvalid/);
  assert.match(run.stderr, /tracks: expected/);
});
