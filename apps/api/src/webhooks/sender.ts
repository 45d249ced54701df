import { request } from 'undici';
import { signDelivery, WEBHOOK_HEADERS } from './signing.js';
import type { OutboxDelivery } from './outbox.js';

/** The outcome of one delivery attempt: delivered on a 2xx, else why not. */
export type AttemptOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

/**
 * POSTs one delivery with undici, signed with the subscription's secret at `nowSeconds`. Redirects are not
 * followed (a 3xx is a failure: the subscription names where to deliver); the body of the answer is read and dropped.
 */
export async function attemptDelivery(
  delivery: OutboxDelivery,
  secret: string,
  nowSeconds: number,
  timeoutMs: number,
): Promise<AttemptOutcome> {
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'salesbook-webhooks/1',
    [WEBHOOK_HEADERS.delivery]: delivery.delivery_id,
    [WEBHOOK_HEADERS.timestamp]: String(nowSeconds),
    [WEBHOOK_HEADERS.signature]: signDelivery(secret, nowSeconds, delivery.delivery_id, delivery.body),
  };
  try {
    const answer = await request(delivery.url, {
      method: 'POST',
      headers,
      body: delivery.body,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await answer.body.dump();
    return answer.statusCode >= 200 && answer.statusCode < 300
      ? { ok: true }
      : { ok: false, error: `HTTP ${answer.statusCode}` };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Retry n (from 1) waits `min(maxMs, baseMs * 2^(n-1))`: capped exponential backoff. */
export const backoffMs = (retry: number, baseMs: number, maxMs: number): number =>
  Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1));
