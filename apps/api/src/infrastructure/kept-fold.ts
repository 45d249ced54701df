import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import {
  fold,
  personalFieldsOf,
  type Decider,
  type DomainError,
  type Event,
  type EventRegistry,
} from '@salesbook/domain';
import { loadAggregate, type EventCodec, type EventStore, type RecordedEvent } from '@salesbook/eventstore';

/** The one stream a {@link KeptFold} folds, and how. */
export interface KeptFoldInput<C, E extends Event, S> {
  readonly store: EventStore;
  readonly codec: EventCodec;
  readonly decider: Decider<C, E, S>;
  readonly registry: EventRegistry<E>;
  readonly streamName: string;
}

/** Whether `tail` is exactly the stream's events from revision `from` on. */
const continues = (tail: readonly RecordedEvent[], from: number): boolean =>
  tail.every((event, index) => event.revision === from + index);

/**
 * A shared register's state (one stream every instance reads, such as the sales team register), folded once and
 * kept: each use reads the stream after the kept revision (usually nothing) and folds only that, so a change
 * written through any instance is seen at the next use, as when the whole stream was read for every request.
 *
 * Only for streams whose events carry no personal data: a kept state is never erased with a customer's key.
 * Only on a store whose revisions are dense (`revisionsExact`); elsewhere every use folds the whole stream.
 */
export class KeptFold<C, E extends Event, S> {
  private kept: { readonly state: S; readonly revision: number } | undefined;

  constructor(private readonly input: KeptFoldInput<C, E, S>) {
    const personal = input.registry.types.filter((type) => personalFieldsOf(type).length > 0);
    if (personal.length > 0)
      throw new Error(`${input.streamName} holds personal data (${personal.join(', ')}): its fold must not be kept`);
  }

  /** The stream's state now: the kept state with the events written since folded onto it. */
  async current(): Promise<Either<DomainError, S>> {
    const { store, codec, decider, registry, streamName } = this.input;
    const kept = this.kept;
    if (kept !== undefined && store.revisionsExact === true) {
      const from = kept.revision + 1;
      const tail = await store.readStream(streamName, { fromRevision: from });
      if (tail.length === 0) return right(kept.state);
      if (continues(tail, from)) {
        const decoded = await codec.decode(tail, registry);
        if (isLeft(decoded)) return decoded;
        return right(this.keep(fold(decider, decoded.right, kept.state), from + tail.length - 1));
      }
    }
    const loaded = await loadAggregate({ store, codec, decider, registry, streamName });
    if (isLeft(loaded)) return loaded;
    return right(this.keep(loaded.right.state, loaded.right.revision));
  }

  /** Keeps a state unless a later one is kept already (two uses may read the stream at once). */
  private keep(state: S, revision: number): S {
    if (this.kept === undefined || this.kept.revision <= revision) this.kept = { state, revision };
    return state;
  }
}
