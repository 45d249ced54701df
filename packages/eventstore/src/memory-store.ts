import { StoreUnavailableError } from './errors.js';
import { compareBinding } from './idempotency-keys.js';
import {
  appendManyToLog,
  appendToLog,
  createMemoryEventLog,
  readAllFromLog,
  readStreamFromLog,
  type MemoryEventLog,
} from './memory-log.js';
import { createPollingSubscription } from './polling-subscription.js';
import type { EventStore, Subscription } from './port.js';
import type { StoredSnapshot } from './snapshots.js';

/** Options of {@link createMemoryEventStore}. */
export interface MemoryEventStoreOptions {
  /** The log to use; share one between stores to model several instances on one database. */
  readonly log?: MemoryEventLog;
  /** The store's clock for `recordedAt` (default: the system clock). */
  readonly clock?: () => Date;
}

/**
 * An event store in memory, for unit tests and embedders' tests. It honours the whole port
 * (expected revisions, idempotent ids, hash chain, atomic `appendMany`, catch-up subscriptions, idempotency keys);
 * its data lives as long as the process.
 *
 * @example
 * const store = createMemoryEventStore();
 * await store.appendToStream('order-42', [event], { expectedRevision: 'no_stream' });
 */
export function createMemoryEventStore(options: MemoryEventStoreOptions = {}): EventStore {
  const log = options.log ?? createMemoryEventLog();
  const clock = options.clock ?? (() => new Date());
  const subscriptions = new Set<Subscription>();
  let closed = false;

  // Every operation is async on the outside and synchronous inside, so each append is atomic.
  const open = (): void => {
    if (closed) throw new StoreUnavailableError('the in-memory event store is closed');
  };
  const appended = <T>(result: T): T => {
    log.notifier.notify();
    return result;
  };

  // Snapshots of this instance only: they are a cache of folds, not part of the shared log.
  const snapshots = new Map<string, StoredSnapshot>();
  const snapshotKey = (streamName: string, schema: string): string => JSON.stringify([schema, streamName]);
  return {
    revisionsExact: true,
    snapshots: {
      async readSnapshot(streamName, schema) {
        open();
        return snapshots.get(snapshotKey(streamName, schema));
      },
      async writeSnapshot(streamName, schema, snapshot) {
        open();
        const key = snapshotKey(streamName, schema);
        if ((snapshots.get(key)?.revision ?? -1) < snapshot.revision) snapshots.set(key, snapshot);
      },
    },
    async appendToStream(streamName, events, appendOptions) {
      open();
      return appended(
        appendToLog(log, streamName, events, appendOptions?.expectedRevision ?? 'any', clock().toISOString()),
      );
    },
    async appendMany(appends) {
      open();
      return appended(appendManyToLog(log, appends, clock().toISOString()));
    },
    async readStream(streamName, readOptions) {
      open();
      return readStreamFromLog(log, streamName, readOptions);
    },
    async readAll(readOptions) {
      open();
      return readAllFromLog(log, readOptions?.after, readOptions?.maxCount);
    },
    subscribeToAll(subscribeOptions) {
      const subscription = createPollingSubscription({
        readAll: async (after, maxCount) => {
          open();
          return readAllFromLog(log, after, maxCount);
        },
        notifier: log.notifier,
        onEnd: () => subscriptions.delete(subscription),
        ...(subscribeOptions?.after === undefined ? {} : { after: subscribeOptions.after }),
      });
      if (closed) void subscription.unsubscribe();
      else subscriptions.add(subscription);
      return subscription;
    },
    async bindIdempotencyKey(binding) {
      open();
      const stored = log.idempotencyKeys.get(binding.key);
      if (stored !== undefined) return compareBinding(stored, binding);
      log.idempotencyKeys.set(binding.key, { fingerprint: binding.fingerprint, boundAt: binding.boundAt });
      return { kind: 'bound' };
    },
    async streamExists(streamName) {
      open();
      return log.streams.has(streamName);
    },
    async headPosition() {
      open();
      return log.events[log.events.length - 1]?.position;
    },
    async close() {
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.unsubscribe()));
    },
  };
}
