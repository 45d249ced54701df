import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { productDecider, productEventRegistry, productStream, type CommandPayload, type ProductCommand } from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';

/** A Product command on the CommandBus: one of the Product payloads. */
export class ProductCommandMessage extends AggregateCommand<CommandPayload<ProductCommand>> {}

/** Decides Product commands on the stream of the product's sku. */
@CommandHandler(ProductCommandMessage)
export class ProductCommandHandler implements ICommandHandler<ProductCommandMessage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
  ) {}

  async execute({ request }: ProductCommandMessage): Promise<CommandReply> {
    const { payload, metadata, access } = request;
    const target = { decider: productDecider, registry: productEventRegistry, streamName: productStream(payload.data.sku) };
    return runCommand({ store: this.store, codec: this.codec }, target, request, { command: { ...payload, metadata, access } });
  }
}
