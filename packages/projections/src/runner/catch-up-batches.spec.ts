import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMemoryEventStore, type EventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import type { Projection } from '../model/projection.js';
import { append, countingProjection } from '../testing/counting-projection.js';
import { seenProjection, walCommits } from '../testing/wal-fixtures.js';
import { CATCH_UP_PAGE_SIZE } from './page-reader.js';
import { ProjectionRunner } from './runner.js';

const COUNTS = 'test_counts';
describe('ProjectionRunner: followers catching up together share one transaction per batch', () => {
  let dir: string;
  let store: EventStore;
  const total = 4 * CATCH_UP_PAGE_SIZE + 300;
  beforeAll(async () => {
    store = createMemoryEventStore();
    for (let i = 1; i <= total; i++) await append(store, `order-${i % 13}`, i);
  });
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'catch-up-batches-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Rebuilds `projections` together into a file that keeps every WAL frame; answers the commits and the digests. */
  async function rebuilt(projections: readonly Projection[], file: string) {
    const path = join(dir, file);
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    const runner = new ProjectionRunner({ db, store, projections, batchSize: CATCH_UP_PAGE_SIZE });
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    const before = walCommits(`${path}-wal`, pageSize);
    await Promise.all(projections.map((projection) => runner.rebuild(projection.name)));
    const commits = walCommits(`${path}-wal`, pageSize) - before;
    const digests = projections.map((projection) => runner.digest(projection.name).digest);
    await runner.stop();
    db.close();
    return { commits, digests };
  }

  it('commits the due batches of history of two projections together, with the digests of each rebuilt alone', async () => {
    const counts = await rebuilt([countingProjection()], 'counts.db');
    const seen = await rebuilt([seenProjection], 'seen.db');
    const both = await rebuilt([countingProjection(), seenProjection], 'both.db');
    expect(both.digests).toEqual([...counts.digests, ...seen.digests]);
    // Four batches of full pages: one COMMIT each for both projections rather than one each per projection.
    expect(both.commits).toBeLessThanOrEqual(counts.commits + seen.commits - 4);
  });

  it('keeps a failure its own: the projection whose batch failed stops at its last checkpoint, the other goes on', async () => {
    const db = new Database(join(dir, 'readmodels.db'));
    db.pragma('journal_mode = WAL');
    const retry = { baseMs: 60_000, maxMs: 60_000 };
    const projections = [countingProjection(), seenProjection];
    const runner = new ProjectionRunner({ db, store, projections, batchSize: CATCH_UP_PAGE_SIZE, retry });
    // The file refuses test_seen's row as the third batch writes it (as a full disk would).
    db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON rm_test_seen_g1__test_last_seen WHEN NEW.position = '3000'
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    await runner.start();
    await runner.whenLive(COUNTS);
    const waiting = performance.now();
    while ((await runner.status())[1]?.lastError === null) {
      if (performance.now() - waiting > 10_000) throw new Error('test_seen never reported the failure');
      await sleep(10);
    }
    const [counts, seen] = await runner.status();
    expect(counts).toMatchObject({ state: 'live', position: String(total), parked: 0, lastError: null });
    expect(seen).toMatchObject({
      state: 'stalled',
      position: String(2 * CATCH_UP_PAGE_SIZE),
      lastError: 'SqliteError: disk full',
    });
    expect(db.prepare('SELECT SUM(events) FROM test_stream_totals').pluck().get()).toBe(total);
    expect(db.prepare('SELECT position FROM test_last_seen').pluck().get()).toBe(String(2 * CATCH_UP_PAGE_SIZE));
    await runner.stop();
    db.close();
  });
});
