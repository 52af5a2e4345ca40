/**
 * The validate stage every import shares: each row is checked by the command's own `validate`
 * (rejected rows settle in the ledger with the column and reason), then rows whose external id
 * appears more than once in the file are all rejected — Salesforce's external ids are unique
 * without regard to case, and which duplicate is right is not ours to guess.
 */
import type { InputFile, InputRow } from './columns.ts';
import type { Ledger } from './ledger.ts';

export type Rejection = { column: string; reason: string };

export function validateRows<T extends { line: number; externalId: string }>(
  input: InputFile,
  ledger: Ledger,
  validate: (row: InputRow) => T | Rejection,
  what: string
): T[] {
  const valid: T[] = [];
  const linesById = new Map<string, number[]>();
  for (const row of input.rows) {
    ledger.open(row.line, row.values.External_Id);
    const checked = validate(row);
    if ('reason' in checked)
      ledger.settle(row.line, {
        status: 'rejected',
        column: checked.column,
        reason: checked.reason
      });
    else valid.push(checked);
    const key = row.values.External_Id.toLowerCase();
    if (key) linesById.set(key, [...(linesById.get(key) ?? []), row.line]);
  }
  return valid.filter((row) => {
    const lines = linesById.get(row.externalId.toLowerCase())!;
    if (lines.length === 1) return true;
    ledger.settle(row.line, {
      status: 'rejected',
      column: 'External_Id',
      reason: `"${row.externalId}" appears on lines ${lines.join(', ')}: each ${what} must appear once`
    });
    return false;
  });
}
