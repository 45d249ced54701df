import { createMemoryEventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { defineTable } from '../model/table.js';
import { append, countingProjection, streamTotals } from '../testing/counting-projection.js';
import { ProjectionRunner } from './runner.js';

const indexesOf = (db: Database.Database): string[] =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'rm_%' ORDER BY name")
    .pluck()
    .all() as string[];

// The counting projection with an index on amount declared on its per-stream table.
const indexed = () => {
  const base = countingProjection();
  const totals = { ...streamTotals, indexes: [['amount', 'stream']] as const };
  return { ...base, tables: base.tables.map((spec) => (spec.name === totals.name ? totals : spec)) };
};

describe('read-model indexes', () => {
  it('refuses an index on a column the table does not have', () => {
    expect(() =>
      defineTable<{ a: string; b: number }, 'a'>({
        name: 't',
        columns: { a: 'TEXT', b: 'INTEGER' },
        primaryKey: ['a'],
        indexes: [['c' as 'b']],
      }),
    ).toThrow('index column c is not a column of t');
    expect(() =>
      defineTable<{ a: string }, 'a'>({ name: 't', columns: { a: 'TEXT' }, primaryKey: ['a'], indexes: [[]] }),
    ).toThrow('needs a column');
  });

  it('creates them with the first generation and again for a rebuilt one (at the swap); queries use them; the digest is unchanged', async () => {
    const store = createMemoryEventStore();
    const db = new Database(':memory:');
    const runner = new ProjectionRunner({ db, store, projections: [indexed()], batchSize: 3 });
    for (let i = 0; i < 10; i++) await append(store, `order-${i % 4}`, i);
    await runner.start();
    await runner.whenLive();
    expect(indexesOf(db)).toEqual(['rm_test_counts_g1__test_stream_totals__by_amount_stream']);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT stream FROM test_stream_totals WHERE amount = 5').all() as {
      detail: string;
    }[];
    expect(plan.map((row) => row.detail).join(' ')).toContain(
      'USING COVERING INDEX rm_test_counts_g1__test_stream_totals__by_amount_stream',
    );
    const before = runner.digest('test_counts');

    await runner.rebuild('test_counts');
    expect(indexesOf(db)).toEqual(['rm_test_counts_g2__test_stream_totals__by_amount_stream']);
    expect(runner.digest('test_counts')).toEqual(before);
    await runner.stop();
  });
});
