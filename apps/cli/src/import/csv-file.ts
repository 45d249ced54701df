import { readFileSync } from 'node:fs';
import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import { joinReasons, say } from '../i18n/messages.js';
import { columnLabel, columnOf } from './columns.js';
import type { Problems } from './problems.js';
import { decodeText, type TextEncodingChoice } from './text-encoding.js';

/** A data row of a CSV file: its first line number and its fields by column name. */
export interface CsvRow {
  readonly line: number;
  readonly fields: Readonly<Record<string, string>>;
  /** The row has another number of fields than the header (already reported); its fields are read by position. */
  readonly malformed: boolean;
}

// csv-parse's types describe plain rows whatever the options; with `info` and `raw` each record comes wrapped.
const ParsedRecords = z.array(
  z.object({ record: z.array(z.string()), info: z.object({ lines: z.number() }), raw: z.string() }),
);
type ParsedRecord = z.infer<typeof ParsedRecords>[number];

/** The line a record starts on: csv-parse reports where it ends, and a quoted field may span lines. */
const startLine = (parsed: ParsedRecord): number => {
  const body = parsed.raw.replace(/^(?:\r?\n)+/, '').replace(/\r?\n$/, '');
  return parsed.info.lines - (body.match(/\n/g)?.length ?? 0);
};

const ENCODING_NAMES: Readonly<Record<TextEncodingChoice, string>> = {
  auto: 'UTF-8 or GB18030',
  'utf-8': 'UTF-8',
  gb18030: 'GB18030',
};

/** The text of a CSV file, or why its bytes are not a CSV text at all. */
function textOf(bytes: Buffer, encoding: TextEncodingChoice): { text: string } | { why: string } {
  if (bytes.includes(0)) return { why: say('file.binary') };
  const decoded = decodeText(bytes, encoding);
  if (decoded === undefined) return { why: say('file.notText', { encoding: ENCODING_NAMES[encoding] }) };
  if (decoded.text.trim() === '') return { why: say('file.empty') };
  return { text: decoded.text };
}

function checkHeader(file: string, names: readonly string[], columns: readonly string[], problems: Problems): boolean {
  const missing = columns.filter((column) => !names.includes(column));
  const extra = names.filter((name) => !columns.includes(name));
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  const issues = [
    missing.length > 0
      ? say('header.missing', { count: missing.length, names: missing.map(columnLabel).join(', ') })
      : '',
    extra.length > 0
      ? say('header.unknown', { count: extra.length, names: extra.map((name) => `"${name}"`).join(', ') })
      : '',
    repeated.length > 0
      ? say('header.repeated', { count: repeated.length, names: repeated.map(columnLabel).join(', ') })
      : '',
  ].filter((issue) => issue !== '');
  if (issues.length === 0) return true;
  problems.add(
    file,
    1,
    say('header.problems', { issues: joinReasons(issues), columns: columns.map(columnLabel).join(',') }),
  );
  return false;
}

/**
 * Reads a comma-separated, RFC 4180 file in UTF-8 (with or without a BOM) or GB18030 whose header names exactly
 * `columns` (in any order), each by its English name or its Chinese header (`columns.ts`). Rows with another
 * number of fields than the header are problems; a file that is empty, binary, not text in the encoding, not
 * parseable as CSV or without the right header is one problem and `undefined`.
 */
export function readCsv(
  file: string,
  columns: readonly string[],
  problems: Problems,
  encoding: TextEncodingChoice = 'auto',
): CsvRow[] | undefined {
  const read = textOf(readFileSync(file), encoding);
  if ('why' in read) {
    problems.add(file, 1, read.why);
    return undefined;
  }
  let records: ParsedRecord[];
  try {
    records = ParsedRecords.parse(
      parse(read.text, { info: true, raw: true, relax_column_count: true, skip_empty_lines: true }),
    );
  } catch (error) {
    const line = error instanceof CsvError ? Number((error as CsvError & { lines?: number }).lines ?? 1) : 1;
    problems.add(file, line, say('file.notCsv', { reason: error instanceof Error ? error.message : String(error) }));
    return undefined;
  }
  const [header, ...data] = records;
  const names = header?.record.map((name) => columnOf(name.trim())) ?? [];
  if (header === undefined || !checkHeader(file, names, columns, problems)) return undefined;
  const rows: CsvRow[] = [];
  for (const parsed of data) {
    const line = startLine(parsed);
    const malformed = parsed.record.length !== names.length;
    if (malformed)
      problems.add(file, line, say('row.fieldCount', { count: parsed.record.length, header: names.length }));
    // A malformed row still names its order (by position), so nothing of that order is written.
    rows.push({
      line,
      malformed,
      fields: Object.fromEntries(names.map((name, index) => [name, (parsed.record[index] ?? '').trim()])),
    });
  }
  return rows;
}
