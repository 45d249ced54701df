import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countEventsAfter, createMemoryEventStore, type EventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import type { Projection } from '../model/projection.js';
import { defineTable, upsert } from '../model/table.js';
import { append, countingProjection } from '../testing/counting-projection.js';
import { SEEN, seenProjection } from '../testing/wal-fixtures.js';
import { ProjectionRunner } from './runner.js';

const streams = defineTable<{ stream: string }, 'stream'>({
  name: 'test_streams',
  columns: { stream: 'TEXT' },
  primaryKey: ['stream'],
});

/** A third projection, so that two of three can share a checkpoint while the third is elsewhere. */
const streamsProjection: Projection = {
  name: 'test_streams',
  version: 1,
  tables: [streams],
  project: (event) => [upsert(streams, { stream: event.streamName })],
};

/** `store` (which has no count of its own) given one that records each position it is asked to count after. */
function countingStore(store: EventStore): { store: EventStore; counted: string[] } {
  const counted: string[] = [];
  return {
    counted,
    store: {
      ...store,
      countEventsAfter: (after, limit) => {
        counted.push(after === undefined ? 'start' : after.toString());
        return countEventsAfter(store, after, limit);
      },
    },
  };
}

describe('ProjectionRunner: status counts each distinct checkpoint once', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'status-lag-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('asks the store once per distinct position, and every projection gets its own lag', async () => {
    const memory = createMemoryEventStore();
    for (let i = 1; i <= 5; i++) await append(memory, `order-${i % 2}`, i);
    const file = join(dir, 'readmodels.db');
    const first = new Database(file);
    const before = new ProjectionRunner({ db: first, store: memory, projections: [countingProjection()] });
    await before.start();
    await before.whenLive();
    await before.stop();
    first.close();
    for (let i = 6; i <= 8; i++) await append(memory, `order-${i % 2}`, i);

    const { store, counted } = countingStore(memory);
    const db = new Database(file);
    const projections = [countingProjection(), seenProjection, streamsProjection];
    const runner = new ProjectionRunner({ db, store, projections });
    const lags = (await runner.status()).map(({ name, position, lag }) => ({ name, position, lag }));
    expect(lags).toEqual([
      { name: 'test_counts', position: '5', lag: 3 },
      { name: SEEN, position: null, lag: 8 },
      { name: 'test_streams', position: null, lag: 8 },
    ]);
    // Two of the three projections have never run: one count from the start serves both.
    expect(counted).toEqual(['5', 'start']);

    // The next call counts afresh: events appended since are in its lags.
    await append(memory, 'order-9', 9);
    counted.length = 0;
    expect((await runner.status()).map((status) => status.lag)).toEqual([4, 9, 9]);
    expect(counted).toEqual(['5', 'start']);
    db.close();
  });
});
