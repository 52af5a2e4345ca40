import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../scripts/lib/csv.ts';

const ppk = fileURLToPath(new URL('../../bin/ppk.js', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [ppk, ...args], { encoding: 'utf8' });

function fixture(): { dir: string; accounts: string; registrations: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ppk-match-'));
  const accounts = join(dir, 'accounts.csv');
  const registrations = join(dir, 'registrations.csv');
  writeFileSync(
    accounts,
    'Id,Name,Website,BillingCountry\r\n' +
      '001000000000000001,"Quillfeather Company, Inc.",https://www.quillfeather.com,United States\r\n' +
      '001000000000000002,Kestrel Robotics GmbH,kestrel-robotics.de,Germany\r\n' +
      '001000000000000003,Kestrel Robotics Inc.,kestrelrobotics.com,USA\r\n'
  );
  writeFileSync(
    registrations,
    'External_Id,Customer_Name,Customer_Domain,Customer_Country\r\n' +
      'R-1,QUILLFEATHER INC,,US\r\n' +
      'R-2,Head Office,ap@quillfeather.com,US\r\n' +
      'R-3,Kestrel Robotics,,\r\n' +
      'R-4,Brand New Customer Ltd,someone@gmail.com,GB\r\n'
  );
  return { dir, accounts, registrations };
}

test('ppk match writes one prediction per registration with evidence, and a summary', () => {
  const { dir, accounts, registrations } = fixture();
  const out = join(dir, 'predictions.csv');
  const r = run('match', '--accounts', accounts, '--registrations', registrations, '--out', out);
  assert.equal(r.status, 0, r.stderr);
  const table = parseCsv(out, readFileSync(out), {
    required: ['External_Id', 'Predicted_Account_Id', 'Score', 'Evidence']
  });
  assert.deepEqual(table.header, ['External_Id', 'Predicted_Account_Id', 'Score', 'Evidence']);
  assert.equal(table.rows.length, 4);
  const byId = new Map(table.rows.map((row) => [row.values.External_Id, row.values]));
  assert.equal(byId.get('R-1')?.Predicted_Account_Id, '001000000000000001');
  assert.equal(byId.get('R-2')?.Predicted_Account_Id, '001000000000000001');
  assert.match(byId.get('R-2')?.Evidence ?? '', /domain quillfeather\.com = Website/);
  assert.equal(byId.get('R-3')?.Predicted_Account_Id, '');
  assert.match(byId.get('R-3')?.Evidence ?? '', /ambiguous/);
  assert.equal(byId.get('R-4')?.Predicted_Account_Id, '');
  assert.match(byId.get('R-4')?.Evidence ?? '', /no match/);
  assert.match(r.stdout, /matched\s+2/);
  assert.match(r.stdout, /none\s+1/);
  assert.match(r.stdout, /ambiguous\s+1/);
});

test('ppk match --json prints the counts as a JSON envelope', () => {
  const { dir, accounts, registrations } = fixture();
  const r = run(
    'match',
    '--accounts',
    accounts,
    '--registrations',
    registrations,
    '--out',
    join(dir, 'p.csv'),
    '--json'
  );
  assert.equal(r.status, 0, r.stderr);
  const envelope = JSON.parse(r.stdout) as {
    status: number;
    result: { matched: number; registrations: number };
  };
  assert.equal(envelope.status, 0);
  assert.deepEqual([envelope.result.registrations, envelope.result.matched], [4, 2]);
});

test('a registrations file without a required column is a clear error', () => {
  const { dir, accounts } = fixture();
  const registrations = join(dir, 'bad.csv');
  writeFileSync(registrations, 'External_Id,Company\r\nR-1,Acme\r\n');
  const r = run(
    'match',
    '--accounts',
    accounts,
    '--registrations',
    registrations,
    '--out',
    join(dir, 'p.csv')
  );
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /bad\.csv:1: missing required column 'Customer_Name'/);
  assert.match(r.stderr, /Try this:/);
});
