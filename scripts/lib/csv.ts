/**
 * The project's CSV reader and writer (csv-parse / csv-stringify). Reading reports the line of
 * every record, strips a BOM, notices files that are not UTF-8 (read as Latin-1, with a
 * warning), and checks the header: required columns are matched ignoring case and spacing,
 * extra columns are ignored, a missing one is an error naming the file and the column.
 * Writing quotes per RFC 4180 (fields with commas, quotes or line breaks) with CRLF line ends.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { PpkError } from './errors.ts';

export interface CsvRow<Column extends string> {
  /** Line of the file where the record starts (the header is line 1). */
  readonly line: number;
  /** Values by the caller's column names; optional columns absent from the file are ''. */
  readonly values: Readonly<Record<Column, string>>;
}

export interface CsvTable<Column extends string> {
  readonly file: string;
  readonly rows: CsvRow<Column>[];
  /** The header as written in the file. */
  readonly header: string[];
  /** How the bytes were decoded. */
  readonly encoding: 'utf-8' | 'latin1';
  /** Things the user should know that did not stop the read (e.g. Latin-1 decoding). */
  readonly warnings: string[];
}

export interface ReadCsvOptions<Required extends string, Optional extends string> {
  readonly required: readonly Required[];
  readonly optional?: readonly Optional[];
  /** A file that is not UTF-8 is read as Latin-1 with a warning (default), or refused. */
  readonly latin1?: 'read' | 'refuse';
}

/** Header names compare ignoring case, surrounding spaces and space/underscore differences. */
export function headerKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '_');
}

/** Decodes file bytes as UTF-8, or as Latin-1 when they are not valid UTF-8. */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'latin1' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('latin1').decode(bytes), encoding: 'latin1' };
  }
}

/** Reads a CSV file; see `parseCsv`. */
export function readCsv<Required extends string, Optional extends string = never>(
  file: string,
  options: ReadCsvOptions<Required, Optional>
): CsvTable<Required | Optional> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PpkError(
      'CsvFileUnreadable',
      code === 'ENOENT' ? `${file}: no such file.` : `${file}: cannot be read (${code ?? error}).`,
      { actions: ['Check the path (it is relative to the current directory).'] }
    );
  }
  return parseCsv(file, bytes, options);
}

/** Parses CSV bytes (or text) that came from `file` (the name is used in messages). */
export function parseCsv<Required extends string, Optional extends string = never>(
  file: string,
  content: Uint8Array | string,
  options: ReadCsvOptions<Required, Optional>
): CsvTable<Required | Optional> {
  const warnings: string[] = [];
  const decoded =
    typeof content === 'string'
      ? { text: content, encoding: 'utf-8' as const }
      : decodeCsvBytes(content);
  if (decoded.encoding === 'latin1') {
    if (options.latin1 === 'refuse')
      throw new PpkError('CsvNotUtf8', `${file}: the file is not UTF-8 (it looks like Latin-1).`, {
        actions: ['Save the file as UTF-8 (in Excel: "CSV UTF-8") and run the command again.']
      });
    warnings.push(
      `${file}: the file is not UTF-8; it was read as Latin-1 (ISO-8859-1). Save it as UTF-8 to be sure accented names are read right.`
    );
  }
  // Line ends become LF first: csv-parse counts a CRLF inside a quoted field as two lines,
  // which would shift every later line number.
  const text = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: false
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    throw new PpkError(
      'CsvMalformed',
      `${file}${lines ? `:${lines}` : ''}: not valid CSV: ${(error as Error).message}`,
      {
        actions: [
          'Fields containing commas, quotes or line breaks must be double-quoted, with quotes doubled (RFC 4180).'
        ]
      }
    );
  }
  if (!records.length)
    throw new PpkError('CsvEmpty', `${file}: the file is empty (no header row).`, {
      actions: [`Expected a header row with the columns: ${options.required.join(', ')}.`]
    });

  const header = records[0].record;
  const positions = new Map<string, number>();
  header.forEach((name, index) => {
    const key = headerKey(name);
    if (!key) return;
    if (positions.has(key))
      throw new PpkError('CsvDuplicateColumn', `${file}:1: the column '${name}' appears twice.`, {
        actions: ['Remove or rename one of the two columns.']
      });
    positions.set(key, index);
  });
  const missing = options.required.filter((column) => !positions.has(headerKey(column)));
  if (missing.length)
    throw new PpkError(
      'CsvMissingColumn',
      `${file}:1: missing required column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `'${c}'`).join(', ')} (the header has: ${header.join(', ')}).`,
      {
        actions: [
          `Add the column${missing.length > 1 ? 's' : ''} to the header row (any case or spacing).`
        ]
      }
    );

  const columns = [...options.required, ...(options.optional ?? [])] as (Required | Optional)[];
  const rows: CsvRow<Required | Optional>[] = [];
  for (const { record, info } of records.slice(1)) {
    const values = {} as Record<Required | Optional, string>;
    for (const column of columns) {
      const index = positions.get(headerKey(column));
      values[column] = index === undefined ? '' : (record[index] ?? '');
    }
    // csv-parse reports the line where a record ends; quoted fields may span lines.
    const breaks = record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    const line = info.lines - breaks;
    rows.push({ line, values });
  }
  return { file, rows, header, encoding: decoded.encoding, warnings };
}

/** CSV text with RFC 4180 quoting and CRLF line ends. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return stringify([header as unknown[], ...(rows as unknown[][])], {
    record_delimiter: 'windows',
    cast: { number: (value) => String(value), boolean: (value) => (value ? 'true' : 'false') }
  });
}

/** Writes a CSV file; errors name the file. */
export function writeCsv(
  file: string,
  header: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>
): void {
  try {
    writeFileSync(file, toCsv(header, rows), 'utf8');
  } catch (error) {
    throw new PpkError(
      'CsvFileUnwritable',
      `${file}: cannot be written (${(error as NodeJS.ErrnoException).code ?? error}).`,
      { actions: ['Check that the folder exists and is writable.'] }
    );
  }
}
