import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryEventStore, type EventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { append, countingProjection } from '../testing/counting-projection.js';
import { ProjectionRunner } from './runner.js';

const totals = (db: Database.Database) =>
  db.prepare('SELECT stream, events, amount FROM test_stream_totals ORDER BY stream').all();
const byType = (db: Database.Database) => db.prepare('SELECT type, amount FROM test_type_totals ORDER BY type').all();

async function appendMany(store: EventStore, stream: string, amounts: number[]): Promise<void> {
  for (const amount of amounts) await append(store, stream, amount);
}

describe('ProjectionRunner: checkpoints, lag and readiness', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'projections-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('resumes from its checkpoint after a crash without counting anything twice', async () => {
    const store = createMemoryEventStore();
    const file = join(dir, 'readmodels.db');
    await appendMany(store, 'order-a', [1, 2, 3, 4]);
    await appendMany(store, 'order-b', [10, 20, 30]);

    const first = new Database(file);
    const before = new ProjectionRunner({ db: first, store, projections: [countingProjection()], batchSize: 3 });
    await before.start();
    await before.whenLive();
    expect(totals(first)).toEqual([
      { stream: 'order-a', events: 4, amount: 10 },
      { stream: 'order-b', events: 3, amount: 60 },
    ]);
    // The process dies: no stop, the connection just goes away.
    first.close();

    await appendMany(store, 'order-a', [100]);
    await appendMany(store, 'order-c', [1000]);
    const second = new Database(file);
    const after = new ProjectionRunner({ db: second, store, projections: [countingProjection()], batchSize: 3 });
    expect((await after.status())[0]).toMatchObject({ state: 'stopped', position: '7', head: '9', lag: 2 });
    await after.start();
    await after.whenLive();
    expect(totals(second)).toEqual([
      { stream: 'order-a', events: 5, amount: 110 },
      { stream: 'order-b', events: 3, amount: 60 },
      { stream: 'order-c', events: 1, amount: 1000 },
    ]);
    expect(byType(second)).toEqual([{ type: 'Counted', amount: 1170 }]);
    await after.stop();
    second.close();
  });

  it('applies live events and reports position, lag and readiness', async () => {
    const store = createMemoryEventStore();
    await appendMany(store, 'order-a', [1, 2, 3]);
    const db = new Database(':memory:');
    const runner = new ProjectionRunner({
      db,
      store,
      projections: [countingProjection()],
      maxLag: 1,
      lagCountLimit: 100,
    });

    const idle = await runner.readiness();
    expect(idle.ready).toBe(false);
    expect(idle.reasons).toEqual(['test_counts is not running', 'test_counts lags 3 events (bound 1)']);

    await runner.start();
    await runner.whenLive();
    const result = await store.appendToStream('order-z', [
      { eventId: 'ffffffff-0000-4000-8000-000000000001', type: 'Counted', data: { amount: 5 }, metadata: {} },
    ]);
    await runner.whenAt('test_counts', result.position);
    expect(totals(db)).toContainEqual({ stream: 'order-z', events: 1, amount: 5 });
    expect(runner.freshness('test_counts')).toEqual({ position: '4', lag: 0, stale: false });
    const ready = await runner.readiness();
    expect(ready).toMatchObject({ ready: true, reasons: [] });
    expect(ready.projections[0]).toMatchObject({
      state: 'live',
      position: '4',
      head: '4',
      lag: 0,
      parked: 0,
      lastError: null,
      generation: 1,
    });
    await runner.stop();
  });

  it('says when its state changed, and its mirror read after the change matches the file', async () => {
    const store = createMemoryEventStore();
    await appendMany(store, 'order-a', [1, 2]);
    const db = new Database(':memory:');
    // What a host reads: the mirror at the end of the task that reported a change (a batch reports inside its
    // transaction), beside the checkpoint the file holds at that moment.
    const seen: { mirrored: string | null; stored: string | null }[] = [];
    // Kept zero-padded so that text order is position order.
    const storedPosition = (file: Database.Database): string | null => {
      const text = file.prepare<[], string | null>('SELECT position FROM projection_checkpoints').pluck().get();
      return text === undefined || text === null ? null : BigInt(text).toString();
    };
    const runner: ProjectionRunner = new ProjectionRunner({
      db,
      store,
      projections: [countingProjection()],
      // Shared live batches: applied inside one outer transaction.
      liveBatchMs: 5,
      onChange: () =>
        queueMicrotask(() =>
          seen.push({
            mirrored: runner.mirror()[0]?.freshness.position ?? null,
            stored: storedPosition(db),
          }),
        ),
    });
    expect(runner.mirror()).toEqual([
      {
        name: 'test_counts',
        version: 1,
        activeVersion: 1,
        generation: 1,
        contentTag: runner.contentTag('test_counts'),
        freshness: { position: null, lag: 10_000, stale: true },
        outage: undefined,
      },
    ]);
    await runner.start();
    await runner.whenLive();
    for (const amount of [3, 4, 5]) await append(store, 'order-b', amount);
    await runner.whenAt('test_counts', 5n);
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen.at(-1)).toEqual({ mirrored: '5', stored: '5' });
    expect(runner.mirror()[0]).toMatchObject({ freshness: { position: '5', lag: 0, stale: false } });
    // Never ahead of the file, and the file never ahead of what was reported last.
    for (const { mirrored, stored } of seen) expect(mirrored).toBe(stored);
    await runner.stop();
  });

  it('refuses two projections that declare the same table', () => {
    const db = new Database(':memory:');
    const store = createMemoryEventStore();
    expect(
      () =>
        new ProjectionRunner({
          db,
          store,
          projections: [countingProjection(), { ...countingProjection(), name: 'other' }],
        }),
    ).toThrow('read-model table test_stream_totals is declared twice');
  });
});

