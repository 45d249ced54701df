import { EventStoreDBClient } from '@eventstore/db-client';
import {
  StoreConfigurationError,
  StoreError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type SubscribeToAllOptions,
  type Subscription,
} from '@salesbook/eventstore';
import { appendWithChain } from './append.js';
import { assertFits, DEFAULT_MAX_APPEND_BYTES, splitPart } from './append-size.js';
import { DEFAULT_APPEND_RETRY, type AppendRetry } from './retry.js';
import { checkServer } from './server-check.js';
import { bindIdempotencyKey } from './idempotency-keys.js';
import { readAllEvents, readHeadPosition, readStreamEvents } from './reads.js';
import { RecentEventIds } from './recent-event-ids.js';
import { EsdbSubscription } from './subscription.js';

/** How to reach EventStoreDB (or KurrentDB). */
export interface EsdbEventStoreOptions {
  /**
   * An `esdb://` (or `esdb+discover://`) connection string, e.g. `esdb://localhost:2113?tls=false`; on a secure
   * server with the credentials of a user who may read `$all` (`esdb://user:password@host:2113?tls=true`).
   */
  readonly connectionString: string;
  /** The most bytes one append may carry, as the server counts them: at most its `MaxAppendSize` (default 1 MiB). */
  readonly maxAppendBytes?: number;
  /** How appends are retried after NotLeader, a timeout or a lost connection (default 6 attempts from 100 ms). */
  readonly retry?: AppendRetry;
}

function connect(connectionString: string): EventStoreDBClient {
  try {
    return EventStoreDBClient.connectionString(connectionString);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreConfigurationError(`the EventStoreDB connection string is not valid: ${reason}`);
  }
}

/**
 * The event store port on EventStoreDB 23.10+ (or KurrentDB) through `@eventstore/db-client`: stream
 * reads carry `$all` positions from 22.6 on, and subscriptions say when they caught up from 23.10 on.
 *
 * - Appends compute the hash chain: the stream's last event is read, the events linked to its hash
 *   and written at exactly that revision; a writer that got in between makes EventStoreDB refuse the
 *   write, and the append decides again (retrying for 'any', a typed conflict for an exact revision).
 * - Event ids are the events' EventStoreDB ids. A repeated batch is recognised in its stream; pass the
 *   exact expected revision (as command handlers do) to keep that check to one short read, since with
 *   'any' the stream is scanned. Across streams ids are checked only against this process's recent
 *   appends (EventStoreDB has no index by event id).
 * - Positions pack `$all`'s commit and prepare positions into one bigint (see {@link encodePosition});
 *   pass only positions this store returned as `after`.
 * - System events (`$`-prefixed types) never appear in readAll, headPosition or subscriptions; idempotency key
 *   bindings are such events, one stream per key (see idempotency-keys.ts).
 *
 * @example
 * const store = createEsdbEventStore({ connectionString: 'esdb://localhost:2113?tls=false' });
 * await store.appendToStream('order-42', [{ eventId: randomUUID(), type: 'OrderPlaced', data, metadata }], {
 *   expectedRevision: 'no_stream',
 * });
 */
export function createEsdbEventStore(options: EsdbEventStoreOptions): EventStore {
  return storeOn(connect(options.connectionString), options);
}

/**
 * {@link createEsdbEventStore}, after checking the server (see server-check.ts): version 23.10 or later, and `$all`
 * readable by the connection string's user. Waits up to `waitMs` (default 30 s) for a server that cannot be reached;
 * a server too old or a refused `$all` fails at once, with a message that says so.
 */
export async function openEsdbEventStore(
  options: EsdbEventStoreOptions & { readonly waitMs?: number },
): Promise<EventStore> {
  const client = connect(options.connectionString);
  try {
    await checkServer(client, options.waitMs ?? 30_000);
  } catch (error) {
    await client.dispose();
    throw error;
  }
  return storeOn(client, options);
}

function storeOn(client: EventStoreDBClient, options: EsdbEventStoreOptions): EventStore {
  const maxBytes = options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES;
  const retry = options.retry ?? DEFAULT_APPEND_RETRY;
  const recent = new RecentEventIds();
  const subscriptions = new Set<EsdbSubscription>();
  let closed = false;
  const open = (): EventStoreDBClient => {
    if (closed) throw new StoreError('STORE_UNAVAILABLE', 'the EventStoreDB store is closed');
    return client;
  };

  return {
    async appendToStream(
      streamName: string,
      events: readonly NewEvent[],
      appendOptions?: { expectedRevision?: ExpectedRevision },
    ): Promise<AppendResult> {
      assertFits(streamName, events, maxBytes);
      return appendWithChain(open(), recent, streamName, events, appendOptions?.expectedRevision ?? 'any', retry);
    },
    /**
     * Appends each part in turn, and each part in appends of at most `maxAppendBytes`, cut only between commands
     * (see append-size.ts); every append after a part's first expects exactly the revision the one before reached.
     * Each append is atomic; the whole is not (EventStoreDB has no transaction across appends). A failure leaves the
     * parts before it written, of its own part the appends before it (whole commands, in order) and nothing after:
     * appending the same parts again (the same event ids) acknowledges what is stored and writes the rest. A command
     * larger than the limit fails before anything is written.
     */
    async appendMany(appends: readonly StreamAppend[]): Promise<readonly AppendResult[]> {
      const plans = appends.map((part) => ({ part, chunks: splitPart(part, maxBytes) }));
      const results: AppendResult[] = [];
      for (const { part, chunks } of plans) {
        let expected = part.expectedRevision ?? 'any';
        let result: AppendResult | undefined;
        for (const chunk of chunks) {
          result = await appendWithChain(open(), recent, part.streamName, chunk, expected, retry);
          expected = result.nextExpectedRevision;
        }
        if (result !== undefined) results.push(result);
      }
      return results;
    },
    async readStream(streamName: string, readOptions?: ReadStreamOptions): Promise<readonly RecordedEvent[]> {
      return readStreamEvents(open(), streamName, readOptions);
    },
    async readAll(readOptions: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
      return readAllEvents(open(), readOptions.after, readOptions.maxCount);
    },
    subscribeToAll(subscribeOptions: SubscribeToAllOptions = {}): Subscription {
      const subscription = new EsdbSubscription(open(), subscribeOptions.after, (ended) => subscriptions.delete(ended));
      subscriptions.add(subscription);
      return subscription;
    },
    async bindIdempotencyKey(binding) {
      return bindIdempotencyKey(open(), binding);
    },
    async streamExists(streamName: string): Promise<boolean> {
      return (await readStreamEvents(open(), streamName, { direction: 'backwards', maxCount: 1 })).length > 0;
    },
    async headPosition(): Promise<bigint | undefined> {
      return readHeadPosition(open());
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.unsubscribe()));
      await client.dispose();
    },
  };
}
