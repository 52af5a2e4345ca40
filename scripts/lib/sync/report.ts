/**
 * The run report (`--report out.csv|.json|.md`): every input row and what happened to it, plus
 * the totals. CSV cells that a spreadsheet would run as a formula are defused with a leading
 * quote, since reports are opened in Excel and rows come from outside systems.
 */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { PpkError } from '../errors.ts';
import type { LedgerCounts, LedgerRow } from './ledger.ts';

export interface SyncResult {
  command: string;
  targetOrg: string;
  dryRun: boolean;
  /** The input file, when the command reads one. */
  source?: string;
  counts: LedgerCounts;
  /** API calls the writes took (collections calls, or 1 per bulk job). */
  writeCalls: number;
  rows: LedgerRow[];
  /** Records the command derived and wrote besides the input rows (e.g. partners' track fields). */
  derived?: DerivedResult[];
}

export interface DerivedResult {
  /** What these rows are, e.g. "Track evaluation (Account)". */
  label: string;
  counts: LedgerCounts;
  rows: LedgerRow[];
}

export const REPORT_FORMATS = ['.csv', '.json', '.md'] as const;

export function checkReportPath(path: string): void {
  if (!(REPORT_FORMATS as readonly string[]).includes(extname(path).toLowerCase())) {
    throw new PpkError(
      'BadReportPath',
      `--report ${path}: the report format comes from the extension, expected ${REPORT_FORMATS.join(', ')}.`,
      {
        actions: ['Name the report e.g. report.csv, report.json or report.md.']
      }
    );
  }
}

/** Defuses `=`, `+`, `-`, `@`, tab and CR at the start of a cell (OWASP CSV injection). */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function detail(row: LedgerRow): { id: string; action: string; detail: string } {
  const { outcome } = row;
  switch (outcome.status) {
    case 'written':
      return {
        id: outcome.id ?? '',
        action: outcome.action,
        detail: [outcome.fields.join(' '), outcome.note].filter(Boolean).join('; ')
      };
    case 'unchanged':
      return { id: outcome.id, action: '', detail: outcome.note ?? '' };
    case 'rejected':
      return {
        id: '',
        action: '',
        detail: outcome.column ? `${outcome.column}: ${outcome.reason}` : outcome.reason
      };
    case 'skipped':
      return { id: '', action: '', detail: outcome.reason };
  }
}

function statusWord(row: LedgerRow, dryRun: boolean): string {
  return dryRun && row.outcome.status === 'written' ? 'would write' : row.outcome.status;
}

const mdCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

export function renderReport(result: SyncResult, format: (typeof REPORT_FORMATS)[number]): string {
  if (format === '.json') return `${JSON.stringify(result, null, 2)}\n`;
  const sections = [
    { label: result.source ?? result.command, counts: result.counts, rows: result.rows },
    ...(result.derived ?? [])
  ];
  const lines = sections.flatMap((section) =>
    section.rows.map((row) => ({
      section: section.label,
      row,
      status: statusWord(row, result.dryRun),
      ...detail(row)
    }))
  );
  if (format === '.csv') {
    return stringify(
      lines.map((l) => [
        l.section,
        String(l.row.line),
        safeCell(l.row.key),
        l.status,
        l.action,
        l.id,
        safeCell(l.detail)
      ]),
      { header: true, columns: ['source', 'line', 'key', 'status', 'action', 'id', 'detail'] }
    );
  }
  return [
    `# ppk ${result.command}${result.dryRun ? ' (dry run: nothing was written)' : ''}`,
    '',
    `Org: ${result.targetOrg}${result.source ? ` · input: ${mdCell(result.source)}` : ''}`,
    '',
    '| source | rows | written | created | updated | unchanged | rejected | skipped |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...sections.map(
      ({ label, counts: c }) =>
        `| ${mdCell(label)} | ${c.rows} | ${c.written} | ${c.created} | ${c.updated} | ${c.unchanged} | ${c.rejected} | ${c.skipped} |`
    ),
    '',
    '| source | line | key | status | action | id | detail |',
    '|---|---:|---|---|---|---|---|',
    ...lines.map(
      (l) =>
        `| ${mdCell(l.section)} | ${l.row.line} | ${mdCell(l.row.key)} | ${l.status} | ${l.action} | ${l.id} | ${mdCell(l.detail)} |`
    ),
    ''
  ].join('\n');
}

export function writeReport(path: string, result: SyncResult): void {
  checkReportPath(path);
  writeFileSync(
    path,
    renderReport(result, extname(path).toLowerCase() as (typeof REPORT_FORMATS)[number])
  );
}
