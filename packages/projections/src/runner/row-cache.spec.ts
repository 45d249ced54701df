import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryEventStore, type EventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { remove, upsert } from '../model/table.js';
import { append, countingProjection, streamTotals } from '../testing/counting-projection.js';
import { RowStore } from './row-store.js';
import { ProjectionRunner } from './runner.js';
import { createTableSet } from './schema.js';

const NAME = 'test_counts';
const TABLE = 'rm_test_counts_g1__test_stream_totals';

const fileRows = (db: Database.Database) => db.prepare(`SELECT * FROM ${TABLE} ORDER BY stream`).all();
const checkpoint = (db: Database.Database) =>
  db.prepare('SELECT position FROM projection_checkpoints WHERE projection = ?').pluck().get(NAME);

async function until(test: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; tries < 400; tries += 1) {
    if (await test()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function appendMany(store: EventStore, stream: string, amounts: number[]): Promise<void> {
  for (const amount of amounts) await append(store, stream, amount);
}

describe('RowStore: the rows a batch sees', () => {
  const row = (stream: string, events: number) => ({ stream, events, amount: events, last_revision: events - 1 });

  it('reads its own writes before they reach the file, and writes each changed row once at the end', () => {
    const db = new Database(':memory:');
    createTableSet(db, countingProjection(), 1);
    db.prepare(`INSERT INTO ${TABLE} VALUES ('a', 1, 1, 0), ('b', 1, 1, 0)`).run();
    const rows = new RowStore(db, NAME, 1, [streamTotals]);
    expect(rows.get(streamTotals, { stream: 'a' })).toEqual(row('a', 1));
    rows.take([upsert(streamTotals, row('a', 2)), upsert(streamTotals, row('c', 1))]);
    rows.take([upsert(streamTotals, row('a', 3)), remove(streamTotals, { stream: 'b' })]);
    // The batch sees its latest writes, a deleted row as gone, and a new row; the file has none of them yet.
    expect(rows.get(streamTotals, { stream: 'a' })).toEqual(row('a', 3));
    expect(rows.get(streamTotals, { stream: 'b' })).toBeUndefined();
    expect(rows.get(streamTotals, { stream: 'c' })).toEqual(row('c', 1));
    expect(fileRows(db)).toEqual([row('a', 1), row('b', 1)]);
    rows.flush();
    expect(fileRows(db)).toEqual([row('a', 3), row('c', 1)]);
    // Rows written stay known: changing the file behind the store's back shows they are not read again.
    db.prepare(`UPDATE ${TABLE} SET events = 99`).run();
    expect(rows.get(streamTotals, { stream: 'a' })).toEqual(row('a', 3));
    // After `forget` (a failed transaction) the file is the only truth again.
    rows.forget();
    expect(rows.get(streamTotals, { stream: 'a' })?.events).toBe(99);
  });

  it('answers "absent" without a read for a key never written to tables that started empty, and reads a written one', () => {
    const db = new Database(':memory:');
    createTableSet(db, countingProjection(), 1);
    const rows = new RowStore(db, NAME, 1, [streamTotals], true);
    rows.take([upsert(streamTotals, row('a', 1))]);
    rows.flush();
    // Rows put in behind the store's back (which a generation built from empty never has) show what is read.
    db.prepare(`INSERT INTO ${TABLE} VALUES ('z', 7, 7, 6)`).run();
    db.prepare(`UPDATE ${TABLE} SET events = 99 WHERE stream = 'a'`).run();
    expect(rows.get(streamTotals, { stream: 'z' })).toBeUndefined();
    rows.forget();
    expect(rows.get(streamTotals, { stream: 'a' })?.events).toBe(99);
    // The same tables not known to be empty: every key is read.
    expect(new RowStore(db, NAME, 1, [streamTotals]).get(streamTotals, { stream: 'z' })?.events).toBe(7);
  });

  it('takes none of an event’s writes when one of them does not fit its table', () => {
    const db = new Database(':memory:');
    createTableSet(db, countingProjection(), 1);
    const rows = new RowStore(db, NAME, 1, [streamTotals]);
    expect(() =>
      rows.take([upsert(streamTotals, row('a', 1)), upsert(streamTotals, { ...row('b', 1), events: 1.5 })]),
    ).toThrow('test_stream_totals.events must be integer, not 1.5');
    expect(rows.get(streamTotals, { stream: 'a' })).toBeUndefined();
    rows.flush();
    expect(fileRows(db)).toEqual([]);
  });
});

describe('ProjectionRunner: a batch that fails while being written', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'row-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes nothing of it, leaves the checkpoint where it was, and is applied once from there after the fault', async () => {
    const store = createMemoryEventStore();
    await appendMany(store, 'order-a', [1, 2, 3]);
    await appendMany(store, 'order-b', [10]);
    const db = new Database(join(dir, 'readmodels.db'));
    db.pragma('journal_mode = WAL');
    const retry = { baseMs: 20, maxMs: 20 };
    const runner = new ProjectionRunner({ db, store, projections: [countingProjection()], batchSize: 2, retry });
    // The file refuses order-b's row (as a full disk would refuse a page): the second batch, [a3, b10], fails at its
    // end after order-a's row was written in its transaction.
    db.exec(
      `CREATE TRIGGER refuse_b BEFORE INSERT ON ${TABLE} WHEN NEW.stream = 'order-b' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    await runner.start();
    await until(async () => (await runner.status())[0]?.lastError === 'SqliteError: disk full', 'the failure');
    expect(fileRows(db)).toEqual([{ stream: 'order-a', events: 2, amount: 3, last_revision: 1 }]);
    expect(checkpoint(db)).toBe('00000000000000000002');
    expect(runner.parked(NAME)).toEqual([]);
    // The fault goes; the restarted follower applies the batch from the checkpoint, and nothing twice.
    db.exec('DROP TRIGGER refuse_b');
    await until(() => checkpoint(db) === '00000000000000000004', 'the restart to apply the batch');
    expect(fileRows(db)).toEqual([
      { stream: 'order-a', events: 3, amount: 6, last_revision: 2 },
      { stream: 'order-b', events: 1, amount: 10, last_revision: 0 },
    ]);
    expect(db.prepare('SELECT amount FROM test_type_totals').pluck().get()).toBe(16);
    expect(runner.parked(NAME)).toEqual([]);
    await runner.stop();
    db.close();
  }, 30_000);
});
