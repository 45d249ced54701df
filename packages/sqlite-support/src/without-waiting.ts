import type { PragmaConnection } from './wal-checkpointer.js';

/** Whether `error` is SQLite's "the database is locked" (another connection holds the lock asked for). */
const isBusy = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'SQLITE_BUSY';

/**
 * Runs `work` on `db` with a busy timeout of zero: a write that finds another connection holding the file's write
 * lock fails at once instead of sleeping on the event loop until it is free (SQLite's busy handler sleeps 1, 2, 5,
 * 10 ms and longer between tries). Answers whether `work` ran to its end; `false` when it was refused as busy (the
 * caller tries again later, off this turn). Any other error is thrown. The busy timeout is put back either way.
 *
 * For writes that may wait, on a file another thread or process writes often: e.g. the API's policy positions in
 * the read-model file its read-model thread commits batches to.
 *
 * @example
 * if (!withoutWaiting(db, () => upsert.run(name, position))) setTimeout(retry, 10);
 */
export function withoutWaiting(db: PragmaConnection, work: () => void): boolean {
  const timeout = Number(db.pragma('busy_timeout', { simple: true }));
  db.pragma('busy_timeout = 0');
  try {
    work();
    return true;
  } catch (error) {
    if (isBusy(error)) return false;
    throw error;
  } finally {
    if (db.open) db.pragma(`busy_timeout = ${timeout}`);
  }
}
