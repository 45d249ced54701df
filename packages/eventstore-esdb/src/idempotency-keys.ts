import { createHash, randomUUID } from 'node:crypto';
import { jsonEvent, NO_STREAM, START, WrongExpectedVersionError, type EventStoreDBClient } from '@eventstore/db-client';
import {
  compareBinding,
  StoreError,
  type IdempotencyKeyBinding,
  type IdempotencyKeyOutcome,
} from '@salesbook/eventstore';
import { translateEsdbError } from './translate-error.js';

/**
 * The binding's event type: `$`-prefixed, so the adapter's reads of `$all` and its subscriptions (which skip system
 * events) never hand a binding to projections, policies or an audit.
 */
export const IDEMPOTENCY_KEY_TYPE = '$salesbook-idempotency-key';

/** One stream per key, named by the key's digest (a key may be longer than a stream name should be). */
export const idempotencyStream = (key: string): string =>
  `salesbook-idempotency-${createHash('sha256').update(key).digest('hex')}`;

/**
 * Binds a key in EventStoreDB itself, so every instance on the server sees it: the first use creates the key's
 * stream (expected `no_stream`), and the server refuses every later creation; the loser reads the winner.
 */
export async function bindIdempotencyKey(
  client: EventStoreDBClient,
  binding: IdempotencyKeyBinding,
): Promise<IdempotencyKeyOutcome> {
  const streamName = idempotencyStream(binding.key);
  const data = { key: binding.key, fingerprint: binding.fingerprint, boundAt: binding.boundAt };
  try {
    await client.appendToStream(streamName, jsonEvent({ id: randomUUID(), type: IDEMPOTENCY_KEY_TYPE, data }), {
      expectedRevision: NO_STREAM,
    });
    return { kind: 'bound' };
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError))
      throw translateEsdbError(error, { operation: 'bindIdempotencyKey', streamName });
  }
  return compareBinding(await readBinding(client, streamName), binding);
}

async function readBinding(
  client: EventStoreDBClient,
  streamName: string,
): Promise<{ fingerprint: string; boundAt: string }> {
  let stored: { fingerprint?: unknown; boundAt?: unknown } | undefined;
  try {
    // Read to the end (one event): leaving the client's read early can leave its call open.
    for await (const resolved of client.readStream(streamName, { fromRevision: START, maxCount: 1 })) {
      stored ??= resolved.event?.data as typeof stored;
    }
  } catch (error) {
    throw translateEsdbError(error, { operation: 'bindIdempotencyKey', streamName });
  }
  if (typeof stored?.fingerprint === 'string' && typeof stored.boundAt === 'string')
    return { fingerprint: stored.fingerprint, boundAt: stored.boundAt };
  throw new StoreError('STORE_CORRUPT', `${streamName} exists but holds no idempotency key binding`);
}
