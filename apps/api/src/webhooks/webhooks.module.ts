import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { WebhookDispatcher } from './dispatcher.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhookCommandHandler } from './webhooks.handlers.js';

/** Webhooks: subscriptions (events), the outbox and its dispatcher. */
@Module({
  controllers: [WebhooksController],
  providers: [CommandGateway, WebhookCommandHandler, WebhookDispatcher],
  exports: [WebhookDispatcher],
})
export class WebhooksModule {}
