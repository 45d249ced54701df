import type { RecordedEvent } from '@salesbook/eventstore';
import type { RowReader, RowWrite, TableSpec } from './table.js';

/** What every projection is given besides the event: settings that are configuration, not data. */
export interface ProjectionContext {
  /** IANA business time zone for day and month boundaries (default `Asia/Shanghai`). */
  readonly zone: string;
}

/**
 * A projection: a pure function of events into read-model rows.
 *
 * `project` looks at one event and the rows it needs (through `rows`) and returns the writes; it does
 * no I/O and reads no clock, so replaying the same events gives the same tables. Throwing means the
 * event cannot be applied: the runner parks it (and later events of its stream) and says so.
 *
 * Rows must depend only on the order of events within a stream (per-stream state, or sums that commute
 * across streams): a parked stream is applied later than other streams, and the digest must still match.
 *
 * @example
 * const counter: Projection = {
 *   name: 'order_count', version: 1, tables: [counts],
 *   project: (event, rows) => event.type === 'OrderConfirmed' ? [upsert(counts, bump(rows.get(counts, { id: 'all' })))] : [],
 * };
 */
export interface Projection {
  /** Unique name (`[a-z][a-z0-9_]*`), the key of its checkpoint. */
  readonly name: string;
  /** Bump when `project` or `tables` change meaning: the read model is then rebuilt from zero. */
  readonly version: number;
  readonly tables: readonly TableSpec[];
  /**
   * The event types `project` can write for, when it says: it must return no writes for any other type (a spec holds
   * every projection to that on generated history). A rebuild then skips the others before calling `project`, and a
   * batch that took none of them writes nothing, not even the checkpoint, until one comes or the rebuild catches up.
   */
  readonly handles?: ReadonlySet<string>;
  project(event: RecordedEvent, rows: RowReader, context: ProjectionContext): readonly RowWrite[];
}

/** The business instant of an event (`metadata.occurredAt`); throws when it is missing (the event is parked). */
export function occurredAt(event: RecordedEvent): string {
  const value = event.metadata['occurredAt'];
  if (typeof value !== 'string') throw new Error(`event ${event.eventId} has no metadata.occurredAt`);
  return value;
}
