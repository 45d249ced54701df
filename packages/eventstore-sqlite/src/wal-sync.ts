import { closeSync, fsync, openSync } from 'node:fs';

/** Syncs the WAL of an open store; {@link WalSync.close} releases its file descriptor. */
export interface WalSync {
  /** Resolves once every WAL frame written before the call is on disk. */
  sync(): Promise<void>;
  close(): void;
}

/**
 * Makes committed WAL frames durable off the event loop: `fsync` of the `-wal` file runs on libuv's
 * thread pool. Calls coalesce: a call while a sync is in flight waits for the next sync, which starts
 * after the current one ends (so it covers every frame written before the call); one sync serves every
 * call made meanwhile. The descriptor stays open: SQLite removes or replaces the `-wal` file only when
 * the last connection closes (or the journal mode changes), and the store's own connection stays open
 * until after its last sync.
 */
export function createWalSync(walPath: string): WalSync {
  let fd: number | undefined;
  let inFlight: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const syncOnce = (): Promise<void> =>
    new Promise((resolve, reject) => {
      try {
        fd ??= openSync(walPath, 'r');
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
