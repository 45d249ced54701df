import { readFileSync } from 'node:fs';
import { CsvError, parse } from 'csv-parse/sync';
import type { Problems } from './problems.js';

/** A data row of a CSV file: its first line number and its fields by column name. */
export interface CsvRow {
  readonly line: number;
  readonly fields: Readonly<Record<string, string>>;
  /** The row has another number of fields than the header (already reported); its fields are read by position. */
  readonly malformed: boolean;
}

interface ParsedRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
  readonly raw: string;
}

/** The line a record starts on: csv-parse reports where it ends, and a quoted field may span lines. */
const startLine = (parsed: ParsedRecord): number => {
  const body = parsed.raw.replace(/^(?:\r?\n)+/, '').replace(/\r?\n$/, '');
  return parsed.info.lines - (body.match(/\n/g)?.length ?? 0);
};

/** Why `bytes` are not a CSV text at all, if they are not. */
function notText(bytes: Buffer): string | undefined {
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') return 'the file is empty (expected a header row and data rows)';
  if (bytes.includes(0)) return 'not a CSV file: it holds binary data (NUL bytes)';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'not a CSV file: it is not UTF-8 text';
  }
  return undefined;
}

function checkHeader(file: string, header: readonly string[], columns: readonly string[], problems: Problems): boolean {
  const names = header.map((name) => name.trim());
  const missing = columns.filter((column) => !names.includes(column));
  const extra = names.filter((name) => !columns.includes(name));
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  const issues = [
    missing.length > 0 ? `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : '',
    extra.length > 0 ? `unknown column${extra.length > 1 ? 's' : ''} ${extra.map((name) => `"${name}"`).join(', ')}` : '',
    repeated.length > 0 ? `repeated column${repeated.length > 1 ? 's' : ''} ${repeated.join(', ')}` : '',
  ].filter((issue) => issue !== '');
  if (issues.length === 0) return true;
  problems.add(file, 1, `header: ${issues.join('; ')} (expected: ${columns.join(',')})`);
  return false;
}

/**
 * Reads a UTF-8, comma-separated, RFC 4180 file whose header names exactly `columns` (in any order). Rows
 * with another number of fields than the header are problems; a file that is empty, binary, not UTF-8,
 * not parseable as CSV or without the right header is one problem and `undefined`.
 */
export function readCsv(file: string, columns: readonly string[], problems: Problems): CsvRow[] | undefined {
  const bytes = readFileSync(file);
  const why = notText(bytes);
  if (why !== undefined) {
    problems.add(file, 1, why);
    return undefined;
  }
  let records: ParsedRecord[];
  try {
    records = parse(bytes, { bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true }) as unknown as ParsedRecord[];
  } catch (error) {
    const line = error instanceof CsvError ? Number((error as CsvError & { lines?: number }).lines ?? 1) : 1;
    problems.add(file, line, `not a CSV file: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const [header, ...data] = records;
  if (header === undefined || !checkHeader(file, header.record, columns, problems)) return undefined;
  const names = header.record.map((name) => name.trim());
  const rows: CsvRow[] = [];
  for (const parsed of data) {
    const line = startLine(parsed);
    const malformed = parsed.record.length !== names.length;
    if (malformed) problems.add(file, line, `${parsed.record.length} field${parsed.record.length === 1 ? '' : 's'}, the header has ${names.length}`);
    // A malformed row still names its order (by position), so nothing of that order is written.
    rows.push({ line, malformed, fields: Object.fromEntries(names.map((name, index) => [name, (parsed.record[index] ?? '').trim()])) });
  }
  return rows;
}
