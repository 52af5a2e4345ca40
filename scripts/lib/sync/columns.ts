/**
 * Input columns: each command documents its columns with the header variants it accepts
 * ("External_Id", "External Id", "External_Id__c" are one column), and a file missing a
 * required column fails before anything is read from or written to the org.
 */
import { readFileSync } from 'node:fs';
import { decodeCsvBytes, parseCsv } from '../csv.ts';
import { JsonSyntaxError, parseJson, recordLines } from './jsonText.ts';
import { PpkError } from '../errors.ts';

export interface ColumnSpec {
  name: string;
  /** Other headers meaning the same column (compared without case, spaces, _ or __c). */
  aliases: string[];
  required: boolean;
  /** What the column holds, for --help and messages. */
  description: string;
}

export interface InputRow {
  /** The row's line in the file (a CSV header is line 1). */
  line: number;
  /** Trimmed cell text by column name ('' when blank or absent). */
  values: Record<string, string>;
}

/** An input file's data rows, with their columns already checked against the specs. */
export interface InputFile {
  file: string;
  rows: InputRow[];
  warnings: string[];
}

export const normaliseHeader = (header: string): string =>
  header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/__c$/, '')
    .replace(/[^a-z0-9]/g, '');

function delimiterHint(header: readonly string[]): string {
  if (header.length !== 1) return '';
  const only = header[0];
  if (only.includes(';'))
    return ' The file looks semicolon-separated; save it as comma-separated CSV.';
  if (only.includes('\t')) return ' The file looks tab-separated; save it as comma-separated CSV.';
  if (only.includes('|')) return ' The file looks pipe-separated; save it as comma-separated CSV.';
  return '';
}

/**
 * Which header (as written in the file) holds each spec's column; throws naming the file,
 * line 1 and the missing columns. Unknown headers are returned to be reported, not refused.
 */
