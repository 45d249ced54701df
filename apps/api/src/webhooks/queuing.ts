import type { Alert, WebhookSubscriptionRow } from '@salesbook/projections';
import type { OutboxCursor, OutboxDelivery } from './outbox.js';
import { deliveryIdOf } from './signing.js';

/**
 * What one tick queues: alerts that fired after `since` up to `until` (ms), if anything; the cursor's next `until` and
 * read-model positions; and whether it looked back.
 */
export interface Queuing {
  readonly window: { readonly since: number; readonly until: number } | undefined;
  readonly until: string;
  readonly positions: string | null;
  readonly lookedBack: boolean;
}

/** How far a tick may look back, and whether it may now (looking back costs a larger query: ticks space it out). */
export interface LookBack {
  readonly ms: number;
  readonly due: boolean;
}

/**
 * What a tick queues, on the API's clock at `nowMs` with the source read models at `positions`. Always the alerts that
 * fired since the cursor. When the read models moved since the last look-back they may have learnt of an alert whose
 * moment had already passed (a backdated event, a lagging or retried projection, a clock that moved), so the window
 * then reaches `lookBack.ms` back, never before the floor, and the positions are recorded; until a look-back is due
 * they are not, so the move is not forgotten. The outbox ignores what it already holds. A new outbox (no cursor)
 * queues nothing: history is not replayed. The cursor never moves back with the clock, and a look-back always reaches
 * it.
 */
export function queuingAt(
  cursor: OutboxCursor | undefined,
  nowMs: number,
  positions: string,
  lookBack: LookBack,
): Queuing {
  if (cursor === undefined)
    return { window: undefined, until: new Date(nowMs).toISOString(), positions, lookedBack: false };
  const queued = Date.parse(cursor.until);
  const end = Math.max(queued, nowMs);
  const moved = cursor.positions !== positions;
  const lookedBack = moved && lookBack.due;
  const since = lookedBack ? Math.max(Date.parse(cursor.floor), Math.min(queued, nowMs - lookBack.ms)) : queued;
  return {
    // A look-back reaches the cursor even when the clock is behind it: it records the positions, so an alert learnt
    // late that fired between the clock and the cursor would not be looked for again.
    window: since < end ? { since, until: end } : undefined,
    until: new Date(end).toISOString(),
    positions: moved && !lookedBack ? cursor.positions : positions,
    lookedBack,
  };
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
