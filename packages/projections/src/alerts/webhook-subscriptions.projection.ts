import type { RecordedEvent } from '@salesbook/eventstore';
import { decodeEvent } from '../model/decode.js';
import type { Projection } from '../model/projection.js';
import { defineTable, upsert, type RowReader, type RowWrite } from '../model/table.js';

/** A webhook subscription: where alerts of which kinds (and region) go, and whether it is still active. */
export type WebhookSubscriptionRow = {
  readonly subscription_id: string;
  readonly url: string;
  /** The alert kinds, as a JSON array. */
  readonly kinds: string;
  /** Only this region's alerts; null for every region. */
  readonly region: string | null;
  readonly subscribed_by: string;
  readonly subscribed_at: string;
  readonly cancelled_at: string | null;
};

/** The `webhook_subscriptions` read model. */
export const webhookSubscriptionsTable = defineTable<WebhookSubscriptionRow, 'subscription_id'>({
  name: 'webhook_subscriptions',
  columns: {
    subscription_id: 'TEXT',
    url: 'TEXT',
    kinds: 'TEXT',
    region: 'TEXT NULL',
    subscribed_by: 'TEXT',
    subscribed_at: 'TEXT',
    cancelled_at: 'TEXT NULL',
  },
  primaryKey: ['subscription_id'],
});

function project(event: RecordedEvent, rows: RowReader): readonly RowWrite[] {
  if (event.type !== 'WebhookSubscribed' && event.type !== 'WebhookSubscriptionCancelled') return [];
  const decoded = decodeEvent(event);
  if (decoded.type === 'WebhookSubscribed') {
    const d = decoded.data;
    return [
      upsert(webhookSubscriptionsTable, {
        subscription_id: d.subscriptionId,
        url: d.url,
        kinds: JSON.stringify(d.kinds),
        region: d.region,
        subscribed_by: d.subscribedBy,
        subscribed_at: d.subscribedAt,
        cancelled_at: null,
      }),
    ];
  }
  if (decoded.type !== 'WebhookSubscriptionCancelled') return [];
  const row = rows.get(webhookSubscriptionsTable, { subscription_id: decoded.data.subscriptionId });
  if (row === undefined) throw new Error(`webhook subscription ${decoded.data.subscriptionId} was never made`);
  return [upsert(webhookSubscriptionsTable, { ...row, cancelled_at: decoded.data.cancelledAt })];
}

/** Webhook subscriptions (one row each), read by the API's webhook dispatcher. */
export const webhookSubscriptionsProjection: Projection = {
  name: 'webhook_subscriptions',
  handles: new Set(['WebhookSubscribed', 'WebhookSubscriptionCancelled']),
  version: 1,
  tables: [webhookSubscriptionsTable],
  project,
};

/** The subscriptions active now, by id. */
export function activeWebhookSubscriptions(db: import('better-sqlite3').Database): WebhookSubscriptionRow[] {
  return db
    .prepare('SELECT * FROM webhook_subscriptions WHERE cancelled_at IS NULL ORDER BY subscription_id')
    .all() as WebhookSubscriptionRow[];
}
