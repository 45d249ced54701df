import type { AppendResult, StreamAppend } from '@salesbook/eventstore';
import type Database from 'better-sqlite3';
import { appendInTransaction } from './append.js';
import { createKnownHeads } from './heads.js';
import type { Statements } from './statements.js';

/** One caller's append waiting for the next group commit. */
interface PendingAppend {
  readonly parts: readonly StreamAppend[];
  readonly recordedAt: string;
  readonly resolve: (results: readonly AppendResult[]) => void;
  readonly reject: (error: unknown) => void;
}

/** What one caller's append came to inside the group: its results, or why only it failed. */
type Outcome = { readonly results: readonly AppendResult[] } | { readonly error: unknown };

/** The group committer of {@link createGroupCommit}. */
export interface GroupCommit {
  /** Queues one caller's append (its parts are all or nothing); settles after the group's commit. */
  append(parts: readonly StreamAppend[], recordedAt: string): Promise<readonly AppendResult[]>;
  /** Commits whatever is queued now, in groups of at most `maxGroup` (close calls it before closing the connection). */
  flush(): void;
  /** How many group transactions committed, and how many callers' appends they carried. */
  stats(): GroupCommitStats;
  /** Resolves once every committed group has been made durable and its callers settled. */
  settled(): Promise<void>;
}

/**
 * Callers' appends one group commits at most; more queued wait for the next turn of the event loop. Two half-size
 * groups of 50 commands in flight drift apart, so one's fsync runs while the other's callers work (see
 * docs/decisions.md); a group of 50 left the event loop idle through its whole fsync.
 */
export const MAX_GROUP_APPENDS = 25;

/** Counts of {@link GroupCommit}: `appends / commits` is the mean group size. */
export interface GroupCommitStats {
  readonly commits: number;
  readonly appends: number;
}

/**
 * Group commit: appends queued during one turn of the event loop are committed together in one
 * IMMEDIATE transaction, so one fsync (synchronous=FULL) serves them all. better-sqlite3 is
 * synchronous, so nothing can arrive "while a commit is in flight" on this thread; what arrives
 * between two turns is what the HTTP server parsed meanwhile. Each caller's append runs in its own
 * SAVEPOINT (a nested better-sqlite3 transaction; an append of one event needs none, its one INSERT being undone
 * by SQLite itself when it fails, nor does a caller alone in its group, whose failure undoes the transaction) with
 * its own expected-revision check, so one conflict fails only that caller. A savepoint is not free: each page it
 * changes first has its old content copied to a sub-journal, which spills to a temporary file past 64 KiB (a bulk
 * append of 1,000 events inserted about 75% slower inside one than the same rows bare). Every caller is settled only after the group's COMMIT returned;
 * when the COMMIT (or BEGIN) itself fails, nothing of the group is written and every caller fails.
 * With `durable` (a file store), the connection commits at synchronous=NORMAL and the group is
 * acknowledged only after the WAL's fsync, which runs off the event loop: what FULL does, without
 * blocking requests meanwhile, and the next group can commit while the previous one's fsync runs. A group takes
 * at most `maxGroup` callers ({@link MAX_GROUP_APPENDS}), in call order; the rest go in the next turn's group.
 */
export function createGroupCommit(
  db: Database.Database,
  statements: Statements,
  translate: (error: unknown) => unknown,
  onCommitted: () => void,
  /** Makes the committed group durable (the WAL fsync off the event loop); without it the COMMIT was. */
  durable?: () => Promise<void>,
  maxGroup = MAX_GROUP_APPENDS,
): GroupCommit {
  const syncing = new Set<Promise<void>>();
  let queue: PendingAppend[] = [];
  let scheduled = false;
  let commits = 0;
  let appends = 0;
  const heads = createKnownHeads();
  const one = db.transaction((pending: PendingAppend) =>
    pending.parts.map((part) => appendInTransaction(statements, heads, part, pending.recordedAt)),
  );
  const group = db.transaction((pendings: readonly PendingAppend[]): Outcome[] => {
    const [alone] = pendings;
    // A caller alone in its group needs no savepoint: if it fails, the whole transaction is undone, which is its.
    if (pendings.length === 1 && alone !== undefined)
      return [{ results: alone.parts.map((part) => appendInTransaction(statements, heads, part, alone.recordedAt)) }];
    return pendings.map((pending) => {
      try {
        const [only] = pending.parts;
        // One event writes with one INSERT, which SQLite undoes by itself when it fails: no savepoint needed.
        if (pending.parts.length === 1 && only !== undefined && only.events.length <= 1)
          return { results: [appendInTransaction(statements, heads, only, pending.recordedAt)] };
        return { results: one(pending) };
      } catch (error) {
        // Its savepoint (or its one failed INSERT) undid what it wrote: forget the heads it set.
        heads.clear();
        // An error that ended the whole transaction (I/O, disk full) fails the group: rethrow.
        if (!db.inTransaction) throw error;
        return { error };
      }
    });
  });

  /** Commits the first `maxGroup` callers queued; schedules the rest for the next turn. */
  const commitNext = (): void => {
    scheduled = false;
    const pendings = queue.length <= maxGroup ? queue : queue.slice(0, maxGroup);
    queue = queue.length <= maxGroup ? [] : queue.slice(maxGroup);
    if (queue.length > 0) schedule();
    if (pendings.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = group.immediate(pendings);
    } catch (error) {
      // Nothing of the group is stored, so neither are the heads it wrote.
      heads.clear();
      const failure = translate(error);
      for (const pending of pendings) pending.reject(failure);
      return;
    }
    commits += 1;
    appends += pendings.length;
    const settle = (): void => {
      onCommitted();
      outcomes.forEach((outcome, index) => {
        const pending = pendings[index] as PendingAppend;
        if ('results' in outcome) pending.resolve(outcome.results);
        else pending.reject(translate(outcome.error));
      });
    };
    if (durable === undefined) return settle();
    // Committed but not yet on disk: callers wait for the fsync. If it fails, the events may still be
    // stored (readers see them): callers get "unavailable", and a retry with the same ids is idempotent.
    const synced = durable().then(settle, (error: unknown) => {
      onCommitted();
      const failure = translate(error);
      for (const pending of pendings) pending.reject(failure);
    });
    syncing.add(synced);
    void synced.finally(() => syncing.delete(synced));
  };
  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(commitNext);
  }

  return {
    append(parts, recordedAt) {
      return new Promise((resolve, reject) => {
        queue.push({ parts, recordedAt, resolve, reject });
        schedule();
      });
    },
    flush() {
      while (queue.length > 0) commitNext();
    },
    stats: () => ({ commits, appends }),
    settled: async () => {
      await Promise.all([...syncing]);
    },
  };
}