export function resolveColumns(
  file: string,
  header: readonly string[],
  specs: readonly ColumnSpec[]
): { columns: Map<string, string>; ignored: string[] } {
  const index = new Map<string, number>();
  const ignored: string[] = [];
  header.forEach((raw, position) => {
    const key = normaliseHeader(raw);
    const spec = specs.find((s) => [s.name, ...s.aliases].some((a) => normaliseHeader(a) === key));
    if (!spec) {
      if (raw.trim() !== '') ignored.push(raw.trim());
      return;
    }
    if (index.has(spec.name)) {
      throw new PpkError(
        'DuplicateColumn',
        `${file}, line 1, column ${position + 1}: "${raw.trim()}" repeats the ${spec.name} column (already column ${index.get(spec.name)! + 1}).`,
        {
          actions: ['Keep one column per field.']
        }
      );
    }
    index.set(spec.name, position);
  });
  const missing = specs.filter((s) => s.required && !index.has(s.name));
  if (missing.length) {
    throw new PpkError(
      'MissingColumns',
      `${file}, line 1: missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m.name}"`).join(', ')}. ` +
        `Expected ${specs.map((s) => (s.required ? s.name : `${s.name} (optional)`)).join(', ')}; found ${header.map((h) => `"${h.trim()}"`).join(', ') || 'nothing'}.${delimiterHint(header)}`,
      { actions: ["Export the file with the documented columns (see the command's --help)."] }
    );
  }
  return {
    columns: new Map([...index].map(([name, position]) => [name, header[position]])),
    ignored
  };
}

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PpkError(
      'InputUnreadable',
      code === 'ENOENT'
        ? `${file}: no such file.`
        : `${file}: cannot be read (${code ?? String(error)}).`,
      {
        actions: ['Check the path (it is relative to the current directory).']
      }
    );
  }
}

/**
 * Reads a CSV export with the project's CSV reader (line numbers, BOM, Latin-1 detection),
 * after matching its header to `specs` (so header variants are accepted).
 */
export function readCsvInput(file: string, specs: readonly ColumnSpec[]): InputFile {
  const bytes = readBytes(file);
  const { text } = decodeCsvBytes(bytes);
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new PpkError(
      'InputEmpty',
      `${file}: the file is empty; expected a header row with ${specs
        .filter((s) => s.required)
        .map((s) => s.name)
        .join(', ')}.`,
      {
        actions: ['Export the file again: it has no header and no rows.']
      }
    );
  }
  const { columns, ignored } = resolveColumns(
    file,
    parseCsv(file, firstLine, { required: [] }).header,
    specs
  );
  const table = parseCsv(file, bytes, { required: [...columns.values()] });
  const rows = table.rows.map(({ line, values }) => {
    const mapped: Record<string, string> = {};
    for (const spec of specs)
      mapped[spec.name] = (
        columns.has(spec.name) ? (values[columns.get(spec.name)!] ?? '') : ''
      ).trim();
    return { line, values: mapped };
  });
  const warnings = [...table.warnings];
  if (ignored.length)
    warnings.push(
      `${file}: ignoring unknown column${ignored.length > 1 ? 's' : ''} ${ignored.map((c) => `"${c}"`).join(', ')}`
    );
  if (rows.length === 0) warnings.push(`${file}: the file has a header but no rows.`);
  return { file, rows, warnings };
}

export function columnHelp(specs: readonly ColumnSpec[]): string {
  return specs
    .map((s) => `  ${s.name}${s.required ? '' : ' (optional)'}: ${s.description}`)
    .join('\n');
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Reads a JSON export: an array of objects, or an object holding one such array (e.g.
 * `{ "records": [...] }`). Keys are matched to `specs` like CSV headers; each row's line is
 * where its object starts.
 */
export function readJsonInput(file: string, specs: readonly ColumnSpec[]): InputFile {
  const { text, encoding } = decodeCsvBytes(readBytes(file));
  let json: unknown;
  try {
    json = parseJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new PpkError('InputNotJson', `${file}, ${error.message}`, {
      actions: ['Fix the JSON syntax, or export the file as CSV.']
    });
  }
  const arrays =
    json && typeof json === 'object' && !Array.isArray(json)
      ? Object.values(json).filter(Array.isArray)
      : [];
  const records: unknown = Array.isArray(json) ? json : arrays.length === 1 ? arrays[0] : undefined;
  if (!Array.isArray(records)) {
    throw new PpkError(
      'InputNotRecords',
      `${file}, line 1: expected an array of records, or an object with one array of records (e.g. {"records": [...]}).`,
      {
        actions: ['Export the registrations as a JSON array.']
      }
    );
  }
  const found = recordLines(text);
  // Minified JSON puts every record on one line: number the rows by record instead.
  const byRecord =
    found.length !== records.length || found.some((line, i) => i > 0 && line <= found[i - 1]);
  const lines = byRecord ? records.map((_, i) => i + 1) : found;
  const objects = records.map((record, i) => {
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      throw new PpkError(
        'InputNotRecords',
        `${file}: record ${i + 1} is not an object (${JSON.stringify(record)?.slice(0, 40)}).`,
        {
          actions: ['Each record must be an object of field names and values.']
        }
      );
    }
    return record as Record<string, unknown>;
  });
  const header = [...new Set(objects.flatMap((o) => Object.keys(o)))];
  const { columns, ignored } = resolveColumns(file, header, specs);
  const rows = objects.map((object, i) => {
    const values: Record<string, string> = {};
    for (const spec of specs)
      values[spec.name] = columns.has(spec.name) ? cellText(object[columns.get(spec.name)!]) : '';
    return { line: lines[i], values };
  });
  const warnings: string[] = [];
  if (byRecord && records.length > 1) {
    warnings.push(`${file}: records share lines, so "line N" below means the N-th record.`);
  }
  if (encoding === 'latin1')
    warnings.push(`${file}: the file is not UTF-8; it was read as Latin-1 (ISO-8859-1).`);
  if (ignored.length)
    warnings.push(
      `${file}: ignoring unknown field${ignored.length > 1 ? 's' : ''} ${ignored.map((c) => `"${c}"`).join(', ')}`
    );
  return { file, rows, warnings };
}

/** CSV or JSON by the file's extension. */
export function readInput(file: string, specs: readonly ColumnSpec[]): InputFile {
  return /\.json$/i.test(file) ? readJsonInput(file, specs) : readCsvInput(file, specs);
}
