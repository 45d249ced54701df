import type { Command, Decider, Event, EventRegistry } from '@salesbook/domain';
import { handleCommand, type CommandSource, type EventCodec, type EventStore } from '@salesbook/eventstore';
import { toOutcome, type CommandReply, type CommandRequest } from './command-request.js';

/** The store and codec every command handler writes through. */
export interface WritePath {
  readonly store: EventStore;
  readonly codec: EventCodec;
}

/** The aggregate a command goes to: its decider, its events and the stream. */
export interface CommandTarget<C extends Command, E extends Event, S> {
  readonly decider: Decider<C, E, S>;
  readonly registry: EventRegistry<E>;
  readonly streamName: string;
  /** The command creates the aggregate under a new id: decided on the initial state unread (see handleCommand). */
  readonly expectNewStream?: boolean;
}

/**
 * Load, fold, decide, append through `handleCommand`, and describe the outcome. `source` is the typed
 * command, or how to make it from the state read (when the decider's inputs depend on the aggregate).
 */
export async function runCommand<C extends Command, E extends Event, S>(
  write: WritePath,
  target: CommandTarget<C, E, S>,
  request: CommandRequest,
  source: CommandSource<C, S>,
): Promise<CommandReply> {
  const result = await handleCommand({
    ...write,
    ...target,
    ...source,
    commandId: request.commandId,
    ...(request.expectedRevision === undefined ? {} : { expectedRevision: request.expectedRevision }),
    ...(request.causationId === undefined ? {} : { causationId: request.causationId }),
    ...(request.correlationId === undefined ? {} : { correlationId: request.correlationId }),
  });
  return toOutcome(target.streamName, result);
}
