import type Database from 'better-sqlite3';
import { withoutWaiting } from '@salesbook/sqlite-support';

/** How long a policy's position may wait in memory before it is written (see {@link PolicyCheckpoints.advance}). */
export const POLICY_CHECKPOINT_DELAY_MS = 100;
/** How long a position that could not be written waits before it is tried again. */
const POLICY_CHECKPOINT_RETRY_MS = 1_000;
/** How long a position waits to be tried again when another connection held the file's write lock. */
const POLICY_CHECKPOINT_BUSY_MS = 10;

/**
 * Where each policy has read the log up to, kept in the read-model file beside the projections' checkpoints.
 * `advance` coalesces: the position is written at most once per {@link POLICY_CHECKPOINT_DELAY_MS} (one write
 * transaction for every event of that time, where a write per commit cost the API's thread about 1% at 1,000
 * commands/s); `read` answers the newest position, written or not. A crash before the write re-delivers those
 * events, which the policy's idempotent command ids absorb.
 */
export class PolicyCheckpoints {
  private readonly select: Database.Statement<[string], string>;
  private readonly upsert: Database.Statement<[string, string]>;
  private readonly unwritten = new Map<string, bigint>();
  private scheduled: NodeJS.Timeout | undefined;

  constructor(private readonly db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS policy_checkpoints (policy TEXT PRIMARY KEY, position TEXT NOT NULL)');
    this.select = db.prepare<[string], string>('SELECT position FROM policy_checkpoints WHERE policy = ?').pluck();
    this.upsert = db.prepare(
      'INSERT INTO policy_checkpoints (policy, position) VALUES (?, ?) ON CONFLICT (policy) DO UPDATE SET position = excluded.position',
    );
  }

  read(policy: string): bigint | undefined {
    const unwritten = this.unwritten.get(policy);
    if (unwritten !== undefined) return unwritten;
    const text = this.select.get(policy);
    return text === undefined ? undefined : BigInt(text);
  }

  /** Writes at once; a position that could not be written stays to be written later. */
  write(policy: string, position: bigint): void {
    this.upsert.run(policy, position.toString());
    if (this.unwritten.get(policy) === position) this.unwritten.delete(policy);
  }

  /** Records that everything up to `position` was handled; written within {@link POLICY_CHECKPOINT_DELAY_MS} (or by {@link flush}). */
  advance(policy: string, position: bigint): void {
    this.unwritten.set(policy, position);
    this.schedule(POLICY_CHECKPOINT_DELAY_MS);
  }

  private schedule(ms: number): void {
    // Unref'd: a pending write never keeps the process alive; shutdown calls flush.
    this.scheduled ??= setTimeout(() => this.flushLater(), ms).unref();
  }

  /**
   * The timer's flush. A file that cannot be written now must not end the process from a timer: the positions stay in
   * memory and are tried again, 10 ms later when another connection held the write lock (never waited for here), a
   * second later on any other failure (a full disk). Nothing is lost meanwhile: a crash re-delivers those events,
   * which the policy's command ids absorb.
   */
  private flushLater(): void {
    try {
      // The read-model thread commits its batches to this file: the timer never sleeps on the event loop waiting for
      // its write lock (which stalled every request for 3-16 ms, ten times a second, at 1,000 commands/s).
      if (!withoutWaiting(this.db, () => this.flush())) this.schedule(POLICY_CHECKPOINT_BUSY_MS);
    } catch {
      this.schedule(POLICY_CHECKPOINT_RETRY_MS);
    }
  }

  /** Writes the positions `advance` still holds. */
  flush(): void {
    if (this.scheduled !== undefined) clearTimeout(this.scheduled);
    this.scheduled = undefined;
    for (const [policy, position] of [...this.unwritten]) this.write(policy, position);
  }
}
