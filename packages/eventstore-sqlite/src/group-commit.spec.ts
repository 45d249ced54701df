import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { verifyChain, WrongExpectedRevisionError, type NewEvent } from '@salesbook/eventstore';
import { createSqliteEventStore, type SqliteEventStore } from './index.js';
import { MAX_GROUP_APPENDS } from './group-commit.js';

const event = (n: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'Counted',
  data: { n },
  metadata: { by: 'spec' },
});

describe('SQLite event store: group commit', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'salesbook-group-'));
    store = createSqliteEventStore({ path: join(dir, 'events.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits appends issued in one turn in one transaction, in call order, each acknowledged with its own result', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        store.appendToStream(`counter-${n}`, [event(n)], { expectedRevision: 'no_stream' }),
      ),
    );
    expect(store.commitStats()).toEqual({ commits: 1, appends: 20 });
    expect(results.map((result) => result.position)).toEqual(Array.from({ length: 20 }, (_, n) => BigInt(n + 1)));
    expect(results.every((result) => result.nextExpectedRevision === 0)).toBe(true);
    const all = await store.readAll();
    expect(all.map((recorded) => recorded.streamName)).toEqual(Array.from({ length: 20 }, (_, n) => `counter-${n}`));
  });

  it('commits more appends than a group takes in groups of MAX_GROUP_APPENDS, in call order', async () => {
    const count = MAX_GROUP_APPENDS * 2 + 10;
    const results = await Promise.all(
      Array.from({ length: count }, (_, n) =>
        store.appendToStream(`counter-${n}`, [event(n)], { expectedRevision: 'no_stream' }),
      ),
    );
    expect(store.commitStats()).toEqual({ commits: 3, appends: count });
    expect(results.map((result) => result.position)).toEqual(Array.from({ length: count }, (_, n) => BigInt(n + 1)));
  });

  it('commits every group still queued when the store closes', async () => {
    const count = MAX_GROUP_APPENDS * 3;
    const pending = Array.from({ length: count }, (_, n) => store.appendToStream(`closing-${n}`, [event(n)]));
    await store.close();
    const results = await Promise.all(pending);
    expect(results.map((result) => result.position)).toEqual(Array.from({ length: count }, (_, n) => BigInt(n + 1)));
    expect(store.commitStats()).toEqual({ commits: 3, appends: count });
  });

  it('sequential appends still commit one by one', async () => {
    for (let n = 0; n < 3; n += 1) await store.appendToStream('counter', [event(n)]);
    expect(store.commitStats()).toEqual({ commits: 3, appends: 3 });
  });

  it('fails only the conflicting append of a group; the others are stored', async () => {
    await store.appendToStream('shared', [event(0)], { expectedRevision: 'no_stream' });
    const outcomes = await Promise.allSettled([
      store.appendToStream('a', [event(1)], { expectedRevision: 'no_stream' }),
      store.appendToStream('shared', [event(2)], { expectedRevision: 0 }),
      // Same expected revision as the one before it in the same group: it lost the race.
      store.appendToStream('shared', [event(3)], { expectedRevision: 0 }),
      store.appendToStream('b', [event(4)], { expectedRevision: 'no_stream' }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(store.commitStats()).toEqual({ commits: 2, appends: 5 });
    const shared = await store.readStream('shared');
    expect(shared.map((recorded) => recorded.data)).toEqual([{ n: 0 }, { n: 2 }]);
    expect(verifyChain(shared)).toBeUndefined();
    expect((await store.readAll()).map((recorded) => recorded.position)).toEqual([1n, 2n, 3n, 4n]);
  });

  it('keeps an appendMany all or nothing inside a group: a conflict in its second stream drops its first', async () => {
    const outcomes = await Promise.allSettled([
      store.appendToStream('x', [event(1)], { expectedRevision: 'no_stream' }),
      store.appendMany([
        { streamName: 'y', events: [event(2)], expectedRevision: 'no_stream' },
        { streamName: 'x', events: [event(3)], expectedRevision: 'no_stream' },
      ]),
      store.appendToStream('z', [event(4)], { expectedRevision: 'no_stream' }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.streamExists('y')).toBe(false);
    expect((await store.readAll()).map((recorded) => recorded.streamName)).toEqual(['x', 'z']);
  });

  it('commits appends still queued when the store closes, then refuses new ones', async () => {
    const pending = store.appendToStream('late', [event(1)]);
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0, position: 1n });
    await expect(store.appendToStream('later', [event(2)])).rejects.toThrow(/closed/);
    const reopened = createSqliteEventStore({ path: join(dir, 'events.db') });
    try {
      expect((await reopened.readStream('late')).length).toBe(1);
    } finally {
      await reopened.close();
    }
  });
});
