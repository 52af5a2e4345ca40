import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCsv, readCsv, toCsv, writeCsv } from '../../scripts/lib/csv.ts';
import { PpkError } from '../../scripts/lib/errors.ts';

const columns = {
  required: ['External_Id', 'Customer_Name'] as const,
  optional: ['Customer_Country'] as const
};

test('reads records with the line each starts on, across quoted line breaks and blank lines', () => {
  const text = 'External_Id,Customer_Name\r\nA,One\r\nB,"Two\r\nlines"\r\n\r\nC,Three\r\n';
  const table = parseCsv('regs.csv', text, columns);
  assert.deepEqual(
    table.rows.map((row) => [row.line, row.values.External_Id]),
    [
      [2, 'A'],
      [3, 'B'],
      [6, 'C']
    ]
  );
  assert.equal(table.rows[1].values.Customer_Name, 'Two\nlines');
});

test('strips a byte-order mark and matches headers ignoring case and spacing', () => {
  const table = parseCsv(
    'regs.csv',
    '\uFEFF external id ,CUSTOMER NAME,Extra\nA,Acme,x\n',
    columns
  );
  assert.deepEqual(table.rows[0].values, {
    External_Id: 'A',
    Customer_Name: 'Acme',
    Customer_Country: ''
  });
  assert.equal(table.encoding, 'utf-8');
});

test('a missing required column is an error naming the file and the column', () => {
  assert.throws(
    () => parseCsv('data/regs.csv', 'External_Id,Name\nA,Acme\n', columns),
    (error: unknown) =>
      error instanceof PpkError &&
      error.code === 'CsvMissingColumn' &&
      error.message.includes('data/regs.csv') &&
      error.message.includes("'Customer_Name'")
  );
});

test('a file that is not UTF-8 is read as Latin-1 with a warning, or refused on request', () => {
  const latin1 = Buffer.from('External_Id,Customer_Name\nA,Nestl\xe9\n', 'latin1');
  const table = parseCsv('latin.csv', latin1, columns);
  assert.equal(table.rows[0].values.Customer_Name, 'Nestlé');
  assert.equal(table.encoding, 'latin1');
  assert.match(table.warnings[0], /latin\.csv.*not UTF-8.*Latin-1/);
  assert.throws(() => parseCsv('latin.csv', latin1, { ...columns, latin1: 'refuse' }), /not UTF-8/);
});

test('malformed CSV is an error with the file and line', () => {
  assert.throws(
    () => parseCsv('bad.csv', 'External_Id,Customer_Name\nA,"unterminated\n', columns),
    (error: unknown) =>
      error instanceof PpkError && error.code === 'CsvMalformed' && /bad\.csv/.test(error.message)
  );
});

test('a row with the wrong number of fields names its line', () => {
  assert.throws(
    () => parseCsv('short.csv', 'External_Id,Customer_Name\nA,One\nB\n', columns),
    /short\.csv:3/
  );
});

test('a missing file is a clear error', () => {
  assert.throws(() => readCsv('/no/such/file.csv', columns), /\/no\/such\/file\.csv: no such file/);
});

test('writes RFC 4180 quoting with CRLF and reads back the same values', () => {
  const text = toCsv(
    ['Id', 'Evidence'],
    [
      ['1', 'name "ACME", Inc.\nsecond line'],
      ['2', 'plain']
    ]
  );
  assert.equal(text, 'Id,Evidence\r\n1,"name ""ACME"", Inc.\nsecond line"\r\n2,plain\r\n');
  const dir = mkdtempSync(join(tmpdir(), 'ppk-csv-'));
  const file = join(dir, 'out.csv');
  writeCsv(file, ['Id', 'Evidence'], [['1', 'a, b']]);
  assert.equal(readFileSync(file, 'utf8'), 'Id,Evidence\r\n1,"a, b"\r\n');
  writeFileSync(join(dir, 'again.csv'), text);
  const table = readCsv(join(dir, 'again.csv'), { required: ['Id', 'Evidence'] });
  assert.equal(table.rows[0].values.Evidence, 'name "ACME", Inc.\nsecond line');
});
