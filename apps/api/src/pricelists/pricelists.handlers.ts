import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { priceListDecider, priceListEventRegistry, priceListStream, type CommandPayload, type PriceListCommand } from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';

/** A PriceList command on the CommandBus: one of the PriceList payloads. */
export class PriceListCommandMessage extends AggregateCommand<CommandPayload<PriceListCommand>> {}

/** Decides PriceList commands on the list's stream. */
@CommandHandler(PriceListCommandMessage)
export class PriceListCommandHandler implements ICommandHandler<PriceListCommandMessage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
  ) {}

  async execute({ request }: PriceListCommandMessage): Promise<CommandReply> {
    const { payload, metadata, access } = request;
    const target = { decider: priceListDecider, registry: priceListEventRegistry, streamName: priceListStream(payload.data.priceListId) };
    return runCommand({ store: this.store, codec: this.codec }, target, request, { command: { ...payload, metadata, access } });
  }
}
