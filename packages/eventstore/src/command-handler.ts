import { left, right, type Either } from 'fp-ts/lib/Either.js';
import {
  domainError,
  type Command,
  type Decider,
  type DomainError,
  type Event,
  type EventEnvelope,
  type EventRegistry,
} from '@salesbook/domain';
import { EventIdConflictError, revisionMatches, WrongExpectedRevisionError } from './errors.js';
import type { EventCodec } from './event-codec.js';
import { deterministicEventId } from './event-id.js';
import { GENESIS_HASH, linkEvents } from './hash-chain.js';
import { loadCommandStart, type CommandStart } from './command-state.js';
import { rememberAppended } from './remember-appended.js';
import type { AppendResult, EventStore, ExpectedRevision, NewEvent, RecordedEvent } from './port.js';
import type { AggregateStateCache } from './state-cache.js';

/** The start of an attempt that decides: a folded state. */
type FoldedStart<S> = Extract<CommandStart<S>, { kind: 'state' }>;

/** What {@link handleCommand} needs besides the command. */
export interface HandleCommandOptions<C extends Command, E extends Event, S> {
  readonly store: EventStore;
  readonly codec: EventCodec;
  readonly decider: Decider<C, E, S>;
  /** The aggregate's events: the stream is decoded as these, and any other type is refused. */
  readonly registry: EventRegistry<E>;
  readonly streamName: string;
  /** Makes the command retry-safe: a repeat returns the first result and appends nothing. */
  readonly commandId: string;
  /** Defaults to the command id. */
  readonly correlationId?: string;
  /** Defaults to the command id. */
  readonly causationId?: string;
  /** The client's If-Match (-1 means no stream yet): checked once, never retried. */
  readonly expectedRevision?: ExpectedRevision;
  /** Reloads and decides again this many times after a concurrent append (default 5). */
  readonly maxRetries?: number;
  /**
   * Folded states kept between commands, so a command reads only the events after the state it finds (used only
   * with a store whose `revisionsExact` is true). It holds decoded events' values: leave it out for aggregates whose
   * personal data must not outlive its key in memory.
   */
  readonly stateCache?: AggregateStateCache;
  /**
   * A hint that the stream does not exist yet (a command that creates its aggregate under a new id, such as a
   * customer's registration). With a store whose `revisionsExact` is true, the first attempt decides on the decider's
   * initial state without reading the stream, and only the append at `no_stream` confirms it: a stream that exists
   * after all (another writer's, or this command's earlier run) fails that append, and the command is decided again
   * from a read. Ignored with the client's `expectedRevision`, which is checked against a read.
   */
  readonly expectNewStream?: boolean;
}

/**
 * The command, or how to make it from the state read, for a decider input that depends on the aggregate
 * (ConfirmOrder needs the customer its order names): the stream is read once per attempt either way.
 */
export type CommandSource<C, S> = { readonly command: C } | { readonly commandFor: (state: S) => Promise<C> };

/** What {@link handleCommand} needs. */
export type HandleCommandInput<C extends Command, E extends Event, S> = HandleCommandOptions<C, E, S> &
  CommandSource<C, S>;

/** What a handled command appended (or, for a repeat, had appended the first time). */
export interface CommandResult<E extends Event> {
  readonly events: readonly EventEnvelope<E>[];
  /** The stream's revision after the command; -1 if the stream still has no events. */
  readonly nextExpectedRevision: number;
  /** Global position of the command's last event (or of the stream's last one when it appended nothing). */
  readonly position: bigint | undefined;
}

/**
 * `unconfirmed`: decided on a cached state taken unread, and no append landed right after it, so the outcome may be
 * another writer's doing and is not answered.
 */
type Attempt<E extends Event> = Either<DomainError, CommandResult<E>> | 'conflict' | 'unconfirmed';

/**
 * Loads the stream, folds it, decides, and appends at the revision it read. After a concurrent append it
 * reloads and decides again, up to `maxRetries` times, then answers `STREAM_REVISION_CONFLICT`; with the
 * client's `expectedRevision` it never retries. Store failures other than conflicts are thrown. With a `stateCache`,
 * a stream's kept state is decided on without a read, and the append at its head's revision confirms it (one that
 * does not land right after it, a refusal or a no-op is decided again, once, from a read of the events after the
 * state kept: see command-state.ts); with the client's `expectedRevision` that read comes first. `expectNewStream`
 * does the same for a stream not kept: the initial state, unread, confirmed only by an append at `no_stream`.
 *
 * @example
 * const result = await handleCommand({ store, codec, decider: orderDecider, registry: orderEventRegistry, streamName: orderStream(id), command, commandId });
 */
