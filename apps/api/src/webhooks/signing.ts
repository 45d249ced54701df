import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The headers of a webhook delivery (documented in apps/api/README.md, "Webhooks"). */
export const WEBHOOK_HEADERS = {
  delivery: 'x-salesbook-delivery',
  timestamp: 'x-salesbook-timestamp',
  signature: 'x-salesbook-signature',
} as const;

/**
 * A subscription's signing secret, derived from the webhook key and the subscription id, so no secret is written to
 * the event log and every instance with the key signs alike: hex HMAC-SHA256(key, `salesbook-webhook:<id>`).
 */
export const subscriptionSecret = (webhookKey: string, subscriptionId: string): string =>
  createHmac('sha256', webhookKey).update(`salesbook-webhook:${subscriptionId}`).digest('hex');

/** `v1=` and the hex HMAC-SHA256 with the subscription's secret over `<timestamp>.<delivery id>.<body>`. */
export const signDelivery = (secret: string, timestamp: number, deliveryId: string, body: string): string =>
  `v1=${createHmac('sha256', secret).update(`${timestamp}.${deliveryId}.${body}`).digest('hex')}`;

/**
 * What a receiver does: recompute the signature over the raw body and compare in constant time, and refuse a
 * timestamp more than `toleranceSeconds` from its own clock (a replay).
 * @example verifyDelivery(secret, headers['x-salesbook-signature'], Number(headers['x-salesbook-timestamp']), headers['x-salesbook-delivery'], rawBody, Date.now() / 1000)
 */
export function verifyDelivery(
  secret: string,
  signature: string,
  timestamp: number,
  deliveryId: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signDelivery(secret, timestamp, deliveryId, body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The id of the delivery of one alert to one subscription: the same on every instance and every retry. */
export const deliveryIdOf = (subscriptionId: string, alertId: string): string =>
  createHash('sha256').update(`${subscriptionId}\n${alertId}`).digest('hex').slice(0, 32);
