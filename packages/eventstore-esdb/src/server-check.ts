import { BACKWARDS, END, type EventStoreDBClient } from '@eventstore/db-client';
import { StoreConfigurationError, StoreError, StoreUnavailableError } from '@salesbook/eventstore';
import { pause } from './retry.js';
import { translateEsdbError } from './translate-error.js';

/** The oldest server the adapter works with: subscriptions report caught-up from 23.10 on. */
export const MINIMUM_SERVER_VERSION = '23.10';

/**
 * The version the server reports (`ServerFeatures.GetSupportedMethods`, 21.10 on; `unknown` before). The client
 * fetches it once per connection behind a getter it keeps protected, so it is read from there, not asked again.
 */
export async function serverVersion(client: EventStoreDBClient): Promise<string> {
  const features: unknown = await Reflect.get(client, 'capabilities');
  const version: unknown =
    typeof features === 'object' && features !== null ? Reflect.get(features, 'serverVersion') : undefined;
  return typeof version === 'string' ? version : 'unknown';
}

/** Whether `version` (`major.minor.patch`, KurrentDB's too) is at least {@link MINIMUM_SERVER_VERSION}. */
export function supportsVersion(version: string): boolean {
  const match = /^(\d+)\.(\d+)/.exec(version);
  if (match === null) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 23 || (major === 23 && minor >= 10);
}

async function checkOnce(client: EventStoreDBClient): Promise<void> {
  const version = await serverVersion(client);
  if (!supportsVersion(version)) {
    throw new StoreConfigurationError(
      `EventStoreDB ${version === 'unknown' ? 'older than 21.10 (it does not report its version)' : version} is not supported: Salesbook needs ${MINIMUM_SERVER_VERSION} or later (older servers never tell a subscription it has caught up, so read models would never go live)`,
    );
  }
  try {
    // Drained to its end: leaving a read of the client early can leave its call open.
    for await (const resolved of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }))
      void resolved;
  } catch (error) {
    const translated = translateEsdbError(error, { operation: 'readAll' });
    if (translated.code !== 'STORE_ACCESS_DENIED') throw translated;
    throw new StoreError(
      'STORE_ACCESS_DENIED',
      "EventStoreDB refused to let the connection string's user read $all: give it credentials (esdb://user:password@...) of a user in $admins or with $r on $all",
      { cause: translated },
    );
  }
}

/**
 * Checks at start that the server is 23.10 or later and that the connection string's user may read `$all` (every
 * projection and the policy subscribe to it). While the server cannot be reached it tries again for up to
 * `waitMs`; a server that answers "too old" or "access denied" fails at once.
 */
export async function checkServer(client: EventStoreDBClient, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await checkOnce(client);
    } catch (error) {
      const translated = translateEsdbError(error, { operation: 'server check' });
      if (!(translated instanceof StoreUnavailableError) || Date.now() >= deadline) throw translated;
      await pause(Math.min(2_000, 100 * 2 ** attempt));
    }
  }
}
