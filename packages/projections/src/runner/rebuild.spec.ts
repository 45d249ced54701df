import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryEventStore, type EventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import type { Projection } from '../model/projection.js';
import { defineTable, upsert } from '../model/table.js';
import { append, countingProjection, streamTotals, streamTotalsWrite } from '../testing/counting-projection.js';
import { ProjectionRunner } from './runner.js';

const NAME = 'test_counts';
const sumOf = (db: Database.Database) =>
  db.prepare('SELECT sum(amount) AS total, count(*) AS streams FROM test_stream_totals').get();
const physicalTables = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm_%' ORDER BY name").pluck().all();

async function seed(store: EventStore, streams: number, perStream: number): Promise<void> {
  for (let i = 0; i < perStream; i++) for (let s = 0; s < streams; s++) await append(store, `order-${s}`, s * 100 + i);
}

describe('ProjectionRunner: rebuild and swap', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'projections-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same digest live-incremental, rebuilt once and rebuilt twice', async () => {
    const store = createMemoryEventStore();
    const db = new Database(':memory:');
    const runner = new ProjectionRunner({ db, store, projections: [countingProjection()], batchSize: 7 });
    await seed(store, 3, 4);
    await runner.start();
    await runner.whenLive();
    // More events arrive live, in small batches, interleaved across streams.
    await seed(store, 5, 3);
    await runner.whenAt(NAME, 27n);
    const incremental = runner.digest(NAME);
    expect(incremental.tables).toMatchObject({ test_stream_totals: { rows: 5 }, test_type_totals: { rows: 1 } });

    await runner.rebuild(NAME);
    expect(runner.digest(NAME)).toEqual(incremental);
    await runner.rebuild(NAME);
    expect(runner.digest(NAME)).toEqual(incremental);
    expect((await runner.status())[0]).toMatchObject({ generation: 3, state: 'live', position: '27', lag: 0 });
    expect(physicalTables(db)).toEqual([
      'rm_test_counts_g3__test_stream_totals',
      'rm_test_counts_g3__test_type_totals',
    ]);
    await runner.stop();
  });

  it('a fresh runner on another database replaying the same events produces the same digest', async () => {
    const store = createMemoryEventStore();
    await seed(store, 4, 5);
    const digests: string[] = [];
    for (const batchSize of [1, 3, 500]) {
      const runner = new ProjectionRunner({
        db: new Database(':memory:'),
        store,
        projections: [countingProjection()],
        batchSize,
      });
      await runner.start();
      await runner.whenLive();
      digests.push(runner.digest(NAME).digest);
      await runner.stop();
    }
    expect(new Set(digests).size).toBe(1);
  });

  it('keeps answering queries from the old tables until the rebuild has caught up, then swaps', async () => {
    const store = createMemoryEventStore();
    const file = join(dir, 'readmodels.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    const runner = new ProjectionRunner({ db, store, projections: [countingProjection()], batchSize: 5 });
    await seed(store, 10, 20);
    await runner.start();
    await runner.whenLive();
    const before = sumOf(db);

    // A reader on its own connection holds a snapshot across the swap.
    const reader = new Database(file, { readonly: true });
    reader.exec('BEGIN');
    expect(sumOf(reader)).toEqual(before);

    const rebuilt = runner.rebuild(NAME);
    let observedDuringRebuild = 0;
    while ((await runner.status())[0]?.rebuilding !== null) {
      expect(sumOf(db)).toEqual(before);
      observedDuringRebuild += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await rebuilt;
    expect(observedDuringRebuild).toBeGreaterThan(0);
    expect(sumOf(reader)).toEqual(before);
    reader.exec('COMMIT');
    expect(sumOf(reader)).toEqual(before);
    expect(sumOf(db)).toEqual(before);
    expect((await runner.status())[0]).toMatchObject({ generation: 2, position: '200' });

    // Events appended during a rebuild reach the new tables too.
    const next = runner.rebuild(NAME);
    await append(store, 'order-new', 5);
    await next;
    await runner.whenAt(NAME, 201n);
    expect(sumOf(db)).toEqual({ total: (before as { total: number }).total + 5, streams: 11 });
    reader.close();
    await runner.stop();
    db.close();
  });

  it('rebuilds a projection whose version changed, serving the old tables meanwhile', async () => {
    const store = createMemoryEventStore();
    const db = new Database(':memory:');
    await seed(store, 2, 2);
    const v1 = new ProjectionRunner({ db, store, projections: [countingProjection()] });
    await v1.start();
    await v1.whenLive();
    await v1.stop();
    expect(v1.servesCurrentVersion('test_counts')).toBe(true);
    const v2 = new ProjectionRunner({ db, store, projections: [{ ...countingProjection(), version: 2 }] });
    // Until the rebuild swaps in, the tables queries would read are version 1's.
    expect(v2.servesCurrentVersion('test_counts')).toBe(false);
    await v2.start();
    expect(v2.servesCurrentVersion('test_counts')).toBe(false);
    // whenLive waits for the rebuild's swap, not only for the (absent) live follower of the old generation.
    await v2.whenLive();
    expect(v2.servesCurrentVersion('test_counts')).toBe(true);
    expect((await v2.status())[0]).toMatchObject({ version: 2, generation: 2, state: 'live', position: '4' });
    await v2.stop();
  });

  it('drops a table and its view that a new version no longer declares, and leaves other projections alone', async () => {
    const store = createMemoryEventStore();
    const db = new Database(':memory:');
    await seed(store, 2, 2);
    // Another projection whose name starts with this one's, its table named after the one retired here.
    const kept = defineTable<{ stream: string }, 'stream'>({
      name: 'test_type_totals_kept',
      columns: { stream: 'TEXT' },
      primaryKey: ['stream'],
    });
    const neighbour: Projection = {
      name: `${NAME}_g1`,
      version: 1,
      tables: [kept],
      project: (event) => [upsert(kept, { stream: event.streamName })],
    };
    const v1 = new ProjectionRunner({ db, store, projections: [countingProjection(), neighbour] });
    await v1.start();
    await v1.whenLive();
    await v1.stop();
    const views = () => db.prepare("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name").pluck().all();
    expect(views()).toEqual(['test_stream_totals', 'test_type_totals', 'test_type_totals_kept']);

    // Version 2 keeps the per-stream totals only.
    const streamsOnly: Projection = {
      name: NAME,
      version: 2,
      tables: [streamTotals],
      project: (event, rows) => [streamTotalsWrite(event, rows)],
    };
    const v2 = new ProjectionRunner({ db, store, projections: [streamsOnly, neighbour] });
    await v2.start();
    await v2.whenLive();
    expect(physicalTables(db)).toEqual([
      'rm_test_counts_g1_g1__test_type_totals_kept',
      'rm_test_counts_g2__test_stream_totals',
    ]);
    expect(views()).toEqual(['test_stream_totals', 'test_type_totals_kept']);
    expect(sumOf(db)).toEqual({ total: 202, streams: 2 });
    expect(db.prepare('SELECT count(*) FROM test_type_totals_kept').pluck().get()).toBe(2);
    await v2.stop();
  });
});
