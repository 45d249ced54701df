import { closeSync, fsync, openSync } from 'node:fs';

/** Syncs one file off the event loop; {@link FileSync.close} releases its file descriptor. */
export interface FileSync {
  /** Resolves once every byte written to the file before the call is on disk; rejects if the fsync fails. */
  sync(): Promise<void>;
  /** Closes the descriptor: call it only once no sync is in flight (await the last `sync()` first). */
  close(): void;
}

/**
 * Makes what was written to a file durable without blocking the event loop: `fsync` runs on libuv's
 * thread pool. Made for a SQLite `-wal` file whose connection commits at `synchronous=NORMAL`: the
 * COMMIT only writes WAL frames, and the caller is answered once this sync of the WAL has returned,
 * which is what `synchronous=FULL` does, minus the wait on the event loop. Used by
 * `@salesbook/eventstore-sqlite` (group commit) and `@salesbook/keystore` (first data keys).
 *
 * Calls coalesce: a call while a sync is in flight waits for the next sync, which starts after the
 * current one ends (so it covers every byte written before the call); one sync serves every call made
 * meanwhile. fsync flushes the file (its inode), so it also covers what other processes wrote to it.
 * The descriptor is opened on the first sync and stays open: SQLite removes or replaces the `-wal` file
 * only when the last connection closes (or the journal mode changes), and a store keeps its own
 * connection open until after its last sync.
 *
 * @example
 * const wal = createFileSync(`${path}-wal`);
 * commit(); // at synchronous=NORMAL
 * await wal.sync(); // now the commit survives a power cut
 */
export function createFileSync(filePath: string): FileSync {
  let fd: number | undefined;
  let inFlight: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const syncOnce = (): Promise<void> =>
    new Promise((resolve, reject) => {
      try {
        fd ??= openSync(filePath, 'r');
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      fsync(fd, (error) => (error === null ? resolve() : reject(error)));
    });
  const start = (): Promise<void> => {
    const started = syncOnce().finally(() => {
      if (inFlight === started) inFlight = undefined;
    });
    inFlight = started;
    return started;
  };
  return {
    sync() {
      if (inFlight === undefined) return start();
      next ??= inFlight
        .catch(() => undefined)
        .then(() => {
          next = undefined;
          return start();
        });
      return next;
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
