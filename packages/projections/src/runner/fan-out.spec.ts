import { createMemoryEventStore, type EventStore, type Subscription } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import type { Projection } from '../model/projection.js';
import { defineTable, upsert } from '../model/table.js';
import { append } from '../testing/counting-projection.js';
import { ProjectionRunner } from './runner.js';

/** The store, counting the events its subscriptions deliver and the subscriptions still open. */
function countingStore(inner: EventStore): EventStore & { delivered: number; open: number } {
  const counting = {
    ...inner,
    delivered: 0,
    open: 0,
    subscribeToAll(options?: { after?: bigint }): Subscription {
      const subscription = inner.subscribeToAll(options);
      counting.open += 1;
      let closed = false;
      const close = (): void => {
        if (!closed) counting.open -= 1;
        closed = true;
      };
      return {
        async unsubscribe() {
          close();
          await subscription.unsubscribe();
        },
        async *[Symbol.asyncIterator]() {
          try {
            for await (const message of subscription) {
              if (message.kind === 'event') counting.delivered += 1;
              yield message;
            }
          } finally {
            close();
          }
        },
      };
    },
  };
  return counting;
}

/**
 * Counts events per stream in its own table, and parks an event that is not the next revision of its stream (so a
 * duplicate or a gap stalls it). `fragile` throws a disk error on `Crash` (not parked: the follower fails).
 */
function streamCounter(name: string): Projection {
  const table = defineTable<{ stream: string; events: number }, 'stream'>({
    name: `${name}_streams`,
    columns: { stream: 'TEXT', events: 'INTEGER' },
    primaryKey: ['stream'],
  });
  return {
    name,
    version: 1,
    tables: [table],
    project(event, rows) {
      if (event.type === 'Crash' && name === 'fragile')
        throw new Database.SqliteError('disk I/O error', 'SQLITE_IOERR');
      const events = rows.get(table, { stream: event.streamName })?.events ?? 0;
      if (event.revision !== events)
        throw new Error(`${event.streamName} revision ${event.revision} after ${events} events`);
      return [upsert(table, { stream: event.streamName, events: events + 1 })];
    },
  };
}

const NAMES = ['alpha', 'beta', 'gamma', 'delta'];
const counts = (db: Database.Database, name: string) =>
  db.prepare(`SELECT stream, events FROM ${name}_streams ORDER BY stream`).all();

async function appendEach(store: EventStore, count: number, type = 'Counted'): Promise<bigint> {
  for (let i = 0; i < count; i++) await append(store, `order-${i % 3}`, i, type);
  return (await store.headPosition()) ?? 0n;
}

async function whenAllAt(runner: ProjectionRunner, names: readonly string[], position: bigint): Promise<void> {
  await Promise.all(names.map((name) => runner.whenAt(name, position)));
}

describe('ProjectionRunner: one live read of the log for every follower', () => {
  it('reads each live event once for all projections, and the last stop closes the one subscription', async () => {
    const store = countingStore(createMemoryEventStore());
    await appendEach(store, 5);
    const db = new Database(':memory:');
    const runner = new ProjectionRunner({ db, store, projections: NAMES.map(streamCounter) });
    await runner.start();
    await runner.whenLive();
    expect(store.open).toBe(1);

    const before = store.delivered;
    const head = await appendEach(store, 30);
    await whenAllAt(runner, NAMES, head);
    // 30 events and 4 projections: 30 deliveries, not 120.
    expect(store.delivered - before).toBe(30);
    for (const name of NAMES)
      expect(counts(db, name)).toEqual([
        { stream: 'order-0', events: 12 },
        { stream: 'order-1', events: 12 },
        { stream: 'order-2', events: 11 },
      ]);
    // Nothing parked: every projection saw each stream's events once and in order.
    expect((await runner.status()).map((status) => [status.state, status.parked])).toEqual(
      NAMES.map(() => ['live', 0]),
    );

    await runner.stop();
    expect(store.open).toBe(0);
  });

  it('a rebuilt generation catches up on its own while events keep coming, then joins the shared read', async () => {
    const store = countingStore(createMemoryEventStore());
    await appendEach(store, 2_500);
    const db = new Database(':memory:');
    const runner = new ProjectionRunner({ db, store, projections: NAMES.map(streamCounter) });
    await runner.start();
    await runner.whenLive();
    const incremental = runner.digest('beta');

    const rebuilt = runner.rebuild('beta');
    let head = 0n;
    for (let i = 0; i < 10; i++) head = await appendEach(store, 3);
    await rebuilt;
    await whenAllAt(runner, NAMES, head);
    expect(
      (await runner.status()).map((status) => [status.name, status.generation, status.state, status.position]),
    ).toEqual(NAMES.map((name) => [name, name === 'beta' ? 2 : 1, 'live', head.toString()]));
    expect(runner.digest('beta').digest).not.toBe(incremental.digest);
    expect(counts(db, 'beta')).toEqual(counts(db, 'alpha'));
    // The swapped-out generation left, the new one joined: still one subscription and one read per event.
    expect(store.open).toBe(1);
    const before = store.delivered;
    head = await appendEach(store, 12);
    await whenAllAt(runner, NAMES, head);
    expect(store.delivered - before).toBe(12);
    expect(counts(db, 'beta')).toEqual(counts(db, 'alpha'));
    await runner.stop();
    expect(store.open).toBe(0);

    // A fresh runner replaying the whole log builds the same tables.
    const fresh = new ProjectionRunner({ db: new Database(':memory:'), store, projections: [streamCounter('beta')] });
    await fresh.start();
    await fresh.whenLive();
    expect(fresh.digest('beta')).toEqual(runner.digest('beta'));
    await fresh.stop();
  });

  it('a follower that fails leaves the shared read; the others keep applying', async () => {
    const store = countingStore(createMemoryEventStore());
    const db = new Database(':memory:');
    const names = [...NAMES, 'fragile'];
    const runner = new ProjectionRunner({ db, store, projections: names.map(streamCounter) });
    await runner.start();
    await runner.whenLive();
    const crash = await appendEach(store, 1, 'Crash');
    await expect(runner.whenAt('fragile', crash)).rejects.toThrow('SqliteError: disk I/O error');

    const head = await appendEach(store, 9);
    await whenAllAt(runner, NAMES, head);
    for (const name of NAMES)
      expect(counts(db, name)).toEqual([
        { stream: 'order-0', events: 4 },
        { stream: 'order-1', events: 3 },
        { stream: 'order-2', events: 3 },
      ]);
    expect(
      (await runner.status())
        .filter((status) => status.name !== 'fragile')
        .map((status) => [status.state, status.parked]),
    ).toEqual(NAMES.map(() => ['live', 0]));
    const fragile = (await runner.status()).find((status) => status.name === 'fragile');
    expect(fragile).toMatchObject({ state: 'stalled', position: null, lastError: 'SqliteError: disk I/O error' });
    expect(counts(db, 'fragile')).toEqual([]);
    expect(store.open).toBe(1);
    await runner.stop();
    expect(store.open).toBe(0);
  });
});
