import type { RecordedEvent } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import type { Projection, ProjectionContext } from '../model/projection.js';
import { Checkpoints } from './checkpoints.js';
import { DeadLetters } from './dead-letters.js';
import { digestTableSet, type ReadModelDigest } from './digest.js';
import { RowStore } from './row-store.js';
import { describeError } from './stored-event.js';

/** What one batch did. */
export interface BatchOutcome {
  readonly applied: number;
  readonly parked: number;
  /** The error of the last event that could not be applied in this batch, if any. */
  readonly lastError: string | undefined;
}

/** A table set's checkpoint and blocked streams at one moment (see {@link TableSet.snapshot}). */
export interface TableSetSnapshot {
  readonly position: bigint | undefined;
  readonly blocked: ReadonlySet<string>;
}

/** What a retry of parked events did. */
export interface RetryOutcome {
  readonly applied: number;
  readonly stillParked: number;
  readonly errors: readonly { readonly streamName: string; readonly position: bigint; readonly error: string }[];
}

// SQLite failures of the machine (disk full, I/O, busy) fail the whole batch; only a projection's own
// mistakes (a throw, a constraint or type violation of its rows) park the event.
const isProjectionFault = (error: unknown): boolean =>
  !(error instanceof Database.SqliteError) ||
  error.code.startsWith('SQLITE_CONSTRAINT') ||
  error.code === 'SQLITE_MISMATCH';

/**
 * One generation of one projection: its tables, checkpoint and dead letters. Applies batches atomically
 * with the checkpoint, parks what it cannot apply, and keeps a blocked stream's later events behind it.
 */
export class TableSet {
  private readonly rows: RowStore;
  private readonly deadLetters: DeadLetters;
  private readonly checkpoints: Checkpoints;
  private blocked: ReadonlySet<string>;

  constructor(
    private readonly db: Database.Database,
    readonly projection: Projection,
    readonly generation: number,
    private readonly context: ProjectionContext,
    private current: bigint | undefined,
    /** Whether the generation's tables were just created (so hold no row): see {@link RowStore}. */
    empty = false,
  ) {
    this.rows = new RowStore(db, projection.name, generation, projection.tables, empty);
    this.deadLetters = new DeadLetters(db, projection.name, generation);
    this.checkpoints = new Checkpoints(db);
    this.blocked = new Set(this.deadLetters.blockedStreams());
  }

  /** The checkpoint: the position of the last event this generation has taken (applied or parked). */
  get position(): bigint | undefined {
    return this.current;
  }

  /** What {@link TableSet.restore} goes back to: the checkpoint and the blocked streams as they are now. */
  snapshot(): TableSetSnapshot {
    return { position: this.current, blocked: this.blocked };
  }

  /**
   * Goes back to `snapshot` after the transaction that an {@link TableSet.applyBatch} ran inside (as a savepoint)
   * failed to commit: the file never held what the batch did.
   */
  restore(snapshot: TableSetSnapshot): void {
    this.rows.forget();
    this.current = snapshot.position;
    this.blocked = snapshot.blocked;
  }

  /**
   * Applies `events` (in order, all after the checkpoint) and moves the checkpoint, in one transaction (a savepoint
   * when the caller has one open: then the caller's COMMIT makes it durable, see {@link TableSet.restore}). The
   * events are folded in memory and each row they change is written once, at the end (see {@link RowStore}). With
   * `through` (at or after the last event), the checkpoint moves there: the events in between were not the projection's.
   */
  applyBatch(events: readonly RecordedEvent[], through?: bigint): BatchOutcome {
    const last = through ?? events.at(-1)?.position;
    if (last === undefined || (events.length === 0 && this.current !== undefined && last <= this.current))
      return { applied: 0, parked: 0, lastError: undefined };
    const blocked = new Set(this.blocked);
    let applied = 0;
    let parked = 0;
    let lastError: string | undefined;
    this.inTransaction(() => {
      for (const event of events) {
        if (blocked.has(event.streamName)) {
          this.deadLetters.park(event, null);
          parked += 1;
          continue;
        }
        const error = this.tryApply(event);
        if (error === undefined) {
          applied += 1;
        } else {
          this.deadLetters.park(event, error);
          blocked.add(event.streamName);
          parked += 1;
          lastError = error;
        }
      }
      this.rows.flush();
      this.checkpoints.save(this.projection.name, this.generation, last);
    });
    this.blocked = blocked;
    this.current = last;
    return { applied, parked, lastError };
  }

  /** Applies the parked events of `streamName` (or of every blocked stream) in order, stopping a stream at its first failure. */
  retry(streamName?: string): RetryOutcome {
    const streams = streamName === undefined ? [...this.blocked].sort() : [streamName];
    let applied = 0;
    const errors: { streamName: string; position: bigint; error: string }[] = [];
    const blocked = new Set(this.blocked);
    this.inTransaction(() => {
      for (const stream of streams) {
        for (const parked of this.deadLetters.list(stream)) {
          const error = this.tryApply(parked.event);
          if (error !== undefined) {
            this.deadLetters.failedAgain(parked.position, error);
            errors.push({ streamName: stream, position: parked.position, error });
            break;
          }
          this.deadLetters.release(parked.position);
          applied += 1;
        }
        if (this.deadLetters.list(stream).length === 0) blocked.delete(stream);
      }
      this.rows.flush();
    });
    this.blocked = blocked;
    return { applied, stillParked: this.deadLetters.size(), errors };
  }

  /** Parked events, oldest first. */
  parked(streamName?: string): ReturnType<DeadLetters['list']> {
    return this.deadLetters.list(streamName);
  }

  parkedCount(): number {
    return this.deadLetters.size();
  }

  blockedStreams(): readonly string[] {
    return [...this.blocked].sort();
  }

  digest(): ReadModelDigest {
    return digestTableSet(this.db, this.projection, this.generation);
  }

  /** Runs `work` in a transaction (a savepoint inside an open one); if it fails, the rows kept in memory are dropped. */
  private inTransaction(work: () => void): void {
    try {
      this.db.transaction(work)();
    } catch (error) {
      this.rows.forget();
      throw error;
    }
  }

  /** Applies one event in memory; returns why it could not be applied, having taken none of its writes. */
  private tryApply(event: RecordedEvent): string | undefined {
    try {
      this.rows.take(this.projection.project(event, this.rows, this.context));
      return undefined;
    } catch (error) {
      if (!isProjectionFault(error)) throw error;
      return describeError(error);
    }
  }
}
