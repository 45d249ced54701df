import { Inject, type Type } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Command, CommandPayload, Decider, Event, EventRegistry } from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';
import type { AggregateCommand, CommandReply, CommandRequest } from './command-request.js';
import { runCommand } from './run-command.js';

/** How an aggregate whose commands need nothing but the request is decided: the decider, its stream, the command. */
export interface SingleStreamSpec<P extends CommandPayload, C extends Command, E extends Event, S> {
  readonly decider: Decider<C, E, S>;
  readonly registry: EventRegistry<E>;
  /** The stream a payload goes to (one helper per aggregate names it). */
  readonly stream: (payload: P) => string;
  /** The decider's command from the request, typed at the call site: `({ payload, metadata, access }) => ({ ...payload, metadata, access })`. */
  readonly command: (request: CommandRequest<P>) => NoInfer<C>;
}

/**
 * The CommandBus handler of `message`: load, fold, decide and append on one stream through {@link runCommand}.
 * For aggregates whose commands need no facts beyond the request (products, price lists, promotions, webhooks,
 * periods, commission plans, the team register); a handler that loads inputs first is written out.
 *
 * @example
 * export const ProductCommandHandler = singleStreamHandler(ProductCommandMessage, {
 *   decider: productDecider, registry: productEventRegistry, stream: ({ data }) => productStream(data.sku),
 *   command: ({ payload, metadata, access }) => ({ ...payload, metadata, access }),
 * });
 */
export function singleStreamHandler<P extends CommandPayload, C extends Command, E extends Event, S>(
  message: Type<AggregateCommand<P>>,
  spec: SingleStreamSpec<P, C, E, S>,
): Type<ICommandHandler<AggregateCommand<P>>> {
  @CommandHandler(message)
  class SingleStreamHandler implements ICommandHandler<AggregateCommand<P>> {
    constructor(
      @Inject(EVENT_STORE) private readonly store: EventStore,
      @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    ) {}

    execute({ request }: AggregateCommand<P>): Promise<CommandReply> {
      const target = { decider: spec.decider, registry: spec.registry, streamName: spec.stream(request.payload) };
      return runCommand({ store: this.store, codec: this.codec }, target, request, { command: spec.command(request) });
    }
  }
  // Named after its message, so Nest's logs and errors say which aggregate's handler it is.
  Object.defineProperty(SingleStreamHandler, 'name', { value: `${message.name.replace(/Message$/, '')}Handler` });
  return SingleStreamHandler;
}
