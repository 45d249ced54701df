import { salesbookEventRegistry, type EventEnvelope } from '@salesbook/domain';
import type { EventCodec, RecordedEvent } from '@salesbook/eventstore';
import { CliError } from '../support/cli-error.js';
import type { StoreContext } from '../support/infrastructure.js';
import { out, writeOut } from '../support/output.js';
import { safeText } from '../support/safe-text.js';
import { readerOf, readingCodec, type UnmaskOptions } from '../support/readers.js';

/** Options of `salesbook history`. */
export interface HistoryOptions extends UnmaskOptions {
  readonly json?: boolean;
}

const PAGE = 1_000;

/** A stream's events, oldest first, a page at a time, each with its decoded (masked or opened) envelope. */
async function* readWholeStream(
  context: StoreContext,
  codec: EventCodec,
  streamName: string,
): AsyncGenerator<[RecordedEvent, EventEnvelope]> {
  let fromRevision = 0;
  for (;;) {
    const page = await context.store.readStream(streamName, { fromRevision, maxCount: PAGE });
    const decoded = await codec.decode(page, salesbookEventRegistry);
    if (decoded._tag === 'Left') throw new CliError(`${streamName}: ${decoded.left.code}: ${decoded.left.message}`);
    for (const [index, event] of page.entries()) {
      const envelope = decoded.right[index];
      if (envelope !== undefined) yield [event, envelope];
    }
    const last = page.at(-1);
    if (page.length < PAGE || last === undefined) return;
    fromRevision = last.revision + 1;
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * One event as auditors see it: who, when (business and recorded), why (the reason it gives), correlation,
 * and its data as the codec decoded it (current version; personal fields masked, opened or `[erased]`).
 */
export function auditedEvent(event: RecordedEvent, envelope: EventEnvelope) {
  const actor = event.metadata['actor'];
  const who =
    typeof actor === 'object' && actor !== null && !Array.isArray(actor) ? (actor as Record<string, unknown>) : {};
  const data: unknown = envelope.data;
  const reason =
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? text((data as Record<string, unknown>)['reason'])
      : '';
  return {
    revision: event.revision,
    position: event.position.toString(),
    eventId: event.eventId,
    type: event.type,
    occurredAt: text(event.metadata['occurredAt']),
    recordedAt: event.recordedAt,
    actor: { id: text(who['id']), role: text(who['role']) },
    correlationId: text(event.metadata['correlationId']),
    causationId: text(event.metadata['causationId']),
    commandId: text(event.metadata['commandId']),
    reason,
    data,
    hash: event.metadata.hash,
  };
}

const COLUMNS = ['REV', 'OCCURRED AT', 'RECORDED AT', 'TYPE', 'ACTOR', 'CORRELATION ID', 'REASON'] as const;

const row = (event: ReturnType<typeof auditedEvent>): string[] => [
  String(event.revision),
  event.occurredAt,
  event.recordedAt,
  event.type,
  `${event.actor.id} (${event.actor.role})`,
  event.correlationId,
  event.reason.replace(/\s+/g, ' ').slice(0, 60),
];

/**
 * `salesbook history <stream>`: a table (or JSON) of every event with actor, times, correlation id and reason;
 * personal data masked, or opened with `--unmask --reader <id>` (each read logged).
 */
export async function history(context: StoreContext, streamName: string, options: HistoryOptions): Promise<void> {
  const reader = readerOf(options, `salesbook history ${streamName}`);
  const codec = readingCodec(context, reader);
  const events: ReturnType<typeof auditedEvent>[] = [];
  for await (const [event, envelope] of readWholeStream(context, codec, streamName))
    events.push(auditedEvent(event, envelope));
  if (events.length === 0) throw new CliError(`stream ${streamName} does not exist in ${context.storeName}`);
  if (options.json === true) {
    await writeOut(`${JSON.stringify({ streamName, events }, null, 2)}\n`);
    return;
  }
  const rows = [[...COLUMNS], ...events.map((event) => row(event).map(safeText))];
  const widths = COLUMNS.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length)));
  out(
    `${streamName}: ${events.length} event${events.length === 1 ? '' : 's'} (personal data ${reader === undefined ? 'masked' : `unmasked for ${reader.actorId}, read logged`})`,
  );
  for (const cells of rows)
    out(
      cells
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    );
}
