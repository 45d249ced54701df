import { createMemoryEventStore, type EventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { append, countingProjection } from '../testing/counting-projection.js';
import { ProjectionRunner } from './runner.js';

const NAME = 'test_counts';

/** Appends one event per amount to `stream`; answers the position of the last. */
async function appendMany(store: EventStore, stream: string, amounts: number[]): Promise<bigint> {
  for (const amount of amounts) await append(store, stream, amount);
  return (await store.headPosition()) ?? 0n;
}
const totals = (db: Database.Database) =>
  db.prepare('SELECT stream, events, amount FROM test_stream_totals ORDER BY stream').all();
const typeTotal = (db: Database.Database) => db.prepare('SELECT type, amount FROM test_type_totals').all();

/** Counts the rows SQLite inserts into the generation's stream table (an INSERT OR REPLACE is one insert). */
function countInserts(db: Database.Database): () => number {
  db.exec('CREATE TABLE inserts (n INTEGER NOT NULL)');
  db.exec('INSERT INTO inserts VALUES (0)');
  db.exec(
    'CREATE TRIGGER count_inserts AFTER INSERT ON rm_test_counts_g1__test_stream_totals BEGIN UPDATE inserts SET n = n + 1; END',
  );
  return () => db.prepare('SELECT n FROM inserts').pluck().get() as number;
}

function runnerOn(store: EventStore, batchSize: number): { db: Database.Database; runner: ProjectionRunner } {
  const db = new Database(':memory:');
  const runner = new ProjectionRunner({ db, store, projections: [countingProjection()], batchSize });
  return { db, runner };
}

describe('RowStore: a batch folded in memory, each row written once', () => {
  it('writes a row once per batch however many events of the batch change it, with the digest of one event per batch', async () => {
    const store = createMemoryEventStore();
    await appendMany(store, 'order-a', [1, 2, 3, 4, 5, 6, 7, 8]);
    await appendMany(store, 'order-b', [10, 20]);
    const digests: string[] = [];
    const inserts: number[] = [];
    for (const batchSize of [500, 1]) {
      const { db, runner } = runnerOn(store, batchSize);
      const counted = countInserts(db);
      await runner.start();
      await runner.whenLive();
      inserts.push(counted());
      expect(totals(db)).toEqual([
        { stream: 'order-a', events: 8, amount: 36 },
        { stream: 'order-b', events: 2, amount: 30 },
      ]);
      digests.push(runner.digest(NAME).digest);
      await runner.stop();
    }
    // One batch: each of the two streams written once; one event per batch: once per event.
    expect(inserts).toEqual([2, 10]);
    expect(digests[0]).toBe(digests[1]);
  });

  it('parks an event whose row does not fit its column, and takes none of its writes, while the batch goes on', async () => {
    const store = createMemoryEventStore();
    await appendMany(store, 'order-a', [1]);
    // The stream row's amount would be 2.5: no integer. The type total written after it must not move either.
    await appendMany(store, 'order-a', [1.5]);
    await appendMany(store, 'order-b', [10, 20]);
    const { db, runner } = runnerOn(store, 500);
    await runner.start();
    await runner.whenLive();
    expect(runner.parked(NAME).map(({ position, error }) => ({ position, error }))).toEqual([
      { position: 2n, error: 'TypeError: test_stream_totals.amount must be integer, not 2.5' },
    ]);
    expect(totals(db)).toEqual([
      { stream: 'order-a', events: 1, amount: 1 },
      { stream: 'order-b', events: 2, amount: 30 },
    ]);
    expect(typeTotal(db)).toEqual([{ type: 'Counted', amount: 31 }]);
    // Later batches read the rows as the file has them.
    const next = await appendMany(store, 'order-b', [5]);
    await runner.whenAt(NAME, next);
    expect(typeTotal(db)).toEqual([{ type: 'Counted', amount: 36 }]);
    await runner.stop();
  });
});
