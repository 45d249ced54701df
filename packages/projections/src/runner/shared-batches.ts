import type Database from 'better-sqlite3';

/** A follower's side of {@link SharedBatches}. */
export interface HeldBatch {
  /** Applies the follower's held events (inside the shared transaction, as a savepoint of its own). */
  apply(): void;
  /** The shared transaction did not commit: the follower forgets what `apply` did and fails with `failure`. */
  rolledBack(failure: string): void;
}

/**
 * Batches of several followers held for one shared apply: one timer and one transaction for all of them, not one
 * each. A runner keeps two. The live followers' (with `liveBatchMs`, as the delay): every live follower takes each
 * new event from the shared tail in the same turn, so each used to arm its own timer and commit its own transaction
 * (its tables' pages and the checkpoint page, written again by the next follower's commit) a few microseconds
 * apart. The catching-up followers' (no delay): they take the same shared pages in the same turn, so each due batch
 * of a rebuild of all projections is one transaction, not one per projection. The first follower to hold arms the
 * one timer; when it fires, each holder applies its batch inside one outer transaction (each `applyBatch` is a
 * savepoint, so one projection's failure stays its own), and the checkpoint page and the WAL frames are written
 * once. If that COMMIT fails, nothing of it is in the file and every holder is told so. With no delay the apply runs
 * on the next turn of the event loop (`setImmediate`), before the followers that held in this turn take their next
 * page (each waits for a later `setImmediate`).
 */
export class SharedBatches {
  private readonly held = new Set<HeldBatch>();
  /** Cancels the pending apply, while one is pending. */
  private cancel: (() => void) | undefined;

  constructor(
    private readonly db: Database.Database,
    /** How long the first held event waits for others, in ms. */
    readonly delayMs: number,
  ) {}

  /** Holds `batch` for the next shared apply (at most `delayMs` from the first hold). */
  hold(batch: HeldBatch): void {
    this.held.add(batch);
    this.cancel ??= this.schedule();
  }

  /** Takes `batch` out of the next shared apply (its follower applied, or is about to apply, on its own). */
  release(batch: HeldBatch): void {
    this.held.delete(batch);
    if (this.held.size === 0) this.unschedule();
  }

  /** Applies every held batch now, in one transaction. */
  applyHeld(): void {
    this.unschedule();
    const due = [...this.held];
    this.held.clear();
    if (due.length === 0) return;
    try {
      this.db.transaction(() => {
        for (const batch of due) {
          // An I/O error or a full disk can end the whole transaction: then nothing more may be applied outside it.
          if (!this.db.inTransaction) throw new Error('the shared read-model transaction was rolled back');
          batch.apply();
        }
      })();
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error);
      for (const batch of due) batch.rolledBack(failure);
    }
  }

  private schedule(): () => void {
    if (this.delayMs === 0) {
      const immediate = setImmediate(() => this.applyHeld());
      return () => clearImmediate(immediate);
    }
    const timer = setTimeout(() => this.applyHeld(), this.delayMs);
    return () => clearTimeout(timer);
  }

  private unschedule(): void {
    this.cancel?.();
    this.cancel = undefined;
  }
}
