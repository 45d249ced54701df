import type { EventStore } from './port.js';

/** Where a stream stood when its state was folded: its last event's revision, position and chain link. */
export interface StreamHead {
  readonly revision: number;
  readonly position: bigint;
  readonly hash: string;
}

/** A stream's folded state as this process last saw it. */
export interface CachedState<S> {
  /** Treated as immutable, as deciders treat every state. */
  readonly state: S;
  readonly head: StreamHead;
  /** Every command id in the stream up to `head`, so a repeat is known without reading the stream again. */
  readonly commandIds: Set<string>;
}

/** Who folded a state: it is reused only by the same store, decider, registry and codec. */
export interface StateOwner {
  readonly store: EventStore;
  readonly decider: object;
  readonly registry: object;
  readonly codec: object;
}

/** Options of {@link createAggregateStateCache}. */
export interface AggregateStateCacheOptions {
  /** Bound of the cache, in units of one per stream plus one per command id it remembers (default 50,000). */
  readonly maxWeight?: number;
}

/**
 * Folded aggregate states by stream, least recently used first out. Command handling reads only the events
 * after a cached head (usually none) instead of the whole stream; see `handleCommand`'s `stateCache`.
 */
export interface AggregateStateCache {
  get<S>(owner: StateOwner, streamName: string): CachedState<S> | undefined;
  /** Keeps `entry` unless a later head of the same stream is already kept. */
  set<S>(owner: StateOwner, streamName: string, entry: CachedState<S>): void;
  /** Forgets a stream (after a failed append, or when its state must not stay in memory). */
  delete(streamName: string): void;
  clear(): void;
  /** Streams kept, and their weight against `maxWeight`. */
  stats(): { readonly streams: number; readonly weight: number };
}

/** Default bound: about 6 MB of command ids at most, besides the states themselves. */
export const DEFAULT_STATE_CACHE_WEIGHT = 50_000;

interface Slot {
  readonly owner: StateOwner;
  readonly entry: CachedState<unknown>;
  readonly weight: number;
}

const sameOwner = (a: StateOwner, b: StateOwner): boolean =>
  a.store === b.store && a.decider === b.decider && a.registry === b.registry && a.codec === b.codec;

/**
 * A cache of folded states, bounded by weight (one per stream plus one per command id held).
 *
 * @example
 * const stateCache = createAggregateStateCache({ maxWeight: 20_000 });
 * await handleCommand({ store, codec, decider, registry, streamName, command, commandId, stateCache });
 */
export function createAggregateStateCache(options: AggregateStateCacheOptions = {}): AggregateStateCache {
  const maxWeight = options.maxWeight ?? DEFAULT_STATE_CACHE_WEIGHT;
  // A Map iterates in insertion order: re-inserting on use makes its first key the least recently used.
  const slots = new Map<string, Slot>();
  let weight = 0;
  const remove = (streamName: string): void => {
    const slot = slots.get(streamName);
    if (slot === undefined) return;
    slots.delete(streamName);
    weight -= slot.weight;
  };
  return {
    get<S>(owner: StateOwner, streamName: string) {
      const slot = slots.get(streamName);
      if (slot === undefined || !sameOwner(slot.owner, owner)) return undefined;
      slots.delete(streamName);
      slots.set(streamName, slot);
      // The owner's decider folded this state, so it is that decider's state type.
      return slot.entry as CachedState<S>;
    },
    set<S>(owner: StateOwner, streamName: string, entry: CachedState<S>) {
      const current = slots.get(streamName);
      if (current !== undefined && sameOwner(current.owner, owner) && current.entry.head.revision > entry.head.revision)
        return;
      remove(streamName);
      const slotWeight = 1 + entry.commandIds.size;
      if (slotWeight > maxWeight) return;
      slots.set(streamName, { owner, entry, weight: slotWeight });
      weight += slotWeight;
      for (const oldest of slots.keys()) {
        if (weight <= maxWeight) break;
        remove(oldest);
      }
    },
    delete: remove,
    clear() {
      slots.clear();
      weight = 0;
    },
    stats: () => ({ streams: slots.size, weight }),
  };
}
