import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type {
  AccessFacts,
  Command,
  Decider,
  DomainError,
  Event,
  EventRegistry,
  PeriodFacts,
  WithAccess,
} from '@salesbook/domain';
import {
  deterministicEventId,
  type EventCodec,
  type EventStore,
  type EventToWrite,
  type StreamAppend,
} from '@salesbook/eventstore';

/** A command with the ids that make it idempotent and traceable. */
export interface PlannedCommand<C> {
  readonly command: C;
  /** Deterministic, from the file's ids: a second import finds it in the stream and decides nothing. */
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId?: string;
}

/** What the handler loads for a command, as through the API: the register's access facts and the closed months. */
export interface CommandFacts {
  readonly access: AccessFacts;
  readonly periods?: PeriodFacts;
}

/** A decided event with the metadata it will be written with. */
export type EventEnvelopeLike<E> = E & { readonly metadata: EventToWrite['metadata'] };

/**
 * One stream as the import sees it: the state folded from what is stored plus what this run decided,
 * the command ids already handled, and the events waiting to be appended. Deciding goes through the
 * aggregate's real decider (`decide`, then `evolve`), exactly as `handleCommand` does, but the append is
 * left to a bulk `appendMany`.
 */
export class StreamPlan<C extends Command, E extends Event, S> {
  private pending: EventToWrite[] = [];

  private constructor(
    readonly streamName: string,
    private readonly decider: Decider<WithAccess<C>, E, S>,
    /** The facts of a command: the register's view of its actor and named rep at its business date, the closed months. */
    private readonly facts: (command: C) => CommandFacts,
    public state: S,
    /** Revision of the last stored event (-1: no stream). */
    private storedRevision: number,
    private readonly handled: Set<string>,
    /** Every event of the stream, stored and decided, as the policy reads them. */
    readonly events: EventEnvelopeLike<E>[],
  ) {}

  /** Loads the stream (unless the store was empty when the import started) and folds it. */
  static async load<C extends Command, E extends Event, S>(
    store: EventStore | undefined,
    codec: EventCodec,
    aggregate: { readonly decider: Decider<WithAccess<C>, E, S>; readonly registry: EventRegistry<E> },
    streamName: string,
    facts: (command: C) => CommandFacts,
  ): Promise<Either<DomainError, StreamPlan<C, E, S>>> {
    const { decider, registry } = aggregate;
    const recorded = store === undefined ? [] : await store.readStream(streamName);
    const decoded = await codec.decode(recorded, registry);
    if (decoded._tag === 'Left') return decoded;
    const events: EventEnvelopeLike<E>[] = decoded.right;
    const state = events.reduce<S>((folded, event) => decider.evolve(folded, event), decider.initialState());
    const handled = new Set(decoded.right.map((event) => event.metadata.commandId));
    return right(new StreamPlan(streamName, decider, facts, state, recorded.at(-1)?.revision ?? -1, handled, events));
  }

  /**
   * Decides `commands` in turn, each on the state the previous ones left, and takes their events into the
   * state and the append queue only when every one was accepted: a refused command leaves no trace.
   * Commands whose id the stream already holds are skipped (a second import). Answers how many commands were new and how many events they gave.
   */
  decideAll(
    commands: readonly PlannedCommand<C>[],
  ): Either<DomainError, { readonly added: number; readonly skipped: number; readonly events: number }> {
    let state = this.state;
    const decided: EventEnvelopeLike<E>[] = [];
    let skipped = 0;
    for (const planned of commands) {
      if (this.handled.has(planned.commandId)) {
        skipped += 1;
        continue;
      }
      const decision = this.decider.decide({ ...planned.command, ...this.facts(planned.command) }, state);
      if (decision._tag === 'Left') return left(decision.left);
      decision.right.forEach((event, index) => {
        state = this.decider.evolve(state, event);
        decided.push({ ...event, metadata: this.metadataOf(planned, index) });
      });
    }
    for (const planned of commands) this.handled.add(planned.commandId);
    this.state = state;
    for (const event of decided) {
      this.events.push(event);
      this.pending.push({ event: { type: event.type, data: event.data }, metadata: event.metadata });
    }
    return right({ added: commands.length - skipped, skipped, events: decided.length });
  }

  private metadataOf(planned: PlannedCommand<C>, index: number): EventToWrite['metadata'] {
    return {
      eventId: deterministicEventId(planned.commandId, this.streamName, index),
      occurredAt: planned.command.metadata.occurredAt,
      actor: planned.command.metadata.actor,
      correlationId: planned.correlationId,
      causationId: planned.causationId ?? planned.commandId,
      commandId: planned.commandId,
    };
  }

  /** Events waiting to be written. */
  get waiting(): number {
    return this.pending.length;
  }

  /** The stream's part of the next bulk append, encoded; the queue is emptied (written or, in a dry run, dropped). */
  async drain(codec: EventCodec): Promise<Either<DomainError, StreamAppend | undefined>> {
    if (this.pending.length === 0) return right(undefined);
    const encoded = await codec.encode(this.pending);
    if (encoded._tag === 'Left') return encoded;
    const expectedRevision = this.storedRevision === -1 ? ('no_stream' as const) : this.storedRevision;
    this.storedRevision += this.pending.length;
    this.pending = [];
    return right({ streamName: this.streamName, events: encoded.right, expectedRevision });
  }
}
