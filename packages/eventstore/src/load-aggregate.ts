import { left, right, type Either } from 'fp-ts/lib/Either.js';
import {
  domainError,
  fold,
  type Decider,
  type DomainError,
  type Event,
  type EventEnvelope,
  type EventRegistry,
} from '@salesbook/domain';
import type { EventCodec } from './event-codec.js';
import type { EventStore, RecordedEvent } from './port.js';
import { loadFromSnapshot } from './snapshot-load.js';
import type { SnapshotPolicy } from './snapshots.js';

/** An aggregate folded from its stream. */
export interface LoadedAggregate<E extends Event, S> {
  readonly state: S;
  /** Revision of the last event folded; -1 when there is none (no stream, or nothing before `asOf`). */
  readonly revision: number;
  /** Global position of the last event folded, if any. */
  readonly position: bigint | undefined;
  /** The events folded, upcast to their current versions (after the snapshot, when one was used). */
  readonly events: readonly EventEnvelope<E>[];
}

/** A point in an aggregate's history: events up to a business time, up to a revision, or both. */
export interface AsOf {
  /** ISO 8601 time: events whose `occurredAt` is at or before it (the stream's prefix up to the first later one). */
  readonly time?: string;
  /** Last revision to include. */
  readonly revision?: number;
}

/** What {@link loadAggregate} needs. */
export interface LoadAggregateInput<C, E extends Event, S> {
  readonly store: EventStore;
  readonly codec: EventCodec;
  readonly decider: Decider<C, E, S>;
  /** The aggregate's events: the stream is decoded as these, and any other type is refused. */
  readonly registry: EventRegistry<E>;
  readonly streamName: string;
  readonly asOf?: AsOf;
  /**
   * Start from the stream's snapshot, and write one when many events were folded after it, if the store keeps
   * snapshots. Ignored with `asOf`. `events` then holds only the events folded after the snapshot.
   */
  readonly snapshot?: SnapshotPolicy<S>;
}

/** The recorded events of a stream up to `asOf`. */
async function readUpTo(
  store: EventStore,
  streamName: string,
  asOf: AsOf | undefined,
): Promise<Either<DomainError, readonly RecordedEvent[]>> {
  if (asOf?.revision !== undefined && (!Number.isInteger(asOf.revision) || asOf.revision < -1)) {
    return left(
      domainError('AS_OF_INVALID', `revision ${asOf.revision} is not a revision`, { revision: asOf.revision }),
    );
  }
  const until = asOf?.time === undefined ? undefined : Date.parse(asOf.time);
  if (until !== undefined && Number.isNaN(until)) {
    return left(domainError('AS_OF_INVALID', `${String(asOf?.time)} is not an ISO 8601 time`, { time: asOf?.time }));
  }
  const maxCount = asOf?.revision === undefined ? undefined : asOf.revision + 1;
  const recorded = await store.readStream(streamName, maxCount === undefined ? {} : { maxCount });
  if (until === undefined) return right(recorded);
  const after = recorded.findIndex((event) => {
    const occurredAt = event.metadata['occurredAt'];
    return typeof occurredAt === 'string' && Date.parse(occurredAt) > until;
  });
  return right(after === -1 ? recorded : recorded.slice(0, after));
}

/**
 * Loads a stream, decodes (upcasting old versions) and folds it: the current state of an aggregate,
 * or its state as of a time or revision for auditors.
 *
 * @example
 * const loaded = await loadAggregate({ store, codec, decider: orderDecider, registry: orderEventRegistry, streamName: 'order-42', asOf: { time: '2024-03-31T16:00:00Z' } });
 */
export async function loadAggregate<C, E extends Event, S>(
  input: LoadAggregateInput<C, E, S>,
): Promise<Either<DomainError, LoadedAggregate<E, S>>> {
  const snapshots = input.store.snapshots;
  if (input.snapshot !== undefined && snapshots !== undefined && input.asOf === undefined)
    return loadFromSnapshot(input, input.snapshot, snapshots);
  const recorded = await readUpTo(input.store, input.streamName, input.asOf);
  if (recorded._tag === 'Left') return recorded;
  return foldRecorded(input, recorded.right);
}

/** Decodes and folds recorded events (shared by {@link loadAggregate} and command handling). */
export async function foldRecorded<C, E extends Event, S>(
  input: Pick<LoadAggregateInput<C, E, S>, 'codec' | 'decider' | 'registry'>,
  recorded: readonly RecordedEvent[],
): Promise<Either<DomainError, LoadedAggregate<E, S>>> {
  const decoded = await input.codec.decode(recorded, input.registry);
  if (decoded._tag === 'Left') return decoded;
  const last = recorded[recorded.length - 1];
  return right({
    state: fold(input.decider, decoded.right),
    revision: last?.revision ?? -1,
    position: last?.position,
    events: decoded.right,
  });
}
