import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { right } from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import { createEventRegistry, defineEvent, type Decider, type Event } from '@salesbook/domain';
import { createEventCodec, loadAggregate, verifyChain, type SnapshotPolicy } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { createSqliteEventStore, type SqliteEventStore } from './index.js';

type Added = Event<'Added', { by: number }>;
const decider: Decider<never, Added, { total: number; count: number }> = {
  initialState: () => ({ total: 0, count: 0 }),
  decide: () => right([]),
  evolve: (state, event) => ({ total: state.total + event.data.by, count: state.count + 1 }),
};
const registry = createEventRegistry([defineEvent('Added', z.object({ by: z.number().int() }))]);
const codec = createEventCodec(registry);
const policy: SnapshotPolicy<{ total: number; count: number }> = {
  schema: 'tally@1',
  every: 100,
  toJson: (state) => ({ ...state }),
  fromJson: (json) => z.object({ total: z.number(), count: z.number() }).parse(json),
};

const metadataOf = (commandId: string) => ({
  eventId: commandId,
  occurredAt: '2025-01-02T03:04:05.000Z',
  actor: { id: 'rep-1', role: 'sales_rep' },
  correlationId: commandId,
  causationId: commandId,
  commandId,
  schemaVersion: 1,
});

describe('SQLite snapshots beside the log', () => {
  let dir: string;
  let path: string;
  const opened: SqliteEventStore[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'salesbook-snapshots-'));
    path = join(dir, 'events.db');
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });
  const open = (): SqliteEventStore => {
    const store = createSqliteEventStore({ path });
    opened.push(store);
    return store;
  };
  const load = (store: SqliteEventStore, withSnapshot = true) =>
    loadAggregate({
      store,
      codec,
      decider,
      registry,
      streamName: 'tally',
      ...(withSnapshot ? { snapshot: policy } : {}),
    });
  const append = (store: SqliteEventStore, count: number, from: number) =>
    store.appendToStream(
      'tally',
      Array.from({ length: count }, (_, n) => ({
        eventId: randomUUID(),
        type: 'Added',
        data: { by: from + n },
        metadata: metadataOf(randomUUID()),
      })),
    );

  it('is kept in its own table, used by another connection, and leaves the log, its chain and its reads untouched', async () => {
    const writer = open();
    await append(writer, 250, 0);
    const before = await writer.readAll();
    const first = await load(writer);
    expect(first._tag === 'Right' && first.right.events.length).toBe(250);
    expect(await writer.snapshots?.readSnapshot('tally', 'tally@1')).toEqual({
      revision: 249,
      state: { total: 31125, count: 250 },
    });
    await append(writer, 3, 250);
    // Another connection (as another process would) starts from the snapshot and reads the three events after it.
    const reader = open();
    const fromSnapshot = await load(reader);
    const fromZero = await load(reader, false);
    expect(fromSnapshot._tag === 'Right' && fromSnapshot.right.events.length).toBe(3);
    expect(fromSnapshot._tag === 'Right' && { ...fromSnapshot.right, events: [] }).toEqual(
      fromZero._tag === 'Right' && { ...fromZero.right, events: [] },
    );
    expect((await reader.readAll()).slice(0, 250)).toEqual(before);
    expect(verifyChain(await reader.readStream('tally'))).toBeUndefined();
  });

  it('changes nothing but the work done when deleted or damaged', async () => {
    const store = open();
    await append(store, 120, 1);
    await load(store);
    const kept = await load(store);
    const db = new Database(path);
    db.prepare("UPDATE snapshots SET state = '{not json' WHERE stream_name = 'tally'").run();
    const damaged = await load(store);
    db.prepare('DELETE FROM snapshots').run();
    db.close();
    const deleted = await load(store);
    for (const result of [damaged, deleted]) {
      expect(result._tag === 'Right' && result.right.state).toEqual(kept._tag === 'Right' && kept.right.state);
      expect(result._tag === 'Right' && result.right.events.length).toBe(120);
    }
    expect(kept._tag === 'Right' && kept.right.events.length).toBe(0);
  });
});
