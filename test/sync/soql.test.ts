import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import { unquote } from '../../local-org/soql/literals.ts';
import {
  inChunks,
  selectQuery,
  soqlDate,
  soqlDateTime,
  soqlIn,
  soqlLike,
  soqlName,
  soqlString,
  soqlValue
} from '../../scripts/lib/soql.ts';

test('soqlString escapes quotes, backslashes and control characters', () => {
  assert.equal(soqlString("O'Brien"), "'O\\'Brien'");
  assert.equal(soqlString('C:\\temp'), "'C:\\\\temp'");
  assert.equal(soqlString('say "hi"'), '\'say \\"hi\\"\'');
  assert.equal(soqlString('a\nb\r\tc'), "'a\\nb\\r\\tc'");
  assert.equal(soqlString("\\'"), "'\\\\\\''");
});

test('soqlString keeps unicode as is and round-trips through a SOQL literal reader', () => {
  const samples = [
    'Müller & Söhne',
    '株式会社テスト',
    "l'Été \\ 'quoted' \"dq\"\n",
    '🚀 rocket',
    "' OR Name != '"
  ];
  for (const value of samples) {
    const literal = soqlString(value);
    assert.equal(unquote(literal), value);
    // An injection attempt stays one literal: the parsed WHERE has exactly one condition.
    const parsed = parseQuery(`SELECT Id FROM Account WHERE Name = ${literal}`);
    const where = parsed.where as { left: { value: string }; right?: unknown };
    assert.equal(where.right, undefined);
    assert.equal(where.left.value, literal);
  }
});

test('soqlLike escapes wildcards so they match literally', () => {
  assert.equal(soqlLike('50%_off'), "'50\\%\\_off'");
  assert.equal(soqlLike("O'B", 'contains'), "'%O\\'B%'");
  assert.equal(soqlLike('Acme', 'startsWith'), "'Acme%'");
  assert.equal(unquote(soqlLike('50%_off'), true), '50\\%\\_off');
});

test('soqlIn quotes every value and refuses an empty list', () => {
  assert.equal(soqlIn(['a', "b'c"]), "('a','b\\'c')");
  assert.throws(() => soqlIn([]), /at least one value/);
});

test('date and datetime literals are unquoted and UTC', () => {
  assert.equal(soqlDate('2026-02-28'), '2026-02-28');
  assert.equal(soqlDate(new Date(Date.UTC(2026, 0, 5, 23, 0))), '2026-01-05');
  assert.throws(() => soqlDate('2026-13-01'), /YYYY-MM-DD/);
  assert.throws(() => soqlDate("2026-01-01' OR Id != '"), /YYYY-MM-DD/);
  assert.equal(soqlDateTime('2026-01-05T10:00:00.123+02:00'), '2026-01-05T08:00:00Z');
  assert.throws(() => soqlDateTime('yesterday'), /expected a datetime/);
});

test('soqlValue writes numbers, booleans and null; refuses NaN', () => {
  assert.equal(soqlValue(12.5), '12.5');
  assert.equal(soqlValue(false), 'false');
  assert.equal(soqlValue(null), 'null');
  assert.equal(soqlValue("x'"), "'x\\''");
  assert.throws(() => soqlValue(Number.NaN), /cannot express/);
});

test('selectQuery checks names and joins conditions', () => {
  assert.equal(
    selectQuery('Account', ['Id', 'Owner.Name'], {
      where: ["Name = 'x'", 'IsDeleted = false'],
      limit: 5
    }),
    "SELECT Id, Owner.Name FROM Account WHERE (Name = 'x') AND (IsDeleted = false) LIMIT 5"
  );
  assert.throws(() => soqlName('Id, (SELECT Id FROM Contacts)'), /not a SOQL/);
});

test('inChunks keeps each IN list under the size limit and loses no value', () => {
  const values = Array.from({ length: 1000 }, (_, i) => `EXT-${i}'`);
  const chunks = inChunks(values, 2000);
  assert.ok(chunks.length > 1);
  assert.deepEqual(chunks.flat(), values);
  for (const chunk of chunks) assert.ok(soqlIn(chunk).length <= 2001);
});
