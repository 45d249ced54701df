import { closeSync, fstatSync, openSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { withoutWaiting } from './without-waiting.js';

/** What SQLite's own automatic checkpoint is set to when the background one stops: its default, in pages. */
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1_000;
/** WAL frames past which the WAL is started again by its writer (64 MB of 4 KB pages). */
const DEFAULT_RESTART_FRAMES = 16_384;
/**
 * How long the writer's restarting checkpoint waits for another process's reader or writer before it gives up (and the
 * thread asks again later): not at all, since it waits on the event loop.
 */
const RESTART_WAIT_MS = 0;
/** With `growAhead`, how far past its last frame the WAL file is kept written, at least (and grown by as much again). */
const GROW_BYTES = 2 * 1024 * 1024;
/** With `growAhead`, the WAL length from which it is grown ahead: a file written little is left to grow as it writes. */
const GROW_FROM_BYTES = 1024 * 1024;

/** The part of a better-sqlite3 connection the checkpointer uses (this package does not depend on better-sqlite3). */
export interface PragmaConnection {
  pragma(source: string, options?: { simple?: boolean }): unknown;
  readonly open: boolean;
}

/** The part of a better-sqlite3 connection {@link startWalCheckpointer} uses: pragmas, and a transaction to grow the WAL. */
export interface WalConnection extends PragmaConnection {
  exec(source: string): unknown;
  readonly inTransaction: boolean;
}

/** A {@link startWalCheckpointer} at work; {@link WalCheckpointer.close} stops it. */
export interface WalCheckpointer {
  /** Whether the thread still checkpoints, and why it stopped if it failed. */
  stats(): WalCheckpointStats;
  /**
   * Resolves once the thread runs no checkpoint and will start none until the returned `resume` is called (pauses
   * nest; `resume` is idempotent). For work on the connection that the thread's checkpoint would otherwise hold up,
   * such as a truncating checkpoint with a short busy timeout: a passive checkpoint keeps the checkpoint lock while it
   * copies and fsyncs, which on a busy disk takes longer than such a timeout, and the work would fail as if another
   * process had kept it from completing. Resolves at once when the thread no longer runs.
   */
  pause(): Promise<() => void>;
  /**
   * Runs one last checkpoint, closes the thread's connection and hands checkpoints back to the connection
   * (`wal_autocheckpoint` as before). Call it before closing that connection.
   */
  close(): Promise<void>;
}

/** Counts of a {@link WalCheckpointer}. */
export interface WalCheckpointStats {
  /** Whether the thread still checkpoints (false once closed or failed; the connection does it again then). */
  readonly running: boolean;
  /** Why the thread stopped on its own, if it did. */
  readonly failure: string | undefined;
}

/** Settings of {@link startWalCheckpointer}. */
export interface WalCheckpointerOptions {
  /** How often the thread checkpoints (default 100 ms); a checkpoint with no new frames costs next to nothing. */
  readonly intervalMs?: number;
  /**
   * WAL frames past which the connection starts the WAL again between two of its transactions (default 16,384: 64 MB of
   * 4 KB pages). The writer starts the WAL again only when it begins a transaction with every frame copied, which a
   * steady writer (a catch-up, an import) never finds: passive checkpoints alone then let the WAL grow without bound.
   */
  readonly restartFrames?: number;
  /**
   * Keeps the WAL file written ahead of its last frame (with zeros, past 1 MB of WAL, 2-4 MB ahead), for a connection
   * whose every commit waits for an fsync of the WAL (`createFileSync`): a commit that writes past the file's end must
   * also make the new length and blocks durable, which on ext4 is a journal commit of its own, and an fdatasync of
   * frames written over blocks the file already has is not. Default false: a connection that commits without syncing
   * (read models at `synchronous=NORMAL`) gains nothing from it.
   */
  readonly growAhead?: boolean;
}

// The thread's code: CommonJS run from a string (a file of its own would not exist under the tests, which run the
// TypeScript sources). It opens its own connection to the file and runs PASSIVE checkpoints, which never wait
// for and never block the writers; past `restartFrames` in the WAL it asks the writer to start it again (`restart`)
// and waits for `restarted`; on `pause` it starts no checkpoint until as many `resume`s came (none is running when
// it answers `paused`: the thread does one thing at a time); it answers `stopped` once its last checkpoint ran and
// its connection closed.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, fdatasyncSync, fstatSync, openSync } = require('node:fs');
const Database = require(workerData.sqlite);
let db;
try {
  db = new Database(workerData.path, { fileMustExist: true });
} catch (error) {
  parentPort.postMessage({ kind: 'failed', message: error && error.message ? error.message : String(error) });
  process.exit(0);
}
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)')[0];
let timer;
let pauses = 0;
let restarting = false;
// growAhead: a WAL frame is a 24-byte header and a page, after the file's 32-byte header. The -wal is opened once, for
// its length and to sync what the connection grew it by; only the writer, holding the write lock, writes it.
const frameBytes = workerData.growAhead ? 24 + Number(db.pragma('page_size', { simple: true })) : 0;
const growCap = 32 + 2 * workerData.restartFrames * frameBytes;
let wal;
let growing = false;
function growIfShort(log) {
  const end = 32 + log * frameBytes;
  if (!workerData.growAhead || growing || log < 0 || end < workerData.growFrom) return;
  try {
    wal ??= openSync(workerData.path + '-wal', 'r');
    const size = fstatSync(wal).size;
    if (size >= end + workerData.growBytes || size >= growCap) return;
  } catch {
    return;
  }
  growing = true;
  parentPort.postMessage({ kind: 'grow', to: Math.min(growCap, end + 2 * workerData.growBytes) });
}
let stopping = false;
const schedule = (wait) => {
  clearTimeout(timer);
  if (!stopping && pauses === 0 && !restarting) timer = setTimeout(run, wait);
};
// Under a steady write load a checkpoint seldom ends with nothing left behind it, and the writer restarts the WAL
// (writes it again from its start) only after one that did: once the WAL holds as many frames as SQLite's own
// automatic checkpoint would allow, go again at once while frames remain and the last one copied some. Below that, or
// while a reader's snapshot keeps the frames after it from being copied (another process's long read), wait: every
// checkpoint is two fsyncs, and back to back they slow the fsyncs that commits wait for.
let copied = -1;
function run() {
  let wait = workerData.intervalMs;
  try {
    const { log, checkpointed } = checkpoint();
    const progressed = checkpointed !== copied;
    copied = checkpointed;
    // A WAL this long was never started again: the writer found frames not yet copied every time it began. The writer
    // is asked once this thread has copied nearly every frame, so that it copies few on its event loop; only a writer
    // outpacing the copies is asked with more left (at twice the length). Never while a reader holds frames back: the
    // restart could not happen, and once the reader is gone this thread copies them, not the event loop.
    const behind = log - checkpointed;
    if (
      log >= workerData.restartFrames &&
      (behind <= workerData.eagerFrames || (progressed && log >= 2 * workerData.restartFrames))
    ) {
      restarting = true;
      parentPort.postMessage({ kind: 'restart' });
      return;
    }
    if (behind > 0 && log >= workerData.eagerFrames && progressed) wait = 0;
    growIfShort(log);
  } catch (error) {
    try { db.close(); } catch {}
    parentPort.postMessage({ kind: 'failed', message: error && error.message ? error.message : String(error) });
    return;
  }
  schedule(wait);
}
schedule(workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'restarted') {
    restarting = false;
    schedule(workerData.intervalMs);
  } else if (message === 'grown') {
    // The zeros reach the disk here, off the event loop, rather than in the fsync of the next commit.
    growing = false;
    try { fdatasyncSync(wal); } catch {}
  } else if (message === 'pause') {
    pauses += 1;
    clearTimeout(timer);
    parentPort.postMessage({ kind: 'paused' });
  } else if (message === 'resume') {
    pauses = Math.max(0, pauses - 1);
    schedule(workerData.intervalMs);
  } else {
    stopping = true;
    clearTimeout(timer);
    try { checkpoint(); } catch {}
    try { db.close(); } catch {}
    try { if (wal !== undefined) closeSync(wal); } catch {}
    parentPort.postMessage({ kind: 'stopped' });
  }
});
`;

type ThreadMessage =
  | { readonly kind: 'stopped' }
  | { readonly kind: 'restart' }
  | { readonly kind: 'grow'; readonly to: number }
  | { readonly kind: 'paused' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Starts a long WAL again from the connection that writes it, between two of its transactions (the thread cannot: a
 * steady writer leaves it no gap). A RESTART checkpoint copies what the thread's passive checkpoints left (the thread
 * asks once it has copied nearly every frame) and has the next transaction write the WAL over from its start: a few
 * milliseconds on the event loop, once per `restartFrames` written. The file keeps its length (about `restartFrames`
 * pages): a TRUNCATE, which cut it to nothing, held the event loop 70-100 ms each time (an ftruncate of 64 MB alone
 * took 35-40 ms on an ext4 file system mounted with `discard`), and every commit after it grew the file again. It
 * does not wait for another process's reader or writer ({@link RESTART_WAIT_MS}): waiting 20 ms, as it did, held the
 * event loop that long at every request while another process read; the thread asks again later. Never on a
 * connection at `synchronous=OFF`, whose checkpoint would not sync.
 */
function restartWal(db: PragmaConnection): void {
  if (!db.open || Number(db.pragma('synchronous', { simple: true })) === 0) return;
  const waited = Number(db.pragma('busy_timeout', { simple: true }));
  db.pragma(`busy_timeout = ${RESTART_WAIT_MS}`);
  try {
    db.pragma('wal_checkpoint(RESTART)');
  } catch {
    // Inside a transaction of this connection (busy is answered in the pragma's row, not thrown): either way the WAL
    // is still long, so the thread asks again.
  } finally {
    db.pragma(`busy_timeout = ${waited}`);
  }
}

let zeros: Buffer | undefined;

/**
 * Writes zeros from the end of the `-wal` file up to `to` bytes, holding the write lock, so that no frame of any
 * connection is written meanwhile: every frame lies within the file's length, and the zeros only past it. Zeros are
 * never taken for frames: SQLite reads a frame only if its salts match the WAL header's and its checksum chains from
 * the one before, and a WAL file whose header is zeros is empty to it. Skipped, to be asked again later, while this
 * connection is in a transaction or another connection holds the write lock (it never waits on the event loop), and
 * when the file is missing or cannot be written: growing it is only ever a head start on what commits write anyway.
 */
function growWal(db: WalConnection, walPath: string, to: number): void {
  if (!db.open || db.inTransaction) return;
  try {
    withoutWaiting(db, () => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const fd = openSync(walPath, 'r+');
        try {
          zeros ??= Buffer.alloc(1024 * 1024);
          for (let at = fstatSync(fd).size; at < to; at += zeros.length)
            writeSync(fd, zeros, 0, Math.min(zeros.length, to - at), at);
        } finally {
          closeSync(fd);
        }
      } finally {
        db.exec('ROLLBACK');
      }
    });
  } catch {
    // No -wal yet, or a full disk: the commits meet the same and report it; the WAL just was not grown.
  }
}

/** better-sqlite3 as the caller has it: an optional peer of this package, present wherever a connection is passed in. */
const sqliteModule = (): string => createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Moves a SQLite WAL file's checkpoints off the event loop. At its default, the connection that commits also
 * checkpoints (every 1,000 WAL pages): it copies the pages into the database file and fsyncs both files, on the
 * event loop, which then stalls for as long as the disk takes (1-13 ms each under the API's command load, several
 * times a second across the event store, key store and read models). Here a worker thread with its own
 * connection runs a PASSIVE checkpoint every `intervalMs` (back to back while a WAL of 1,000 frames or more is not
 * fully copied), and the connection's automatic checkpoint is turned
 * off. A passive checkpoint never takes the write lock, so commits go on meanwhile; it fsyncs the WAL before it
 * copies anything, so it never makes a commit less durable. A steady writer never begins a transaction with every
 * frame copied, which is when SQLite starts the WAL again, so past `restartFrames` the thread has the connection
 * start it again between two of its transactions (see {@link restartWal}). If the thread fails, the connection
 * checkpoints itself again (`wal_autocheckpoint` back to what it was), so the WAL never grows without bound.
 *
 * Only for a file in WAL mode; `db` stays the caller's and must outlive the checkpointer (close this first).
 *
 * @example
 * const checkpoints = startWalCheckpointer(db, path);
 * // ... commits on db, never stalled by a checkpoint
 * await checkpoints.close();
 * db.close();
 */
export function startWalCheckpointer(
  db: WalConnection,
  path: string,
  options: WalCheckpointerOptions = {},
): WalCheckpointer {
  const before = Number(db.pragma('wal_autocheckpoint', { simple: true }));
  const restore = (): void => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${before > 0 ? before : SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  };
  const worker = new Worker(THREAD, {
    eval: true,
    workerData: {
      path,
      sqlite: sqliteModule(),
      intervalMs: options.intervalMs ?? 100,
      eagerFrames: SQLITE_DEFAULT_AUTOCHECKPOINT,
      restartFrames: options.restartFrames ?? DEFAULT_RESTART_FRAMES,
      growAhead: options.growAhead === true,
      growBytes: GROW_BYTES,
      growFrom: GROW_FROM_BYTES,
    },
  });
  db.pragma('wal_autocheckpoint = 0');
  let running = true;
  let failure: string | undefined;
  // Callers of pause() waiting for the thread's `paused`, in the order they asked (the thread answers in that order).
  const pausing: (() => void)[] = [];
  const releasePausing = (): void => {
    for (const paused of pausing.splice(0)) paused();
  };
  const fail = (message: string): void => {
    if (!running) return;
    running = false;
    failure = message;
    restore();
    releasePausing();
  };
  // The thread is referenced while someone waits on it (a pause, the close), unreferenced otherwise.
  let waiting = 0;
  const waitOn = (): void => {
    if (waiting++ === 0) worker.ref();
  };
  const doneWaiting = (): void => {
    if (--waiting === 0) worker.unref();
  };
  let stopped: () => void = () => undefined;
  const whenStopped = new Promise<void>((resolve) => (stopped = resolve));
  worker.on('message', (message: ThreadMessage) => {
    if (message.kind === 'failed') fail(message.message);
    else if (message.kind === 'restart') {
      restartWal(db);
      if (running) worker.postMessage('restarted');
    } else if (message.kind === 'grow') {
      growWal(db, `${path}-wal`, message.to);
      if (running) worker.postMessage('grown');
    } else if (message.kind === 'paused') pausing.shift()?.();
    else {
      releasePausing();
      stopped();
    }
  });
  worker.on('error', (error) => fail(error.message));
  worker.on('exit', () => {
    fail('the checkpoint thread exited');
    stopped();
  });
  // The thread must not keep a process alive that has nothing else to do. After the listeners: adding a 'message'
  // listener references the thread's message port again, and an unclosed store then kept its process running for ever.
  worker.unref();
  let closing: Promise<void> | undefined;
  return {
    stats: () => ({ running, failure }),
    async pause() {
      if (!running) return () => undefined;
      waitOn();
      try {
        await new Promise<void>((resolve) => {
          pausing.push(resolve);
          worker.postMessage('pause');
        });
      } finally {
        doneWaiting();
      }
      let resumed = false;
      return () => {
        if (resumed) return;
        resumed = true;
        if (running) worker.postMessage('resume');
      };
    },
    close() {
      closing ??= (async () => {
        if (running) {
          // Held by the thread until it answers: unreferenced, a process with nothing else to do would end first.
          waitOn();
          worker.postMessage('stop');
          await whenStopped;
        }
        running = false;
        restore();
        await worker.terminate();
      })();
      return closing;
    },
  };
}
