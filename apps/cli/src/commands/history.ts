import type { RecordedEvent } from '@salesbook/eventstore';
import { CliError } from '../support/cli-error.js';
import type { StoreContext } from '../support/infrastructure.js';
import { out, writeOut } from '../support/output.js';
import { maskPersonalData } from '../support/personal-data.js';

/** Options of `salesbook history`. */
export interface HistoryOptions {
  readonly json?: boolean;
}

const PAGE = 1_000;

/** A stream's events, oldest first, read a page at a time. */
async function* readWholeStream(context: StoreContext, streamName: string): AsyncGenerator<RecordedEvent> {
  let fromRevision = 0;
  for (;;) {
    const page = await context.store.readStream(streamName, { fromRevision, maxCount: PAGE });
    yield* page;
    const last = page.at(-1);
    if (page.length < PAGE || last === undefined) return;
    fromRevision = last.revision + 1;
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** One event as auditors see it: who, when (business and recorded), why (the reason it gives), correlation. */
export function auditedEvent(event: RecordedEvent) {
  const actor = event.metadata['actor'];
  const who = typeof actor === 'object' && actor !== null && !Array.isArray(actor) ? (actor as Record<string, unknown>) : {};
  const data = event.data;
  const reason = typeof data === 'object' && data !== null && !Array.isArray(data) ? text((data as Record<string, unknown>)['reason']) : '';
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
    data: maskPersonalData(event.data),
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

/** `salesbook history <stream>`: a table (or JSON) of every event with actor, times, correlation id and reason. */
export async function history(context: StoreContext, streamName: string, options: HistoryOptions): Promise<void> {
  const events: ReturnType<typeof auditedEvent>[] = [];
  for await (const event of readWholeStream(context, streamName)) events.push(auditedEvent(event));
  if (events.length === 0) throw new CliError(`stream ${streamName} does not exist in ${context.storeName}`);
  if (options.json === true) {
    await writeOut(`${JSON.stringify({ streamName, events }, null, 2)}\n`);
    return;
  }
  const rows = [[...COLUMNS], ...events.map(row)];
  const widths = COLUMNS.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length)));
  out(`${streamName}: ${events.length} event${events.length === 1 ? '' : 's'} (personal data masked)`);
  for (const cells of rows) out(cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
}
