import { salesbookEventRegistry, STREAM_CATEGORIES, streamCategory } from '@salesbook/domain';
import type { EventCodec, RecordedEvent } from '@salesbook/eventstore';
import { endOfBusinessDate } from '@salesbook/projections';
import { businessInstant, isCalendarDate } from '../support/business-time.js';
import { CliError } from '../support/cli-error.js';
import type { StoreContext } from '../support/infrastructure.js';
import { note } from '../support/output.js';
import { PAGE_SIZE, readEverything } from '../support/read-all.js';
import { readerOf, readingCodec, type UnmaskOptions } from '../support/readers.js';
import { openSink, type Sink } from '../support/sink.js';

/** Options of `salesbook export`. */
export interface ExportOptions extends UnmaskOptions {
  readonly format?: string;
  readonly category?: string;
  readonly from?: string;
  readonly to?: string;
  readonly output?: string;
}

/**
 * One exported event as NDJSON: exactly what the store holds (hash included, personal fields sealed), so
 * `import-events` can load it and chains verify. An opened export (`--unmask`) marks each line
 * `form: "opened"`: its data is decoded (plaintext or `[erased]`), no longer what the hash covers.
 */
export const exportedEvent = (event: RecordedEvent, opened = false) => ({
  ...(opened ? { form: 'opened' } : {}),
  streamName: event.streamName,
  revision: event.revision,
  position: event.position.toString(),
  eventId: event.eventId,
  type: event.type,
  data: event.data,
  metadata: event.metadata,
  recordedAt: event.recordedAt,
});

const CSV_COLUMNS = [
  'position',
  'stream_name',
  'revision',
  'event_id',
  'type',
  'occurred_at',
  'recorded_at',
  'actor_id',
  'actor_role',
  'correlation_id',
  'causation_id',
  'command_id',
  'data',
  'metadata',
];

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
const csvField = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const field = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);

function csvLine(event: RecordedEvent): string {
  const { metadata } = event;
  const actor = (
    typeof metadata['actor'] === 'object' && metadata['actor'] !== null ? metadata['actor'] : {}
  ) as Record<string, unknown>;
  const cells = [
    event.position.toString(),
    event.streamName,
    String(event.revision),
    event.eventId,
    event.type,
    field(metadata['occurredAt']),
    event.recordedAt,
    field(actor['id']),
    field(actor['role']),
    field(metadata['correlationId']),
    field(metadata['causationId']),
    field(metadata['commandId']),
    JSON.stringify(event.data),
    JSON.stringify(metadata),
  ];
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** Reads `--from`/`--to`: an ISO instant, or a business date (its start for `from`, its end for `to`). */
function instantOf(option: '--from' | '--to', value: string | undefined, zone: string): number | undefined {
  if (value === undefined) return undefined;
  if (isCalendarDate(value))
    return Date.parse(option === '--from' ? businessInstant(value, zone, 0) : endOfBusinessDate(value, zone));
  const parsed = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(parsed))
    throw new CliError(`${option}: "${value}" is neither a date (2026-03-31) nor an ISO 8601 time`, 2);
  return parsed;
}

function categoriesOf(value: string | undefined): ReadonlySet<string> | undefined {
  if (value === undefined) return undefined;
  const chosen = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const unknown = chosen.filter((item) => !(STREAM_CATEGORIES as readonly string[]).includes(item));
  if (unknown.length > 0)
    throw new CliError(`--category: unknown ${unknown.join(', ')} (categories: ${STREAM_CATEGORIES.join(', ')})`, 2);
  return new Set(chosen);
}

/** Writes a batch of events, decoded by `codec` first when the export is opened (one logged read per batch). */
async function writeBatch(
  sink: Sink,
  format: string,
  batch: readonly RecordedEvent[],
  codec: EventCodec | undefined,
): Promise<void> {
  let events = batch;
  if (codec !== undefined) {
    const decoded = await codec.decode(batch, salesbookEventRegistry);
    if (decoded._tag === 'Left') throw new CliError(`export: ${decoded.left.code}: ${decoded.left.message}`);
    events = batch.map((event, index) => ({
      ...event,
      data: (decoded.right[index]?.data ?? event.data) as RecordedEvent['data'],
    }));
  }
  for (const event of events)
    await sink.write(
      format === 'csv' ? csvLine(event) : `${JSON.stringify(exportedEvent(event, codec !== undefined))}\n`,
    );
}

/**
 * `salesbook export`: events in global order as NDJSON (default) or CSV, filtered by stream category and by
 * business time (`metadata.occurredAt`, `--from` and `--to` inclusive), streamed page by page. By default
 * the stored form (personal fields sealed; no key needed); `--unmask --reader <id>` opens them (logged).
 */
export async function exportEvents(context: StoreContext, options: ExportOptions): Promise<void> {
  const format = options.format ?? 'ndjson';
  if (format !== 'ndjson' && format !== 'csv') throw new CliError(`--format: "${format}" is not ndjson or csv`, 2);
  const categories = categoriesOf(options.category);
  const from = instantOf('--from', options.from, context.config.timeZone);
  const to = instantOf('--to', options.to, context.config.timeZone);
  const reader = readerOf(
    options,
    `salesbook export${options.category === undefined ? '' : ` --category ${options.category}`}`,
  );
  const codec = reader === undefined ? undefined : readingCodec(context, reader);
  const sink = openSink(options.output);
  let written = 0;
  let batch: RecordedEvent[] = [];
  try {
    if (format === 'csv') await sink.write(`${CSV_COLUMNS.join(',')}\r\n`);
    for await (const event of readEverything(context.store)) {
      if (categories !== undefined && !categories.has(streamCategory(event.streamName) ?? '')) continue;
      const at = Date.parse(field(event.metadata['occurredAt']));
      if ((from !== undefined && !(at >= from)) || (to !== undefined && !(at <= to))) continue;
      batch.push(event);
      written += 1;
      if (batch.length >= PAGE_SIZE) {
        await writeBatch(sink, format, batch, codec);
        batch = [];
      }
    }
    await writeBatch(sink, format, batch, codec);
  } finally {
    await sink.close();
  }
  note(
    `exported ${written} event${written === 1 ? '' : 's'} (${reader === undefined ? 'stored form, personal data sealed' : `opened for ${reader.actorId}, read logged; not loadable by import-events`}) from ${context.storeName}${options.output === undefined || options.output === '-' ? '' : ` to ${options.output}`}`,
  );
}
