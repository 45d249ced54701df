import { z } from 'zod';
import { webhookCommandSchemas as schemas, type Role } from '@salesbook/domain';
import { commandRoute, IdParams } from '../commands/command-route.js';
import type { RouteSpec } from '../http/route-spec.js';

/** Webhooks carry every region's alerts out of the system: sales managers manage them; auditors may list them. */
const LISTERS: readonly Role[] = ['sales_manager', 'auditor', 'system'];

/** One subscription as listed, with what its outbox holds. */
export const WebhookSubscriptionSchema = z.strictObject({
  subscriptionId: z.string(),
  url: z.string(),
  kinds: z.array(z.string()),
  region: z.string().nullable(),
  subscribedBy: z.string(),
  subscribedAt: z.string(),
  cancelledAt: z.string().nullable(),
});

/** The webhook subscription routes (stream `webhook-<id>`). */
export const webhookRoutes = {
  subscribe: commandRoute({
    path: '/webhooks/subscriptions',
    type: 'SubscribeWebhook',
    schema: schemas.SubscribeWebhook,
    summary: 'Deliver alerts of some kinds (of one region, or all) to a URL, signed (sales managers)',
    tag: 'alerts',
    aggregate: 'webhook',
  }),
  cancel: commandRoute({
    path: '/webhooks/subscriptions/:id/cancellation',
    type: 'CancelWebhookSubscription',
    schema: schemas.CancelWebhookSubscription,
    summary: 'Stop delivering to a subscription; its pending deliveries are dropped',
    tag: 'alerts',
    aggregate: 'webhook',
    idField: 'subscriptionId',
  }),
  list: {
    method: 'GET',
    path: '/webhooks/subscriptions',
    audience: LISTERS,
    summary: 'Every webhook subscription, active or cancelled (delivery figures are in /projections/status)',
    tag: 'alerts',
    query: z.object({}).strict(),
    status: 200,
    response: z.strictObject({ subscriptions: z.array(WebhookSubscriptionSchema) }),
  } satisfies RouteSpec,
  secret: {
    method: 'GET',
    path: '/webhooks/subscriptions/:id/secret',
    audience: ['sales_manager'],
    summary:
      "A subscription's signing secret, to give its receiver (sales managers; derived from SALESBOOK_WEBHOOK_KEY, never stored)",
    tag: 'alerts',
    params: IdParams,
    status: 200,
    response: z.strictObject({ subscriptionId: z.string(), secret: z.string(), algorithm: z.string() }),
  } satisfies RouteSpec,
} as const;
