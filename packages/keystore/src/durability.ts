import type Database from 'better-sqlite3';
import { StoreUnavailableError } from '@salesbook/eventstore';
import { createFileSync, startWalCheckpointer } from '@salesbook/sqlite-support';
import { inWalMode } from './schema.js';

/**
 * When the key store's writes, and the rows its reads found, are on disk. A key may be handed out only
 * once its row is durable: an event sealed with a key must never survive a power cut that loses the key.
 */
export interface Durability {
  /** Throws once a sync has failed: from then on the store writes nothing and hands out no key until reopened. */
  assertUsable(): void;
  /** Call right after a COMMIT that wrote `names`: resolves once it is on disk; rejects (for good) if the sync failed. */
  committed(names: readonly string[]): Promise<void>;
  /**
   * Call after reading rows of `names`: resolves once what was read is on disk, i.e. this store's commits of
   * those names still being synced, and whatever another connection (another process) committed meanwhile.
   */
  found(names: readonly string[]): Promise<void>;
  /** Copies the whole -wal into the file and truncates it to 0 bytes; `false` when another connection kept it from completing. */
  truncateWal(): boolean;
  /**
   * Runs `work` while this store's own checkpoint thread starts no checkpoint (and none is running), so a VACUUM and
   * {@link Durability.truncateWal} are kept from completing only by another process, never by this one's thread.
   */
  withoutCheckpoints<T>(work: () => T): Promise<T>;
  /** Resolves once every sync started so far has ended. */
  settled(): Promise<void>;
  /** Stops the checkpoint thread and releases the -wal descriptor; call it after {@link Durability.settled}. */
  close(): Promise<void>;
}

interface CheckpointRow {
  readonly busy: number;
  readonly log: number;
}

/** `:memory:`: no file, nothing to sync; the COMMIT is all there is. */
const IN_MEMORY: Durability = {
  assertUsable: () => undefined,
  committed: async () => undefined,
  found: async () => undefined,
  truncateWal: () => true,
  withoutCheckpoints: async (work) => work(),
  settled: async () => undefined,
  close: async () => undefined,
};

/**
 * A file in WAL mode at `synchronous=NORMAL`: a COMMIT only writes WAL frames (no fsync on the event loop) and
 * the -wal is fsynced on libuv's thread pool (`createFileSync`, shared with the event store, and as there with
 * `fdatasync`: the data and the length, not the modification time, which every commit changes); callers are
 * answered after that fsync, so what they get is as durable as at `synchronous=FULL`. A row read back before its
 * fsync ended is not handed out either: this store's own unsynced rows are tracked by name, and any other
 * connection's commit is seen in `PRAGMA data_version` and waits for a sync of the -wal (an fsync flushes the
 * file, whichever process wrote it). A failed fsync poisons the store: on Linux a failed fsync may drop the
 * unwritten pages and a retry then reports success, so no later sync can vouch for them. Checkpoints run on a
 * worker thread (`startWalCheckpointer`), so their fsyncs never stall the event loop inside a commit.
 */
export function createDurability(db: Database.Database, path: string): Durability {
  if (!inWalMode(db)) return IN_MEMORY;
  db.pragma('synchronous = NORMAL');
  const wal = createFileSync(`${path}-wal`, { dataOnly: true });
  // Checkpoints (and their fsyncs) on a thread of their own, never inside a commit on the event loop; the WAL grown
  // ahead of the commits, each of which waits for its fsync.
  const checkpoints = startWalCheckpointer(db, path, { growAhead: true });
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  const unsynced = new Map<string, Promise<void>>();
  const syncing = new Set<Promise<void>>();
  let failure: StoreUnavailableError | undefined;
  // Other connections' commits are known to be on disk up to this data_version (nothing is known at open).
  let covered: number | undefined;

  const sync = (): Promise<void> => {
    if (failure !== undefined) return Promise.reject(failure);
    const synced = wal.sync().catch((error: unknown) => {
      failure ??= new StoreUnavailableError(
        `the key store ${path} could not make its writes durable (fsync of its -wal failed): it hands out no key and writes nothing until it is reopened`,
        { cause: error },
      );
      throw failure;
    });
    const tracked = synced.catch(() => undefined);
    syncing.add(tracked);
    void tracked.then(() => syncing.delete(tracked));
    return synced;
  };

  return {
    assertUsable() {
      if (failure !== undefined) throw failure;
    },
    committed(names) {
      const synced = sync();
      for (const name of names) unsynced.set(name, synced);
      const done = (): void => {
        for (const name of names) if (unsynced.get(name) === synced) unsynced.delete(name);
      };
      synced.then(done, done);
      return synced;
    },
    async found(names) {
      const waits = names.flatMap((name) => unsynced.get(name) ?? []);
      const version = dataVersion.get();
      if (version !== covered) {
        waits.push(
          sync().then(() => {
            covered = version;
          }),
        );
      }
      if (waits.length > 0) await Promise.all(waits);
    },
    truncateWal() {
      try {
        const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as CheckpointRow[];
        return row !== undefined && row.busy === 0 && row.log === 0;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')))
          return false;
        throw error;
      }
    },
    async withoutCheckpoints(work) {
      const resume = await checkpoints.pause();
      try {
        return work();
      } finally {
        resume();
      }
    },
    async settled() {
      await Promise.all([...syncing]);
    },
    async close() {
      await checkpoints.close();
      wal.close();
    },
  };
}
