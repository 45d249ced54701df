import type { Alert, WebhookSubscriptionRow } from '@salesbook/projections';
import type { OutboxCursor, OutboxDelivery } from './outbox.js';
import { deliveryIdOf } from './signing.js';

/** What one tick queues: alerts that fired after `since` up to `until` (ms), if anything; and the cursor's next `until`. */
export interface Queuing {
  readonly window: { readonly since: number; readonly until: number } | undefined;
  readonly until: string;
}

/**
 * What a tick queues, on the API's clock at `nowMs` with the source read models at `positions`. Always the alerts that
 * fired since the cursor. When the read models moved since the last queuing they may have learnt of an alert whose
 * moment had already passed (a backdated event, a lagging or retried projection, a clock that moved), so the window
 * then reaches `lookBackMs` back, never before the floor; the outbox ignores what it already holds. A new outbox
 * (no cursor) queues nothing: history is not replayed. The cursor never moves back with the clock.
 */
export function queuingAt(
  cursor: OutboxCursor | undefined,
  nowMs: number,
  positions: string,
  lookBackMs: number,
): Queuing {
  if (cursor === undefined) return { window: undefined, until: new Date(nowMs).toISOString() };
  const queued = Date.parse(cursor.until);
  const until = new Date(Math.max(queued, nowMs)).toISOString();
  const since =
    cursor.positions === positions ? queued : Math.max(Date.parse(cursor.floor), Math.min(queued, nowMs - lookBackMs));
  return { window: since < nowMs ? { since, until: nowMs } : undefined, until };
}

type NewDelivery = Omit<OutboxDelivery, 'attempts' | 'next_attempt_at'>;

const matches = (subscription: WebhookSubscriptionRow, alert: Alert): boolean =>
  (JSON.parse(subscription.kinds) as string[]).includes(alert.kind) &&
  (subscription.region === null || subscription.region === alert.region) &&
  // A subscription is sent what fires after it was made, not what the look-back finds from before it.
  Date.parse(alert.fires_at) > Date.parse(subscription.subscribed_at);

/** One delivery per alert and matching subscription, with an id derived from both. */
export function deliveriesOf(
  subscriptions: readonly WebhookSubscriptionRow[],
  alerts: readonly Alert[],
): NewDelivery[] {
  return subscriptions.flatMap((subscription) =>
    alerts
      .filter((alert) => matches(subscription, alert))
      .map((alert) => {
        const deliveryId = deliveryIdOf(subscription.subscription_id, alert.id);
        return {
          delivery_id: deliveryId,
          subscription_id: subscription.subscription_id,
          alert_id: alert.id,
          url: subscription.url,
          body: JSON.stringify({ deliveryId, subscriptionId: subscription.subscription_id, alert }),
        };
      }),
  );
}
