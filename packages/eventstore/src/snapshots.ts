import type { Json } from './port.js';

/** A stream's folded state at a revision, kept beside the stream to shorten the next load. */
export interface StoredSnapshot {
  /** Revision of the last event folded into `state`. */
  readonly revision: number;
  readonly state: Json;
}

/**
 * Where a store keeps snapshots. They are not part of the log: no read of events returns them, the hash chain does
 * not cover them, and deleting them all changes nothing but the speed of the next loads.
 */
export interface SnapshotStore {
  /** The snapshot of `streamName` written under `schema`, if any; one of another schema is never returned. */
  readSnapshot(streamName: string, schema: string): Promise<StoredSnapshot | undefined>;
  /** Keeps `snapshot` unless one at a later revision is kept under the same schema. */
  writeSnapshot(streamName: string, schema: string, snapshot: StoredSnapshot): Promise<void>;
}

/** How {@link loadAggregate} uses snapshots for one aggregate. */
export interface SnapshotPolicy<S> {
  /**
   * Names the state's shape and the fold that made it (`customer-state@3`): change it whenever `evolve`, the state's
   * type or `toJson` change, and snapshots written before are ignored.
   */
  readonly schema: string;
  /** A snapshot is written when a load folded at least this many events after the last one (default 250). */
  readonly every?: number;
  readonly toJson: (state: S) => Json;
  /** Reads a state back; throwing (a zod parse) makes the load ignore the snapshot and fold from zero. */
  readonly fromJson: (json: Json) => S;
}

/** Default distance between snapshots, in events: a load then decodes fewer than 250 events after one. */
export const DEFAULT_SNAPSHOT_EVERY = 250;
