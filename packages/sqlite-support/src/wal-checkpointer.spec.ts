import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { startWalCheckpointer } from './wal-checkpointer.js';

const PAGE = 4096;

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'salesbook-checkpointer-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function openWal(name: string): { db: Database.Database; path: string } {
  const path = join(folder, name);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  return { db, path };
}

/** Writes about `pages` pages of rows in `transactions` commits. */
function write(db: Database.Database, pages: number, transactions: number): void {
  const insert = db.prepare('INSERT INTO rows (body) VALUES (?)');
  const each = Math.ceil(pages / transactions);
  const commit = db.transaction(() => {
    for (let i = 0; i < each; i++) insert.run(Buffer.alloc(PAGE - 200, i % 251));
  });
  for (let t = 0; t < transactions; t++) commit();
}

/** The checkpoint sequence number in the `-wal`'s header: SQLite adds one each time a writer starts the WAL again. */
function walSequence(path: string): number {
  const header = Buffer.alloc(16);
  const fd = openSync(`${path}-wal`, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.readUInt32BE(12);
}

async function until(test: () => boolean, withinMs: number, what: string): Promise<void> {
  const started = performance.now();
  while (!test()) {
    if (performance.now() - started > withinMs) throw new Error(`${what} did not happen within ${withinMs} ms`);
    await sleep(10);
  }
}

/**
 * Where the WAL's last frame ends, read from the file: frames follow its 32-byte header, each a 24-byte header that
 * repeats the WAL header's salts and a page, up to the first whose salts differ (zeros, or a frame of an older WAL).
 * Not from `wal_checkpoint`, which answers -1 while the thread's own checkpoint runs.
 */
function walEnd(path: string): number {
  const wal = readFileSync(`${path}-wal`);
  if (wal.length < 32) return 0;
  const salts = wal.subarray(16, 24);
  let end = 32;
  while (end + 24 + PAGE <= wal.length && wal.subarray(end + 8, end + 16).equals(salts)) end += 24 + PAGE;
  return end;
}

const walSize = (path: string): number => statSync(`${path}-wal`).size;
const MB = 1024 * 1024;

const autocheckpoint = (db: Database.Database): number => Number(db.pragma('wal_autocheckpoint', { simple: true }));

describe('startWalCheckpointer', () => {
  it('checkpoints on its own thread: the connection never does, yet the pages reach the database file', async () => {
    const { db, path } = openWal('events.db');
    const checkpoints = startWalCheckpointer(db, path, { intervalMs: 20 });
    expect(autocheckpoint(db)).toBe(0);
    const fileBefore = statSync(path).size;

    // 3,000 pages is three times what SQLite's own automatic checkpoint would let the WAL hold before copying.
    write(db, 3_000, 30);
    await until(
      () => statSync(path).size >= fileBefore + 2_900 * PAGE,
      10_000,
      'the copy of 3,000 pages into the file',
    );
    expect(checkpoints.stats()).toEqual({ running: true, failure: undefined });

    // Fully copied, the WAL starts over from its beginning: more commits of the same size do not grow it.
    await sleep(100);
    const walAfterFirst = statSync(`${path}-wal`).size;
    write(db, 500, 5);
    await sleep(200);
    write(db, 500, 5);
    expect(statSync(`${path}-wal`).size).toBeLessThanOrEqual(walAfterFirst);
    expect(db.prepare('SELECT COUNT(*) FROM rows').pluck().get()).toBe(4_000);

    await checkpoints.close();
    expect(autocheckpoint(db)).toBe(1_000);
    expect(checkpoints.stats().running).toBe(false);
    db.close();
  });

  it('without it (the control), the same writes stay in the WAL and the file does not grow', async () => {
    const { db, path } = openWal('control.db');
    db.pragma('wal_autocheckpoint = 0');
    const fileBefore = statSync(path).size;
    write(db, 3_000, 30);
    await sleep(300);
    expect(statSync(path).size).toBe(fileBefore);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(3_000 * PAGE);
    db.close();
  });

  it('starts the WAL again under a steady writer, which never begins a transaction with every frame copied', async () => {
    const { db, path } = openWal('steady.db');
    const checkpoints = startWalCheckpointer(db, path, { intervalMs: 5, restartFrames: 1_000 });
    // Commits of 20 pages, each next one on the next turn of the event loop, as a catch-up writes, until the WAL has
    // started again twice. How much is written by then depends on the disk: near `restartFrames` a time on a quiet
    // machine, many times that where other processes keep the disk busy (13,000 pages beside two syncing every write).
    let longest = 0;
    let shrank = 0;
    let commits = 0;
    const sequences = new Set<number>([walSequence(path)]);
    const started = performance.now();
    while (sequences.size < 3) {
      // 3,000 commits are 60,000 pages (240 MB), over four times the most seen needed on a busy disk.
      if (commits === 3_000 || performance.now() - started > 30_000) {
        throw new Error(`the WAL did not start again twice in ${commits} commits`);
      }
      write(db, 20, 1);
      commits += 1;
      const size = statSync(`${path}-wal`).size;
      if (size < longest) shrank += 1;
      longest = Math.max(longest, size);
      sequences.add(walSequence(path));
      await new Promise((next) => setImmediate(next));
    }
    expect(db.prepare('SELECT COUNT(*) FROM rows').pluck().get()).toBe(20 * commits);
    // Written over from its start rather than cut (cutting it held the event loop): the file never shrinks.
    expect(shrank).toBe(0);
    await checkpoints.close();
    db.close();
  }, 40_000);

  it('neither waits on the event loop nor asks for a restart while another reader holds frames back', async () => {
    const { db, path } = openWal('reader.db');
    const checkpoints = startWalCheckpointer(db, path, { intervalMs: 5, restartFrames: 1_000 });
    // Another connection (another process, as the command line is) in a long read: no frame after its snapshot can
    // be copied, and the WAL cannot start again until it ends.
    const reader = new Database(path);
    reader.exec('BEGIN');
    reader.prepare('SELECT COUNT(*) FROM rows').get();
    const sequence = walSequence(path);
    /** Writes 20 pages every 2 ms for `ms`; answers how often the event loop came back 15 ms or more late. */
    const writeFor = async (ms: number): Promise<number> => {
      let late = 0;
      const started = performance.now();
      while (performance.now() - started < ms) {
        write(db, 20, 1);
        const written = performance.now();
        await sleep(2);
        if (performance.now() - written >= 17) late += 1;
      }
      return late;
    };
    // A restart asked for meanwhile waited 20 ms on the event loop for the reader, every few ms: about 50 such waits.
    expect(await writeFor(1_500)).toBeLessThan(10);
    expect(walSequence(path)).toBe(sequence);
    reader.exec('COMMIT');
    reader.close();
    // Once the reader is gone the thread copies the frames it held back, and the WAL starts again.
    const started = performance.now();
    while (walSequence(path) === sequence) {
      if (performance.now() - started > 20_000) throw new Error('the WAL did not start again after the reader left');
      await writeFor(50);
    }
    await checkpoints.close();
    db.close();
  });

  it('gives the connection back its own checkpoints when the thread cannot work, and says why', async () => {
    const { db } = openWal('events.db');
    db.pragma('wal_autocheckpoint = 500');
    // The thread opens a file that does not exist (it never creates one): it stops at once.
    const checkpoints = startWalCheckpointer(db, join(folder, 'missing.db'), { intervalMs: 20 });
    await until(() => !checkpoints.stats().running, 10_000, 'the thread failing');
    expect(checkpoints.stats().failure).toMatch(/unable to open|does not exist|no such file/i);
    expect(autocheckpoint(db)).toBe(500);
    await checkpoints.close();
    expect(autocheckpoint(db)).toBe(500);
    db.close();
  });

  it('keeps no process alive: neither its thread nor the message port of the thread holds the event loop', async () => {
    const holding = (): string[] =>
      process.getActiveResourcesInfo().filter((kind) => kind === 'Worker' || kind === 'MessagePort');
    const { db, path } = openWal('alive.db');
    const before = holding();
    const checkpoints = startWalCheckpointer(db, path, { intervalMs: 60_000 });
    // A process whose only other work is this store must be free to end (CI once waited 90 minutes on one).
    expect(holding()).toEqual(before);
    await checkpoints.close();
    db.close();
  });

  it('pauses: no checkpoint runs from its answer until resumed, and pauses nest', async () => {
    const { db, path } = openWal('paused.db');
    const checkpoints = startWalCheckpointer(db, path, { intervalMs: 5 });
    const resumeOne = await checkpoints.pause();
    const resumeOther = await checkpoints.pause();
    const fileBefore = statSync(path).size;
    write(db, 300, 3);
    // Sixty intervals pass: unpaused, the thread would have copied the 300 pages after the first.
    await sleep(300);
    expect(statSync(path).size).toBe(fileBefore);
    resumeOne();
    resumeOne();
    await sleep(300);
    expect(statSync(path).size).toBe(fileBefore);
    resumeOther();
    await until(() => statSync(path).size >= fileBefore + 290 * PAGE, 10_000, 'the copy of 300 pages after resuming');
    await checkpoints.close();
    // Once closed, a pause has no thread to wait for.
    const resume = await checkpoints.pause();
    resume();
    db.close();
  });

  it('closes with a last checkpoint: everything committed is in the file', async () => {
    const { db, path } = openWal('events.db');
    const checkpoints = startWalCheckpointer(db, path, { intervalMs: 60_000 });
    write(db, 200, 2);
    const before = statSync(path).size;
    await checkpoints.close();
    expect(statSync(path).size).toBeGreaterThanOrEqual(before + 190 * PAGE);
    db.close();
  });

  // Each waits up to 10 s for the thread (a loaded machine copies and grows later), more than Jest's default 5 s.
  describe('growAhead', () => {
    /**
     * Another connection in a read from the start: no frame can be copied past its snapshot, so the writer never
     * starts the WAL again and the WAL's last frame only moves forward (a restart would write over the file from its
     * start, and the file would then be longer than its frames whether grown or not).
     */
    function holdFrames(path: string): () => void {
      const reader = new Database(path);
      reader.exec('BEGIN');
      reader.prepare('SELECT COUNT(*) FROM rows').get();
      return () => {
        reader.exec('COMMIT');
        reader.close();
      };
    }

    it('keeps the WAL file written 2 MB or more past its last frame once the WAL holds 1 MB', async () => {
      const { db, path } = openWal('grown.db');
      const release = holdFrames(path);
      const checkpoints = startWalCheckpointer(db, path, { intervalMs: 5, growAhead: true });
      // Under 1 MB of WAL nothing is grown: a file written little (most stores in tests, a quiet key store) is not.
      write(db, 100, 10);
      await sleep(100);
      expect(walSize(path)).toBe(walEnd(path));
      for (let round = 0; round < 4; round++) {
        write(db, 300, 10);
        await until(() => walSize(path) >= walEnd(path) + 2 * MB, 10_000, `the WAL grown ahead (round ${round})`);
      }
      expect(db.prepare('SELECT COUNT(*) FROM rows').pluck().get()).toBe(1_300);
      release();
      await checkpoints.close();
      db.close();
    }, 20_000);

    it('is off by default: the WAL file ends at its last frame', async () => {
      const { db, path } = openWal('plain.db');
      const release = holdFrames(path);
      const checkpoints = startWalCheckpointer(db, path, { intervalMs: 5 });
      write(db, 1_300, 130);
      await sleep(200);
      expect(walEnd(path)).toBeGreaterThan(4 * MB);
      expect(walSize(path)).toBe(walEnd(path));
      release();
      await checkpoints.close();
      db.close();
    }, 20_000);

    it('grows the file only under the write lock, never while another connection holds it', async () => {
      const { db, path } = openWal('locked.db');
      write(db, 400, 4);
      const end = walEnd(path);
      const other = new Database(path);
      other.exec('BEGIN IMMEDIATE');
      const checkpoints = startWalCheckpointer(db, path, { intervalMs: 5, growAhead: true });
      // Asked many times meanwhile: each ask finds the lock held and writes nothing (and never waits for it).
      await sleep(300);
      expect(walSize(path)).toBe(end);
      other.exec('ROLLBACK');
      other.close();
      await until(() => walSize(path) >= end + 2 * MB, 10_000, 'the WAL grown once the lock was free');
      await checkpoints.close();
      db.close();
    }, 20_000);

    it('leaves files that open with every committed row: the zeros past the last frame are never read as frames', async () => {
      const { db, path } = openWal('copied.db');
      const release = holdFrames(path);
      const checkpoints = startWalCheckpointer(db, path, { intervalMs: 5, growAhead: true });
      write(db, 600, 60);
      await until(() => walSize(path) >= walEnd(path) + 2 * MB, 10_000, 'the WAL grown ahead');
      // The database and its WAL as a crash would leave them (no -shm: the copy recovers its index from the WAL, and
      // every row is in the WAL alone, the reader having kept the checkpoints from copying any).
      copyFileSync(path, join(folder, 'crashed.db'));
      copyFileSync(`${path}-wal`, join(folder, 'crashed.db-wal'));
      release();
      const crashed = new Database(join(folder, 'crashed.db'));
      expect(crashed.prepare('SELECT COUNT(*) FROM rows').pluck().get()).toBe(600);
      expect(crashed.pragma('integrity_check', { simple: true })).toBe('ok');
      crashed.close();
      // And the grown file goes on as a WAL: more commits, a restart by the writer, a clean close.
      write(db, 600, 60);
      await checkpoints.close();
      db.close();
      const reopened = new Database(path);
      expect(reopened.prepare('SELECT COUNT(*) FROM rows').pluck().get()).toBe(1_200);
      expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
      reopened.close();
    }, 20_000);
  });
});
