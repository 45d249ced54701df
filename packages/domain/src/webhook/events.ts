import { z } from 'zod';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId, RegionId, SubscriptionId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { IsoDateTime } from '../shared/time.js';
import { AlertKind, WebhookUrl } from './vocabulary.js';

/** A sales manager subscribed `url` to alerts of `kinds` (of `region`, or every region when null). */
export const WebhookSubscribed = z.object({
  subscriptionId: SubscriptionId,
  url: WebhookUrl,
  kinds: z.array(AlertKind).min(1),
  region: RegionId.nullable(),
  subscribedBy: ActorId,
  subscribedAt: IsoDateTime,
});
export type WebhookSubscribed = z.infer<typeof WebhookSubscribed>;

/** The subscription was cancelled: nothing more is delivered to it. */
export const WebhookSubscriptionCancelled = z.object({
  subscriptionId: SubscriptionId,
  cancelledBy: ActorId,
  cancelledAt: IsoDateTime,
});
export type WebhookSubscriptionCancelled = z.infer<typeof WebhookSubscriptionCancelled>;

/** WebhookSubscribed as an event. */
export type WebhookSubscribedEvent = Event<'WebhookSubscribed', WebhookSubscribed>;
/** WebhookSubscriptionCancelled as an event. */
export type WebhookSubscriptionCancelledEvent = Event<'WebhookSubscriptionCancelled', WebhookSubscriptionCancelled>;

/** Every event of a webhook subscription. */
export type WebhookEvent = WebhookSubscribedEvent | WebhookSubscriptionCancelledEvent;

/** Schemas and versions of the webhook events, for the event registry. */
export const webhookEventDefinitions: readonly EventDefinition<WebhookEvent>[] = [
  defineEvent('WebhookSubscribed', WebhookSubscribed),
  defineEvent('WebhookSubscriptionCancelled', WebhookSubscriptionCancelled),
];

/** Reads the events of a subscription's stream, validated, as webhook events. */
export const webhookEventRegistry = createEventRegistry(webhookEventDefinitions);
