import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { webhookDecider, webhookEventRegistry, webhookStream, type CommandPayload, type WebhookCommand } from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';

/** A webhook subscription command on the CommandBus: one of the webhook payloads. */
export class WebhookCommandMessage extends AggregateCommand<CommandPayload<WebhookCommand>> {}

/** Decides webhook commands on the subscription's stream. */
@CommandHandler(WebhookCommandMessage)
export class WebhookCommandHandler implements ICommandHandler<WebhookCommandMessage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
  ) {}

  async execute({ request }: WebhookCommandMessage): Promise<CommandReply> {
    const { payload, metadata, access } = request;
    const target = { decider: webhookDecider, registry: webhookEventRegistry, streamName: webhookStream(payload.data.subscriptionId) };
    return runCommand({ store: this.store, codec: this.codec }, target, request, { command: { ...payload, metadata, access } });
  }
}
