import { z } from 'zod';
import { RegionId, SubscriptionId } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { AlertKind, WebhookUrl } from './vocabulary.js';

/** Deliver the alerts of `kinds` (of one region, or of all when `region` is absent) to `url`, signed. */
export const SubscribeWebhook = z
  .object({
    subscriptionId: SubscriptionId,
    url: WebhookUrl,
    kinds: z
      .array(AlertKind)
      .min(1, 'kinds must not be empty')
      .max(5, 'kinds must be at most 5')
      .refine((kinds) => new Set(kinds).size === kinds.length, 'kinds must not repeat a kind'),
    region: RegionId.optional(),
  })
  .strict();
export type SubscribeWebhook = z.infer<typeof SubscribeWebhook>;

/** Stop delivering to a subscription; deliveries already in the outbox are dropped. */
export const CancelWebhookSubscription = z.object({ subscriptionId: SubscriptionId }).strict();
export type CancelWebhookSubscription = z.infer<typeof CancelWebhookSubscription>;

/** SubscribeWebhook as a command. */
export type SubscribeWebhookCommand = Command<'SubscribeWebhook', SubscribeWebhook>;
/** CancelWebhookSubscription as a command. */
export type CancelWebhookSubscriptionCommand = Command<'CancelWebhookSubscription', CancelWebhookSubscription>;

/** Every command of a webhook subscription (stream `webhook-<id>`). */
export type WebhookCommand = SubscribeWebhookCommand | CancelWebhookSubscriptionCommand;

/** Schemas of the webhook commands' data, by command type (HTTP validation and OpenAPI). */
export const webhookCommandSchemas = { SubscribeWebhook, CancelWebhookSubscription } as const;
