import {
  webhookDecider,
  webhookEventRegistry,
  webhookStream,
  type CommandPayload,
  type WebhookCommand,
} from '@salesbook/domain';
import { AggregateCommand } from '../commands/command-request.js';
import { singleStreamHandler } from '../commands/single-stream-handler.js';

/** A webhook subscription command on the CommandBus: one of the webhook payloads. */
export class WebhookCommandMessage extends AggregateCommand<CommandPayload<WebhookCommand>> {}

/** Decides webhook commands on the subscription's stream. */
export const WebhookCommandHandler = singleStreamHandler(WebhookCommandMessage, {
  decider: webhookDecider,
  registry: webhookEventRegistry,
  stream: ({ data }) => webhookStream(data.subscriptionId),
  command: ({ payload, metadata, access }) => ({ ...payload, metadata, access }),
});
