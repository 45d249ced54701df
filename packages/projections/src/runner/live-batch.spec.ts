import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMemoryEventStore, type EventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { append, countingProjection } from '../testing/counting-projection.js';
import { SEEN, seenProjection, walCommits } from '../testing/wal-fixtures.js';
import { ProjectionRunner } from './runner.js';

const NAME = 'test_counts';

/** Logs every checkpoint write (one per applied batch) in `batch_log`, by trigger; answers how many so far. */
function logBatches(db: Database.Database): () => number {
  db.exec(`CREATE TABLE batch_log (position TEXT);
    CREATE TRIGGER log_batch AFTER UPDATE OF position ON projection_checkpoints BEGIN INSERT INTO batch_log VALUES (NEW.position); END;`);
  return () => db.prepare('SELECT COUNT(*) FROM batch_log').pluck().get() as number;
}

async function started(
  store: EventStore,
  liveBatchMs: number | undefined,
): Promise<{ runner: ProjectionRunner; db: Database.Database; batches: () => number }> {
  const db = new Database(':memory:');
  const runner = new ProjectionRunner({
    db,
    store,
    projections: [countingProjection()],
    ...(liveBatchMs === undefined ? {} : { liveBatchMs }),
  });
  await runner.start();
  await runner.whenLive();
  return { runner, db, batches: logBatches(db) };
}

/** Waits, without asking for a position (that would apply at once), until the checkpoint reaches `head`. */
async function appliedUpTo(runner: ProjectionRunner, head: bigint, withinMs: number): Promise<number> {
  const started = performance.now();
  while (runner.freshness(NAME).position !== head.toString()) {
    if (performance.now() - started > withinMs) throw new Error(`not applied up to ${head} within ${withinMs} ms`);
    await sleep(5);
  }
  return performance.now() - started;
}

/** Appends `count` events, one command's worth at a time, a few ms apart (a steady write load). */
async function appendSpaced(store: EventStore, count: number): Promise<bigint> {
  for (let i = 0; i < count; i++) {
    await append(store, `order-${i}`, 1);
    await sleep(3);
  }
  return (await store.headPosition()) ?? 0n;
}

describe('ProjectionRunner: live events gathered into batches (liveBatchMs)', () => {
  it('by default applies each live event on its own, without waiting for a later one', async () => {
    const store = createMemoryEventStore();
    const { runner, batches } = await started(store, undefined);
    // Each event is applied, in a batch of its own, before the next exists (timing-free: a loaded machine
    // spacing the appends differently cannot merge them).
    for (let i = 1; i <= 6; i++) {
      await append(store, `order-${i}`, 1);
      await appliedUpTo(runner, (await store.headPosition()) ?? 0n, 2_000);
      expect(batches()).toBe(i);
    }
    await runner.stop();
  });

  it('with liveBatchMs, events arriving within the delay share one transaction and one checkpoint write', async () => {
    const store = createMemoryEventStore();
    const { runner, batches } = await started(store, 2_000);
    const before = performance.now();
    const head = await appendSpaced(store, 6);
    const appending = performance.now() - before;
    // 6 events over about 20 ms (a loaded machine may take far longer, never two seconds), all inside the first
    // event's delay: one batch, applied once the delay is over.
    expect(appending).toBeLessThan(2_000);
    expect(runner.freshness(NAME).position).not.toBe(head.toString());
    await appliedUpTo(runner, head, 5_000);
    expect(batches()).toBe(1);
    expect(runner.contentTag(NAME)).toContain(head.toString());
    await runner.stop();
  });

  it('a query waiting on a position gets it applied at once, whether its event came before or after it asked', async () => {
    const store = createMemoryEventStore();
    const { runner, batches } = await started(store, 60_000);

    await append(store, 'order-a', 1);
    const first = (await store.headPosition()) ?? 0n;
    await sleep(10);
    // Held back for up to a minute, but someone asks for it.
    let before = performance.now();
    await runner.whenAt(NAME, first);
    expect(performance.now() - before).toBeLessThan(1_000);
    expect(batches()).toBe(1);

    // Asked before the event exists: applied as soon as it arrives.
    before = performance.now();
    const waiting = runner.whenAt(NAME, first + 1n);
    await append(store, 'order-b', 1);
    await waiting;
    expect(performance.now() - before).toBeLessThan(1_000);
    expect(runner.freshness(NAME).position).toBe((first + 1n).toString());
    await runner.stop();
  });

  it('stop applies the events still held back before it returns', async () => {
    const store = createMemoryEventStore();
    const { runner, db } = await started(store, 60_000);
    await append(store, 'order-a', 2);
    await append(store, 'order-b', 3);
    const head = (await store.headPosition()) ?? 0n;
    await sleep(10);
    expect(runner.freshness(NAME).position).not.toBe(head.toString());
    await runner.stop();
    const stored = db
      .prepare('SELECT position FROM projection_checkpoints WHERE projection = ? AND active = 1')
      .pluck()
      .get(NAME) as string;
    expect(BigInt(stored)).toBe(head);
  });
});

