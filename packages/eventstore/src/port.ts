/**
 * The event store port. Three adapters implement it (memory here, SQLite and EventStoreDB in their
 * own packages) and one contract suite (`@salesbook/eventstore/testing`) holds them to it.
 *
 * @example
 * const result = await store.appendToStream('order-42', [{ eventId, type: 'OrderPlaced', data, metadata }], {
 *   expectedRevision: 'no_stream',
 * });
 * const history = await store.readStream('order-42');
 */

import type { IdempotencyKeyStore } from './idempotency-keys.js';
import type { SnapshotStore } from './snapshots.js';

/** JSON that an event's data and metadata may hold. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** What an append expects of the stream: anything, no stream yet, an existing stream, or an exact revision. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** An event to append. `metadata` must not hold `hash`: the store computes the chain. */
export interface NewEvent {
  /** Unique in the store; appending the same ids again is acknowledged and writes nothing. A UUID. */
  readonly eventId: string;
  readonly type: string;
  readonly data: Json;
  readonly metadata: { readonly [key: string]: Json };
}

/** An event as stored. `revision` counts from 0 in its stream; `position` orders the whole store. */
export interface RecordedEvent {
  readonly streamName: string;
  readonly revision: number;
  readonly position: bigint;
  readonly eventId: string;
  readonly type: string;
  readonly data: Json;
  /** The appended metadata plus `hash`, the link of the stream's hash chain. */
  readonly metadata: { readonly [key: string]: Json } & { readonly hash: string };
  /** When the store recorded it (ISO 8601 UTC), as opposed to the business time in metadata. */
  readonly recordedAt: string;
}

/** The outcome of a successful append. */
export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  readonly nextExpectedRevision: number;
  /** Global position of the last event appended (or of the original, for an idempotent repeat). */
  readonly position: bigint;
  /**
   * The chain link (`metadata.hash`) of each event this append wrote, in order, when the store computed them:
   * absent for an idempotent repeat or an empty batch, and from stores that do not say. Lets a caller answer with
   * the hashes without computing the chain a second time.
   */
  readonly hashes?: readonly string[];
}

/** One stream's part of a multi-stream append. */
export interface StreamAppend {
  readonly streamName: string;
  readonly events: readonly NewEvent[];
  readonly expectedRevision?: ExpectedRevision;
}

/** Options of a stream read. Reads of a stream that does not exist return no events. */
export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** First revision to read (inclusive); defaults to the start (forwards) or the end (backwards). */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

/** Options of a read of the whole store in global order. */
export interface ReadAllOptions {
  /** Read events strictly after this position; from the beginning when absent. */
  readonly after?: bigint;
  readonly maxCount?: number;
}

/** What a subscription delivers: events in global order, and a marker when it has caught up with the log. */
export type SubscriptionMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  | { readonly kind: 'caught-up'; readonly position: bigint | undefined };

/** A live catch-up subscription; iterate it, and `unsubscribe` to end it (the iteration then ends). */
export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  unsubscribe(): Promise<void>;
}

/** Options of a catch-up subscription to all streams. */
export interface SubscribeToAllOptions {
  /** Deliver events strictly after this position; from the beginning when absent. */
  readonly after?: bigint;
}

/** The port every event store adapter implements; it also keeps the bindings of idempotency keys. */
export interface EventStore extends IdempotencyKeyStore {
  /**
   * True when a stream's revisions count its events from 0 with no gap, so a read from revision r + 1 returns
   * exactly what was appended after revision r, and an append at revision r fails once anything was. Command
   * handling keeps folded states (its `stateCache`) only for such a store.
   */
  readonly revisionsExact?: boolean;
  /** Snapshots of folded states kept beside the streams, for stores that keep them (SQLite). */
  readonly snapshots?: SnapshotStore;
  /** Appends atomically, or fails with a {@link WrongExpectedRevisionError} and writes nothing. */
  appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;
  /**
   * Appends to several streams. The embedded stores do it in one transaction (all or nothing);
   * EventStoreDB has no multi-stream transaction, so there each stream's part is atomic on its own.
   */
  appendMany(appends: readonly StreamAppend[]): Promise<readonly AppendResult[]>;
  readStream(streamName: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]>;
  /** One page of the global log; loop with `after` set to the last position to read it all. */
  readAll(options?: ReadAllOptions): Promise<readonly RecordedEvent[]>;
  /** Every event after `after` exactly once and in order, then live ones; system events are never delivered. */
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  streamExists(streamName: string): Promise<boolean>;
  /** The position of the last event in the store, or `undefined` when it is empty. */
  headPosition(): Promise<bigint | undefined>;
  /**
   * How many events a subscription would deliver after `after` (from the start when undefined), counting at most
   * `limit`: what a read model lags behind the store. Stores that can count without reading the events implement it
   * (SQLite, from its index); otherwise callers read `readAll` pages and count them.
   */
  countEventsAfter?(after: bigint | undefined, limit: number): Promise<number>;
  close(): Promise<void>;
}
