import { createMemoryEventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { digestTableSet } from '../runner/digest.js';
import { ProjectionRunner } from '../runner/runner.js';
import { countingProjection, streamTotals, typeTotals } from './counting-projection.js';
import { projectionKit } from './projection-kit.js';
import { appendTestEvents, type TestEvent } from './stored-events.js';

const counted = (amount: number, type = 'Counted'): TestEvent => ({
  type,
  at: '2026-03-31T16:30:00Z',
  data: { amount },
});

describe('the projection test kit', () => {
  it('calls project on each event in order and gives the rows in primary-key order', () => {
    const kit = projectionKit([countingProjection()])
      .given('s-2', [counted(5)])
      .given('s-1', [counted(2), counted(3, 'Other')]);
    expect(kit.rows(streamTotals)).toEqual([
      { stream: 's-1', events: 2, amount: 5, last_revision: 1 },
      { stream: 's-2', events: 1, amount: 5, last_revision: 0 },
    ]);
    expect(kit.row(typeTotals, { type: 'Counted' })).toEqual({ type: 'Counted', amount: 7 });
    expect(kit.parked).toEqual([]);
    expect(kit.lastPosition).toBe(3n);
  });

  it('parks an event whose project throws, takes none of its writes and holds the later events of its stream', () => {
    const kit = projectionKit([countingProjection({ value: false })])
      .given('s-1', [counted(1), counted(9, 'Poison'), counted(4)])
      .given('s-2', [counted(6)]);
    expect(kit.rows(streamTotals)).toEqual([
      { stream: 's-1', events: 1, amount: 1, last_revision: 0 },
      { stream: 's-2', events: 1, amount: 6, last_revision: 0 },
    ]);
    expect(kit.parked).toEqual([
      {
        projection: 'test_counts',
        streamName: 's-1',
        revision: 1,
        type: 'Poison',
        error: 'cannot apply Poison at revision 1',
      },
      { projection: 'test_counts', streamName: 's-1', revision: 2, type: 'Counted', error: null },
    ]);
  });

  it('refuses a row that does not fit its table, as SQLite would', () => {
    const kit = projectionKit([countingProjection()]).given('s-1', [
      { type: 'Counted', at: '2026-03-31T16:30:00Z', data: { amount: 1.5 } },
    ]);
    expect(kit.rows(streamTotals)).toEqual([]);
    expect(kit.parked[0]?.error).toBe('test_stream_totals.amount must be integer, not 1.5');
  });

  it('leaves the same rows and digest as the runner on SQLite, and its read models answer the same queries', async () => {
    const streams: [string, TestEvent[]][] = [
      ['s-1', [counted(1), counted(2, 'Other')]],
      ['s-2', [counted(3)]],
      ['s-1', [counted(4)]],
    ];
    const store = createMemoryEventStore();
    for (const [stream, events] of streams) await appendTestEvents(store, stream, events);
    const db = new Database(':memory:');
    const runner = new ProjectionRunner({ db, store, projections: [countingProjection()] });
    await runner.start();
    await runner.whenLive();
    const kit = projectionKit([countingProjection()]);
    for (const [stream, events] of streams) kit.given(stream, events);

    const select = (on: Database.Database) => on.prepare('SELECT * FROM test_stream_totals ORDER BY stream').all();
    expect(kit.rows(streamTotals)).toEqual(select(db));
    const fromKit = kit.readModels();
    expect(select(fromKit)).toEqual(select(db));
    const checkpoint = (on: Database.Database) =>
      on.prepare('SELECT projection, position, active FROM projection_checkpoints').all();
    expect(checkpoint(fromKit)).toEqual(checkpoint(db));
    expect(digestTableSet(fromKit, countingProjection(), 1)).toEqual(runner.digest('test_counts'));
    await runner.stop();
  });
});
