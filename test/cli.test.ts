import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ppk = fileURLToPath(new URL('../bin/ppk.js', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [ppk, ...args], { encoding: 'utf8' });

test('ppk --help lists the program and exits 0', () => {
  const r = run('--help');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /Usage: ppk/);
});

test('ppk --version prints the package version', () => {
  const r = run('--version');
  assert.equal(r.status, 0);
  assert.match(r.stdout.trim(), /^\d+\.\d+\.\d+$/);
});

test('an unknown command is a usage error with a non-zero exit', () => {
  const r = run('no-such-topic');
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /unknown command|too many arguments/);
});
