import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { randomUUID } from 'node:crypto';
import {
  StoreError,
  StoreUnavailableError,
  verifyChain,
  WrongExpectedRevisionError,
  type NewEvent,
  type SubscriptionMessage,
} from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { createSqliteEventStore, type SqliteEventStore } from './index.js';

const event = (n: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'Counted',
  data: { n },
  metadata: { by: 'spec' },
});

describe('SQLite event store (SQLite-specific behaviour)', () => {
  let dir: string;
  let path: string;
  const opened: SqliteEventStore[] = [];
  const open = (options: Partial<Parameters<typeof createSqliteEventStore>[0]> = {}): SqliteEventStore => {
    const store = createSqliteEventStore({ path, ...options });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'salesbook-sqlite-'));
    path = join(dir, 'nested', 'events.db');
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the folder and applies WAL, FULL durability (NORMAL commits plus its own WAL fsync) and a busy timeout by default', async () => {
    const store = open();
    expect(store.durability).toBe('FULL');
    expect(store.pragmas()).toEqual({ journalMode: 'wal', synchronous: 1, busyTimeoutMs: 5000 });
    await expect(store.checkIntegrity()).resolves.toEqual([]);
  });

  it('takes synchronous=NORMAL and another busy timeout when asked', () => {
    expect(open({ synchronous: 'NORMAL', busyTimeoutMs: 250 }).pragmas()).toEqual({
      journalMode: 'wal',
      synchronous: 1,
      busyTimeoutMs: 250,
    });
  });

  /** The next `count` events a subscription delivers (ignoring caught-up), by their `n`. */
  const nextEvents = async (iterator: AsyncIterator<SubscriptionMessage>, count: number): Promise<unknown[]> => {
    const seen: unknown[] = [];
    while (seen.length < count) {
      const { value } = (await iterator.next()) as IteratorResult<SubscriptionMessage>;
      if (value.kind === 'event') seen.push((value.event.data as { n: number }).n);
    }
    return seen;
  };

  it.each(['FULL', 'NORMAL'] as const)(
    'wakes every live subscription with each of its commits at %s, subscriptions sharing a read never missing one',
    async (synchronous) => {
      const store = open({ synchronous });
      const iterators = [store.subscribeToAll(), store.subscribeToAll()].map((subscription) =>
        subscription[Symbol.asyncIterator](),
      );
      for (const iterator of iterators)
        expect((await iterator.next()).value).toEqual({ kind: 'caught-up', position: undefined });
      for (let n = 1; n <= 20; n++) {
        await store.appendToStream(`counter-${n % 3}`, [event(n)]);
        for (const iterator of iterators) expect(await nextEvents(iterator, 1)).toEqual([n]);
      }
      await Promise.all(iterators.map((iterator) => iterator.return?.()));
    },
  );

  it('never hands a subscription woken by a commit the page another one read just before that commit', async () => {
    // At NORMAL the commit wakes subscriptions in the same turn of the event loop as the read before it.
    const store = open({ synchronous: 'NORMAL', pollIntervalMs: 60_000 });
    const waiting = store.subscribeToAll()[Symbol.asyncIterator]();
    expect((await waiting.next()).value).toEqual({ kind: 'caught-up', position: undefined });
    const woken = waiting.next();
    // A turn of its own, so the shared page of the read above is gone.
    await new Promise((resolve) => setImmediate(resolve));
    const appended = store.appendToStream('counter-1', [event(1)]);
    // Reads the same page (from the start) synchronously, before the queued commit runs.
    const reader = store.subscribeToAll()[Symbol.asyncIterator]();
    const readerFirst = reader.next();
    await appended;
    const tooLate = new Promise<'stale'>((resolve) => setTimeout(() => resolve('stale'), 2_000).unref());
    const first = await Promise.race([
      woken.then(({ value }) => ((value as SubscriptionMessage).kind === 'event' ? 'event 1' : 'other')),
      tooLate,
    ]);
    expect(first).toBe('event 1');
    expect(((await readerFirst).value as SubscriptionMessage).kind).toBe('caught-up');
    await Promise.all([waiting.return?.(), reader.return?.()]);
  });

  it("sees another connection's appends on its poll tick, however many subscriptions read the same page", async () => {
    const store = open({ pollIntervalMs: 10 });
    const other = open();
    const iterators = [store.subscribeToAll(), store.subscribeToAll()].map((subscription) =>
      subscription[Symbol.asyncIterator](),
    );
    for (const iterator of iterators) await iterator.next();
    await other.appendToStream('counter-1', [event(1), event(2)]);
    for (const iterator of iterators) expect(await nextEvents(iterator, 2)).toEqual([1, 2]);
    await Promise.all(iterators.map((iterator) => iterator.return?.()));
  });

  it("tells its commit listeners of each group commit, and a woken store reads another connection's appends before its poll", async () => {
    const writer = open({ synchronous: 'NORMAL' });
    // Polls once a minute: only `wake` can make it look sooner within this test.
    const reader = open({ pollIntervalMs: 60_000 });
    const iterator = reader.subscribeToAll()[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ kind: 'caught-up', position: undefined });
    let commits = 0;
    const stop = writer.onCommit(() => {
      commits += 1;
      reader.wake();
    });
    // Two appends queued in one turn share one transaction: one call.
    await Promise.all([writer.appendToStream('counter-1', [event(1)]), writer.appendToStream('counter-2', [event(2)])]);
    expect(commits).toBe(1);
    const tooLate = new Promise<'not woken'>((resolve) => setTimeout(() => resolve('not woken'), 5_000).unref());
    expect(await Promise.race([nextEvents(iterator, 2), tooLate])).toEqual([1, 2]);
    stop();
    await writer.appendToStream('counter-1', [event(3)]);
    expect(commits).toBe(1);
    await iterator.return?.();
  });

  it('stores one row per event with a global position, revision, JSON text and the chain link in metadata', async () => {
    const store = open();
    const first = await store.appendToStream('counter-1', [event(1), event(2)]);
    const [second] = await store.appendMany([{ streamName: 'counter-2', events: [event(3)] }]);
    const reader = new Database(path, { readonly: true });
    const rows = reader
      .prepare(
        "SELECT position, stream_name, revision, type, data, json_extract(metadata, '$.hash') AS hash FROM events ORDER BY position",
      )
      .all() as Array<{ position: number; stream_name: string; revision: number; data: string; hash: string }>;
    reader.close();
    expect(rows.map((row) => [row.position, row.stream_name, row.revision, row.data])).toEqual([
      [1, 'counter-1', 0, '{"n":1}'],
      [2, 'counter-1', 1, '{"n":2}'],
      [3, 'counter-2', 0, '{"n":3}'],
    ]);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.hash))).toBe(true);
    // Each append answers the links it wrote.
    expect([...(first.hashes ?? []), ...(second?.hashes ?? [])]).toEqual(rows.map((row) => row.hash));
  });

  it('continues revisions and the hash chain across connections and reopening', async () => {
    const first = open();
    const second = open();
    await first.appendToStream('counter-1', [event(1)], { expectedRevision: 'no_stream' });
    await second.appendToStream('counter-1', [event(2)], { expectedRevision: 0 });
    await expect(first.appendToStream('counter-1', [event(3)], { expectedRevision: 0 })).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    await first.close();
    const reopened = open();
    await reopened.appendToStream('counter-1', [event(3)], { expectedRevision: 1 });
    const history = await reopened.readStream('counter-1');
    expect(history.map((recorded) => recorded.revision)).toEqual([0, 1, 2]);
    expect(verifyChain(history)).toBeUndefined();
  });

  it('fails an append as unavailable when another connection holds the write lock past the busy timeout', async () => {
    const store = open({ busyTimeoutMs: 50 });
    await store.appendToStream('counter-1', [event(1)]);
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      const failure = store.appendToStream('counter-1', [event(2)]);
      await expect(failure).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(failure).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await expect(store.appendToStream('counter-1', [event(2)], { expectedRevision: 0 })).resolves.toMatchObject({
      nextExpectedRevision: 1,
    });
  });

  it('waits for another connection (in another thread) to release the write lock within the busy timeout', async () => {
    const store = open({ busyTimeoutMs: 5000 });
    await store.appendToStream('counter-1', [event(1)]);
    const holder = holdWriteLock(path, 150);
    await holder.locked;
    const started = Date.now();
    await expect(store.appendToStream('counter-1', [event(2)], { expectedRevision: 0 })).resolves.toMatchObject({
      nextExpectedRevision: 1,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
    await holder.done;
  });

  it('reads a hand-edited event as it now stands, placed where it was, and an unparsable one as corrupt', async () => {
    const store = open();
    await store.appendToStream('counter-1', [event(1), event(2)]);
    const editor = new Database(path);
    editor
      .prepare('UPDATE events SET data = ? WHERE revision = 0')
      .run('{"n":9},"revision":7,"streamName":"elsewhere"');
    const [edited] = await store.readStream('counter-1');
    expect(edited).toMatchObject({ streamName: 'counter-1', revision: 0, data: { n: 9 } });
    expect(verifyChain(await store.readStream('counter-1'))).toEqual({
      streamName: 'counter-1',
      revision: 0,
      reason: 'hash-mismatch',
    });
    editor.prepare('UPDATE events SET data = ? WHERE revision = 1').run('{"n":');
    editor.close();
    await expect(store.readStream('counter-1')).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
  });

  it('reports a file that is not a database as corrupt, and a closed store as unavailable', async () => {
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'this is not a SQLite database, just text long enough to have a header'.repeat(20));
    expect(() => createSqliteEventStore({ path: garbage })).toThrow(
      expect.objectContaining({ code: 'STORE_CORRUPT' }) as unknown as Error,
    );
    expect(() => createSqliteEventStore({ path: garbage })).toThrow(StoreError);
    const store = createSqliteEventStore({ path });
    await store.close();
    await expect(store.readStream('counter-1')).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});

/** A worker thread that takes the write lock, says so, holds it for `holdMs`, then commits. */
function holdWriteLock(path: string, holdMs: number): { locked: Promise<void>; done: Promise<void> } {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.module);
    const db = new Database(workerData.path);
    db.exec('BEGIN IMMEDIATE');
    parentPort.postMessage('locked');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
    db.exec('COMMIT');
    db.close();
  `;
  const worker = new Worker(source, {
    eval: true,
    workerData: { path, holdMs, module: require.resolve('better-sqlite3') },
  });
  const locked = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  const done = new Promise<void>((resolve, reject) => {
    worker.once('exit', () => resolve());
    worker.once('error', reject);
  });
  return { locked, done };
}
