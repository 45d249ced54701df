import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { promotionDecider, promotionEventRegistry, promotionStream, type CommandPayload, type PromotionCommand } from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';

/** A Promotion command on the CommandBus: one of the Promotion payloads. */
export class PromotionCommandMessage extends AggregateCommand<CommandPayload<PromotionCommand>> {}

/** Decides Promotion commands on the promotion's stream. */
@CommandHandler(PromotionCommandMessage)
export class PromotionCommandHandler implements ICommandHandler<PromotionCommandMessage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
  ) {}

  async execute({ request }: PromotionCommandMessage): Promise<CommandReply> {
    const { payload, metadata, access } = request;
    const target = { decider: promotionDecider, registry: promotionEventRegistry, streamName: promotionStream(payload.data.promotionId) };
    return runCommand({ store: this.store, codec: this.codec }, target, request, { command: { ...payload, metadata, access } });
  }
}