/** A second projection beside the counting one: the last position seen per event type. */
describe('ProjectionRunner: the live projections share one transaction per batch (liveBatchMs)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'live-batches-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A read-model file in WAL mode that keeps every frame (no checkpoint), with two projections running live. */
  async function startedOnFile(
    store: EventStore,
    liveBatchMs: number,
  ): Promise<{ runner: ProjectionRunner; db: Database.Database; commits: () => number }> {
    const path = join(dir, 'readmodels.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    const runner = new ProjectionRunner({
      db,
      store,
      projections: [countingProjection(), seenProjection],
      liveBatchMs,
    });
    await runner.start();
    await runner.whenLive();
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    return { runner, db, commits: () => walCommits(`${path}-wal`, pageSize) };
  }

  it('events held back by two projections are applied in one COMMIT, not one per projection', async () => {
    const store = createMemoryEventStore();
    const { runner, db, commits } = await startedOnFile(store, 2_000);
    const before = commits();
    const head = await appendSpaced(store, 6);
    await appliedUpTo(runner, head, 5_000);
    while (runner.freshness(SEEN).position !== head.toString()) await sleep(5);
    expect(commits() - before).toBe(1);
    // Both projections' rows and checkpoints are in the file.
    const checkpoints = db
      .prepare('SELECT projection, position FROM projection_checkpoints WHERE active = 1 ORDER BY projection')
      .all();
    expect(checkpoints).toEqual([
      { projection: NAME, position: expect.any(String) },
      { projection: SEEN, position: expect.any(String) },
    ]);
    expect(db.prepare('SELECT position FROM test_last_seen WHERE type = ?').pluck().get('Counted')).toBe(
      head.toString(),
    );
    await runner.stop();
    db.close();
  });

  it('a shared COMMIT that fails leaves nothing in the file, and each projection says so and keeps its old position', async () => {
    const store = createMemoryEventStore();
    const { runner, db } = await startedOnFile(store, 50);
    await append(store, 'order-a', 1);
    const first = (await store.headPosition()) ?? 0n;
    await runner.whenAt(NAME, first);
    await runner.whenAt(SEEN, first);
    // A COMMIT that fails for real: a deferred foreign key that the second projection's checkpoint write breaks.
    db.pragma('foreign_keys = ON');
    db.exec(`CREATE TABLE fk_parent (id INTEGER PRIMARY KEY);
      CREATE TABLE fk_child (parent INTEGER REFERENCES fk_parent (id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER break_commit AFTER UPDATE OF position ON projection_checkpoints WHEN NEW.projection = '${SEEN}'
      BEGIN INSERT INTO fk_child VALUES (42); END;`);
    const stored = (): unknown[] =>
      db.prepare('SELECT position FROM projection_checkpoints WHERE active = 1 ORDER BY projection').pluck().all();
    const storedBefore = stored();

    await append(store, 'order-b', 2);
    const started = performance.now();
    while ((await runner.status()).some((status) => status.lastError === null)) {
      if (performance.now() - started > 10_000) throw new Error('no projection reported the failed commit');
      await sleep(10);
    }
    const statuses = await runner.status();
    for (const status of statuses) {
      expect(status.lastError).toMatch(/FOREIGN KEY/);
      expect(status.state).toBe('stalled');
      expect(status.position).toBe(first.toString());
    }
    expect(stored()).toEqual(storedBefore);
    expect(db.prepare('SELECT COUNT(*) FROM test_stream_totals WHERE stream = ?').pluck().get('order-b')).toBe(0);
    expect(runner.freshness(NAME).position).toBe(first.toString());
    await runner.stop();
    db.close();
  });
});