export async function handleCommand<C extends Command, E extends Event, S>(
  input: HandleCommandInput<C, E, S>,
): Promise<Either<DomainError, CommandResult<E>>> {
  const clientExpected = input.expectedRevision === -1 ? 'no_stream' : input.expectedRevision;
  const attempts = clientExpected === undefined ? Math.max(0, input.maxRetries ?? 5) + 1 : 1;
  let actual: number | 'no_stream' = 'no_stream';
  // A cached state is tried unread first; the client's If-Match is checked against a read instead.
  let unread = clientExpected === undefined;
  let attempt = 1;
  while (attempt <= attempts) {
    const start = await loadCommandStart(input, { unread });
    unread = false;
    if (start._tag === 'Left') return start;
    if (start.right.kind === 'repeat') return repeatResult(input, start.right.handled);
    actual = start.right.head?.revision ?? 'no_stream';
    const outcome = await attemptOnce(input, clientExpected, start.right);
    // Not an attempt: decided again from a read, the cached state kept (it is still the stream up to its head).
    if (outcome === 'unconfirmed') continue;
    if (outcome !== 'conflict') return outcome;
    input.stateCache?.delete(input.streamName);
    attempt += 1;
  }
  return left(
    domainError(
      'STREAM_REVISION_CONFLICT',
      `${input.streamName} changed while the command was decided; reload and try again`,
      {
        streamName: input.streamName,
        expected: clientExpected ?? 'the revision read',
        actual,
        attempts,
      },
    ),
  );
}

async function attemptOnce<C extends Command, E extends Event, S>(
  input: HandleCommandInput<C, E, S>,
  clientExpected: ExpectedRevision | undefined,
  start: FoldedStart<S>,
): Promise<Attempt<E>> {
  const { head } = start;
  if (clientExpected !== undefined && !revisionMatches(clientExpected, head?.revision)) return 'conflict';
  const command = 'command' in input ? input.command : await input.commandFor(start.state);
  const decision = input.decider.decide(command, start.state);
  // A refusal or a no-op writes nothing that would tell whether the state was current.
  if (!start.verified && (decision._tag === 'Left' || decision.right.length === 0)) return 'unconfirmed';
  if (decision._tag === 'Left') return decision;
  if (decision.right.length === 0)
    return right({ events: [], nextExpectedRevision: head?.revision ?? -1, position: head?.position });
  try {
    return await append(input, command, decision.right, start);
  } catch (error) {
    input.stateCache?.delete(input.streamName);
    throw error;
  }
}

/** Encodes and appends the decided events at the revision the decision read. */
async function append<C extends Command, E extends Event, S>(
  input: HandleCommandInput<C, E, S>,
  command: C,
  decided: readonly E[],
  start: FoldedStart<S>,
): Promise<Attempt<E>> {
  const { codec, commandId, streamName } = input;
  const { head } = start;
  const toWrite = decided.map((event, index) => ({
    event,
    metadata: {
      eventId: deterministicEventId(commandId, streamName, index),
      occurredAt: command.metadata.occurredAt,
      actor: command.metadata.actor,
      correlationId: input.correlationId ?? commandId,
      causationId: input.causationId ?? commandId,
      commandId,
    },
  }));
  const encoded = await codec.encode(toWrite);
  if (encoded._tag === 'Left') return start.verified ? encoded : 'unconfirmed';
  let appended: AppendResult;
  try {
    appended = await input.store.appendToStream(streamName, encoded.right, {
      expectedRevision: head?.revision ?? 'no_stream',
    });
  } catch (error) {
    // An id conflict means a concurrent run of this same command won: the reload finds its events.
    if (error instanceof WrongExpectedRevisionError || error instanceof EventIdConflictError)
      return start.verified ? 'conflict' : 'unconfirmed';
    throw error;
  }
  // Landing anywhere else (a repeat the store answered) means the unread state missed another writer's events.
  if (!start.verified && !landedAfter(head, encoded.right.length, appended)) return 'unconfirmed';
  const links = chainLinks(head?.hash ?? GENESIS_HASH, encoded.right, appended);
  await rememberAppended(input, start, encoded.right, links, appended);
  const events = toWrite.map(({ event, metadata }, index) => ({
    ...event,
    metadata: { ...metadata, schemaVersion: versionOf(encoded.right[index]), hash: links[index]?.hash ?? '' },
  }));
  return right({ events, nextExpectedRevision: appended.nextExpectedRevision, position: appended.position });
}

/**
 * Each written event's metadata with its chain link: the hashes the store answered, or (from a store that does not
 * say) computed here. The store chains from the event this decision read, so neither needs a re-read.
 */
function chainLinks(
  previousHash: string,
  written: readonly NewEvent[],
  appended: AppendResult,
): Array<NewEvent['metadata'] & { hash: string }> {
  const { hashes } = appended;
  if (hashes === undefined || hashes.length !== written.length) return linkEvents(previousHash, written);
  return written.map((event, index) => ({ ...event.metadata, hash: hashes[index] ?? '' }));
}

/** Whether the append wrote all `count` events right after `head` (a store that answers no hashes never says so). */
const landedAfter = (head: FoldedStart<unknown>['head'], count: number, appended: AppendResult): boolean =>
  appended.nextExpectedRevision === (head?.revision ?? -1) + count && appended.hashes?.length === count;

/** The schema version the codec wrote an event with. */
const versionOf = (event: NewEvent | undefined): number => {
  const version = event?.metadata['schemaVersion'];
  return typeof version === 'number' ? version : 1;
};

/** The first result of a command already handled: its events, revision and position. */
async function repeatResult<E extends Event>(
  input: { codec: EventCodec; registry: EventRegistry<E> },
  handled: readonly RecordedEvent[],
): Promise<Either<DomainError, CommandResult<E>>> {
  const decoded = await input.codec.decode(handled, input.registry);
  if (decoded._tag === 'Left') return decoded;
  const last = handled[handled.length - 1];
  return right({ events: decoded.right, nextExpectedRevision: last?.revision ?? -1, position: last?.position });
}
