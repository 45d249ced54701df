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
import { bindIdempotencyKey } from './idempotency-keys.js';
import { readAllEvents, readHeadPosition, readStreamEvents } from './reads.js';
import { RecentEventIds } from './recent-event-ids.js';
import { EsdbSubscription } from './subscription.js';

/** How to reach EventStoreDB (or KurrentDB). */
export interface EsdbEventStoreOptions {
  /** An `esdb://` (or `esdb+discover://`) connection string, e.g. `esdb://localhost:2113?tls=false`. */
  readonly connectionString: string;
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
  const client = connect(options.connectionString);
  const recent = new RecentEventIds();
  const subscriptions = new Set<EsdbSubscription>();
  let closed = false;
  const open = (): EventStoreDBClient => {
    if (closed) throw new StoreError('STORE_UNAVAILABLE', 'the EventStoreDB store is closed');
    return client;
  };

  return {
    async appendToStream(streamName: string, events: readonly NewEvent[], appendOptions?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult> {
      return appendWithChain(open(), recent, streamName, events, appendOptions?.expectedRevision ?? 'any');
    },
    /**
     * Appends each part in turn, each atomic on its own: EventStoreDB has no transaction across
     * streams, so a refused part leaves the parts before it written (and the rest unwritten).
     */
    async appendMany(appends: readonly StreamAppend[]): Promise<readonly AppendResult[]> {
      const results: AppendResult[] = [];
      for (const part of appends) {
        results.push(await appendWithChain(open(), recent, part.streamName, part.events, part.expectedRevision ?? 'any'));
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
