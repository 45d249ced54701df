import { Command } from '@nestjs/cqrs';
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { AccessFacts, CommandMetadata, CommandPayload, DomainError, Event } from '@salesbook/domain';
import type { CommandResult } from '@salesbook/eventstore';

/**
 * A validated command as the HTTP edge (or a policy) hands it to a handler: the payload typed from the
 * route's schema, who and when, the id and the expected revision.
 */
export interface CommandRequest<P extends CommandPayload = CommandPayload> {
  readonly payload: P;
  readonly metadata: CommandMetadata;
  /** What the sales team register says of the actor (and of a rep the command names) at the business date. */
  readonly access: AccessFacts;
  /** The `Idempotency-Key` (scoped to the actor) or a fresh UUID. */
  readonly commandId: string;
  /** From `If-Match`; -1 means the stream must not exist yet. */
  readonly expectedRevision?: number;
  /** Set by policies: the event that caused the command and its correlation. */
  readonly causationId?: string;
  readonly correlationId?: string;
}

/** What a command route answers with 201: the stream, its revision, the global position and the event types. */
export interface CommandOutcome {
  readonly streamName: string;
  readonly revision: number;
  /** Global position of the command's last event (a decimal string), for `X-Min-Position`; null for an empty stream. */
  readonly position: string | null;
  readonly events: readonly string[];
  /** Erasure only: whether this call destroyed the customer's data key (`false` when it was already gone). */
  readonly keyDestroyed?: boolean;
}

/** A handler's answer: the outcome or the business refusal. */
export type CommandReply = Either<DomainError, CommandOutcome>;

/** Base of each aggregate's message on the CommandBus (the bus routes by class): one payload union per aggregate. */
export abstract class AggregateCommand<P extends CommandPayload> extends Command<CommandReply> {
  constructor(readonly request: CommandRequest<P>) {
    super();
  }
}

/** The outcome of {@link handleCommand}'s result, for the response. */
export function toOutcome<E extends Event>(
  streamName: string,
  result: Either<DomainError, CommandResult<E>>,
): CommandReply {
  if (result._tag === 'Left') return left(result.left);
  const { events, nextExpectedRevision, position } = result.right;
  return right({
    streamName,
    revision: nextExpectedRevision,
    position: position === undefined ? null : position.toString(),
    events: events.map((event) => event.type),
  });
}
