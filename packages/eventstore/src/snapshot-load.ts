import { right, type Either } from 'fp-ts/lib/Either.js';
import { fold, type DomainError, type Event } from '@salesbook/domain';
import { foldRecorded, type LoadAggregateInput, type LoadedAggregate } from './load-aggregate.js';
import type { RecordedEvent } from './port.js';
import { DEFAULT_SNAPSHOT_EVERY, type SnapshotPolicy, type SnapshotStore, type StoredSnapshot } from './snapshots.js';

/** The snapshot's state, or none when there is no snapshot or it no longer reads as a state. */
async function readState<S>(
  snapshots: SnapshotStore,
  streamName: string,
  policy: SnapshotPolicy<S>,
): Promise<{ readonly revision: number; readonly state: S } | undefined> {
  const stored = await snapshots.readSnapshot(streamName, policy.schema);
  if (stored === undefined) return undefined;
  try {
    return { revision: stored.revision, state: policy.fromJson(stored.state) };
  } catch {
    return undefined;
  }
}

/** Whether `tail` is exactly the events from revision `from` on. */
const startsAt = (tail: readonly RecordedEvent[], from: number): boolean =>
  tail.every((event, index) => event.revision === from + index);

/**
 * Loads an aggregate from its snapshot and the events after it (from zero without one, or when the events read do
 * not continue the snapshot), then writes a new snapshot if at least `every` events were folded.
 */
export async function loadFromSnapshot<C, E extends Event, S>(
  input: LoadAggregateInput<C, E, S>,
  policy: SnapshotPolicy<S>,
  snapshots: SnapshotStore,
): Promise<Either<DomainError, LoadedAggregate<E, S>>> {
  const { store, streamName } = input;
  const from = await readState(snapshots, streamName, policy);
  let loaded: Either<DomainError, LoadedAggregate<E, S>> | undefined;
  if (from !== undefined) {
    const tail = await store.readStream(streamName, { fromRevision: from.revision + 1 });
    if (startsAt(tail, from.revision + 1)) loaded = await foldTail(input, from, tail);
  }
  loaded ??= await foldRecorded(input, await store.readStream(streamName));
  if (loaded._tag === 'Right' && loaded.right.events.length >= (policy.every ?? DEFAULT_SNAPSHOT_EVERY)) {
    const snapshot: StoredSnapshot = { revision: loaded.right.revision, state: policy.toJson(loaded.right.state) };
    await snapshots.writeSnapshot(streamName, policy.schema, snapshot);
  }
  return loaded;
}

/** The snapshot's state with the tail folded in; none when the stream does not end where the tail says. */
async function foldTail<C, E extends Event, S>(
  input: LoadAggregateInput<C, E, S>,
  from: { readonly revision: number; readonly state: S },
  tail: readonly RecordedEvent[],
): Promise<Either<DomainError, LoadedAggregate<E, S>> | undefined> {
  const decoded = await input.codec.decode(tail, input.registry);
  if (decoded._tag === 'Left') return decoded;
  const last = tail[tail.length - 1];
  if (last === undefined) {
    // Nothing after the snapshot: its position is the stream's last event's, read once.
    const [head] = await input.store.readStream(input.streamName, { direction: 'backwards', maxCount: 1 });
    if (head?.revision !== from.revision) return undefined;
    return right({ state: from.state, revision: from.revision, position: head.position, events: [] });
  }
  return right({
    state: fold(input.decider, decoded.right, from.state),
    revision: last.revision,
    position: last.position,
    events: decoded.right,
  });
}
