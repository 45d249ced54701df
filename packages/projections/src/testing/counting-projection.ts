import type { EventStore, RecordedEvent } from '@salesbook/eventstore';
import type { Projection } from '../model/projection.js';
import { defineTable, upsert, type RowReader, type RowWrite } from '../model/table.js';

/** Per-stream counts: how many events, their amounts summed, the last revision seen. */
export const streamTotals = defineTable<
  { stream: string; events: number; amount: number; last_revision: number },
  'stream'
>({
  name: 'test_stream_totals',
  columns: { stream: 'TEXT', events: 'INTEGER', amount: 'INTEGER', last_revision: 'INTEGER' },
  primaryKey: ['stream'],
});

/** Amounts summed per event type across streams (commutes across streams, as the model requires). */
export const typeTotals = defineTable<{ type: string; amount: number }, 'type'>({
  name: 'test_type_totals',
  columns: { type: 'TEXT', amount: 'INTEGER' },
  primaryKey: ['type'],
});

const amountOf = (event: RecordedEvent): number => {
  const data = event.data;
  const amount =
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)['amount']
      : undefined;
  if (typeof amount !== 'number') throw new Error(`event ${event.eventId} has no amount`);
  return amount;
};

/** The counting projection's write of `event` to its per-stream totals (which must see each stream in order). */
export function streamTotalsWrite(event: RecordedEvent, rows: RowReader): RowWrite {
  const stream = rows.get(streamTotals, { stream: event.streamName });
  if (stream !== undefined && event.revision !== stream.last_revision + 1)
    throw new Error(`revision ${event.revision} out of order`);
  return upsert(streamTotals, {
    stream: event.streamName,
    events: (stream?.events ?? 0) + 1,
    amount: (stream?.amount ?? 0) + amountOf(event),
    last_revision: event.revision,
  });
}

/** A projection for runner tests; `Poison` events fail until `fixed.value` is true (a deployed fix). */
export function countingProjection(fixed: { value: boolean } = { value: true }): Projection {
  return {
    name: 'test_counts',
    version: 1,
    tables: [streamTotals, typeTotals],
    project(event, rows) {
      if (event.type === 'Poison' && !fixed.value)
        throw new Error(`cannot apply ${event.type} at revision ${event.revision}`);
      const type = rows.get(typeTotals, { type: event.type });
      return [
        streamTotalsWrite(event, rows),
        upsert(typeTotals, { type: event.type, amount: (type?.amount ?? 0) + amountOf(event) }),
      ];
    },
  };
}

let counter = 0;

/** Appends one event of `type` with `amount` to `stream`. */
export async function append(store: EventStore, stream: string, amount: number, type = 'Counted'): Promise<void> {
  counter += 1;
  const eventId = `00000000-0000-4000-8000-${counter.toString().padStart(12, '0')}`;
  await store.appendToStream(stream, [
    { eventId, type, data: { amount }, metadata: { occurredAt: '2026-03-31T16:30:00Z' } },
  ]);
}