describe('ProjectionRunner: dead letters', () => {
  it('parks an event it cannot apply, holds its stream behind it, lets other streams go on, and retries after a fix', async () => {
    const store = createMemoryEventStore();
    const fixed = { value: false };
    await appendMany(store, 'order-a', [1]);
    await append(store, 'order-a', 2, 'Poison');
    await appendMany(store, 'order-a', [4]);
    await appendMany(store, 'order-b', [10, 20]);
    const db = new Database(':memory:');
    const runner = new ProjectionRunner({ db, store, projections: [countingProjection(fixed)], maxLag: 10 });
    await runner.start();
    await runner.whenLive();

    expect(totals(db)).toEqual([
      { stream: 'order-a', events: 1, amount: 1 },
      { stream: 'order-b', events: 2, amount: 30 },
    ]);
    expect(
      runner
        .parked('test_counts')
        .map(({ position, streamName, type, error }) => ({ position, streamName, type, error })),
    ).toEqual([
      { position: 2n, streamName: 'order-a', type: 'Poison', error: 'cannot apply Poison at revision 1' },
      { position: 3n, streamName: 'order-a', type: 'Counted', error: null },
    ]);

    // A later event of the blocked stream waits too; other streams keep flowing.
    await appendMany(store, 'order-a', [8]);
    const last = await store.appendToStream('order-b', [
      { eventId: 'ffffffff-0000-4000-8000-000000000002', type: 'Counted', data: { amount: 30 }, metadata: {} },
    ]);
    await runner.whenAt('test_counts', last.position);
    expect(totals(db)).toContainEqual({ stream: 'order-b', events: 3, amount: 60 });
    const stalled = await runner.readiness();
    expect(stalled.ready).toBe(false);
    expect(stalled.reasons).toEqual(['test_counts has 3 parked event(s) in 1 stream(s)']);
    expect(stalled.projections[0]).toMatchObject({
      state: 'stalled',
      parked: 3,
      blockedStreams: ['order-a'],
      lastError: 'cannot apply Poison at revision 1',
      lag: 0,
    });

    expect(runner.retry('test_counts')).toMatchObject({ applied: 0, stillParked: 3 });
    expect(runner.parked('test_counts')[0]).toMatchObject({ attempts: 1 });

    fixed.value = true;
    expect(runner.retry('test_counts')).toEqual({ applied: 3, stillParked: 0, errors: [] });
    expect(totals(db)).toEqual([
      { stream: 'order-a', events: 4, amount: 15 },
      { stream: 'order-b', events: 3, amount: 60 },
    ]);
    expect(await runner.readiness()).toMatchObject({ ready: true });

    // After the retry the stream is open again: new events apply directly.
    const next = await store.appendToStream('order-a', [
      { eventId: 'ffffffff-0000-4000-8000-000000000003', type: 'Counted', data: { amount: 16 }, metadata: {} },
    ]);
    await runner.whenAt('test_counts', next.position);
    expect(totals(db)[0]).toEqual({ stream: 'order-a', events: 5, amount: 31 });

    // The digest after park-and-retry equals a clean rebuild's.
    const incremental = runner.digest('test_counts');
    await runner.rebuild('test_counts');
    expect(runner.digest('test_counts')).toEqual(incremental);
    await runner.stop();
  });
});
