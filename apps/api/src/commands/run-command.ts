import type { Command, Decider, Event } from '@salesbook/domain';
import { handleCommand, type EventCodec, type EventStore } from '@salesbook/eventstore';
import { toOutcome, type CommandReply, type CommandRequest } from './command-request.js';

/** The store and codec every command handler writes through. */
export interface WritePath {
  readonly store: EventStore;
  readonly codec: EventCodec;
}

/**
 * Load, fold, decide, append through `handleCommand`, and describe the outcome. `inputs` are what the
 * handler loaded for the decider (e.g. the customer snapshot of PlaceOrder).
 */
export async function runCommand<C extends Command, E extends Event, S>(
  write: WritePath,
  decider: Decider<C, E, S>,
  streamName: string,
  request: CommandRequest,
  inputs?: object,
): Promise<CommandReply> {
  // The route's schema validated `data` for this command type: the cast records that trust.
  const command = { type: request.type, data: request.data, metadata: request.metadata, access: request.access, ...(inputs === undefined ? {} : { inputs }) } as unknown as C;
  const result = await handleCommand({
    store: write.store,
    codec: write.codec,
    decider,
    streamName,
    command,
    commandId: request.commandId,
    ...(request.expectedRevision === undefined ? {} : { expectedRevision: request.expectedRevision }),
    ...(request.causationId === undefined ? {} : { causationId: request.causationId }),
    ...(request.correlationId === undefined ? {} : { correlationId: request.correlationId }),
  });
  return toOutcome(streamName, result);
}
