import { createMemoryEventStore, type EventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import type { Projection } from '../model/projection.js';
import { defineTable, upsert } from '../model/table.js';
import { append } from '../testing/counting-projection.js';
import { CATCH_UP_PAGE_SIZE } from './page-reader.js';
import { ProjectionRunner } from './runner.js';

const NAME = 'test_counts';

const counted = defineTable<{ stream: string; events: number; amount: number }, 'stream'>({
  name: 'test_counted',
  columns: { stream: 'TEXT', events: 'INTEGER', amount: 'INTEGER' },
  primaryKey: ['stream'],
});

/** Sums `Counted` events per stream (no writes for anything else), recording the types it was given. */
function countedOnly(declared: boolean): { projection: Projection; given: string[] } {
  const given: string[] = [];
  const projection: Projection = {
    name: NAME,
    version: 1,
    tables: [counted],
    ...(declared ? { handles: new Set(['Counted']) } : {}),
    project(event, rows) {
      given.push(event.type);
      if (event.type !== 'Counted') return [];
      const row = rows.get(counted, { stream: event.streamName });
      const amount = (event.data as { amount: number }).amount;
      return [
        upsert(counted, {
          stream: event.streamName,
          events: (row?.events ?? 0) + 1,
          amount: (row?.amount ?? 0) + amount,
        }),
      ];
    },
  };
  return { projection, given };
}

/** Rebuilds `projection` alone into a fresh in-memory file; answers its status, digest and the rows SQLite changed. */
async function rebuilt(store: EventStore, projection: Projection, batchSize: number) {
  const db = new Database(':memory:');
  const runner = new ProjectionRunner({ db, store, projections: [projection], batchSize });
  const before = db.prepare('SELECT total_changes() AS n').pluck().get() as number;
  await runner.rebuild(NAME);
  const changes = (db.prepare('SELECT total_changes() AS n').pluck().get() as number) - before;
  const outcome = { status: (await runner.status())[0], digest: runner.digest(NAME).digest, changes };
  await runner.stop();
  db.close();
  return outcome;
}

describe('ProjectionRunner: a projection that names the types it handles', () => {
  it('is given only those from the pages of history, and rebuilds the same tables with its checkpoint at the head', async () => {
    const store = createMemoryEventStore();
    const total = 2 * CATCH_UP_PAGE_SIZE + 600;
    for (let i = 1; i <= total; i++)
      await append(store, `s-${i % 7}`, i, i % 10 === 0 && i <= 2_000 ? 'Counted' : 'Other');
    const declared = countedOnly(true);
    const plain = countedOnly(false);
    const withHandles = await rebuilt(store, declared.projection, 500);
    const without = await rebuilt(store, plain.projection, 500);
    expect(withHandles.digest).toBe(without.digest);
    expect(withHandles.status).toMatchObject({ position: String(total), parked: 0, state: 'live' });
    expect(plain.given).toHaveLength(total);
    // Both full pages are filtered; the short last page comes through the subscription, which gives every event.
    expect(declared.given.filter((type) => type === 'Counted')).toHaveLength(200);
    expect(declared.given.filter((type) => type === 'Other')).toHaveLength(600);
  });

  it('writes nothing for a batch of history that held none of its types, not even the checkpoint', async () => {
    const store = createMemoryEventStore();
    const total = 3 * CATCH_UP_PAGE_SIZE;
    for (let i = 1; i <= total; i++) await append(store, 's-1', i, i === 1 ? 'Counted' : 'Other');
    const withHandles = await rebuilt(store, countedOnly(true).projection, 100);
    const without = await rebuilt(store, countedOnly(false).projection, 100);
    expect(withHandles.digest).toBe(without.digest);
    expect(withHandles.status).toMatchObject({ position: String(total) });
    // Without: a checkpoint write per 100 events (30). With: the first batch and the last (plus the same rows and swap).
    expect(without.changes - withHandles.changes).toBeGreaterThanOrEqual(25);
  });
});
