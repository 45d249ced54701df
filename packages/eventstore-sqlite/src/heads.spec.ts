import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyChain, WrongExpectedRevisionError, type NewEvent } from '@salesbook/eventstore';
import { createSqliteEventStore, type SqliteEventStore } from './index.js';

// The heads a store keeps of what it appended (heads.ts): never trusted past another writer or an undone write.
const event = (n: number): NewEvent => ({ eventId: randomUUID(), type: 'Counted', data: { n }, metadata: {} });

describe('SQLite event store: the heads it knows', () => {
  let dir: string;
  const opened: SqliteEventStore[] = [];
  const open = (): SqliteEventStore => {
    const store = createSqliteEventStore({ path: join(dir, 'events.db') });
    opened.push(store);
    return store;
  };
  const revisions = async (store: SqliteEventStore, stream: string): Promise<number[]> => {
    const history = await store.readStream(stream);
    expect(verifyChain(history)).toBeUndefined();
    return history.map((recorded) => recorded.revision);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'salesbook-heads-'));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('looks the head up again once another connection appended after the one it wrote', async () => {
    const mine = open();
    const other = open();
    await mine.appendToStream('s', [event(0)], { expectedRevision: 'no_stream' });
    await other.appendToStream('s', [event(1), event(2)], { expectedRevision: 0 });
    await expect(mine.appendToStream('s', [event(3)], { expectedRevision: 0 })).rejects.toMatchObject({ actual: 2 });
    expect(await mine.appendToStream('s', [event(3)])).toMatchObject({ nextExpectedRevision: 3 });
    await other.appendToStream('s', [event(4)], { expectedRevision: 3 });
    expect(await mine.appendToStream('s', [event(5)], { expectedRevision: 4 })).toMatchObject({
      nextExpectedRevision: 5,
    });
    expect(await revisions(mine, 's')).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('starts a stream expected not to exist without a lookup, and still refuses or repeats on one that does', async () => {
    const mine = open();
    const other = open();
    const first = [event(0), event(1)];
    await other.appendToStream('s', first, { expectedRevision: 'no_stream' });
    await expect(mine.appendToStream('s', [event(2)], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect(await mine.appendToStream('s', first, { expectedRevision: 'no_stream' })).toEqual({
      nextExpectedRevision: 1,
      position: 2n,
    });
    expect(await revisions(mine, 's')).toEqual([0, 1]);
  });

  it.each([
    ['alone in its group (the transaction undone)', false],
    ['beside another caller (its savepoint undone)', true],
  ])(
    'forgets the heads of an append that was undone, %s, so the next one follows the stored head',
    async (_, beside) => {
      const store = open();
      await store.appendToStream('s', [event(0), event(1)], { expectedRevision: 'no_stream' });
      // Its first part is written, then undone when the second conflicts.
      const undone = store.appendMany([
        { streamName: 's', events: [event(2), event(3)], expectedRevision: 1 },
        { streamName: 't', events: [event(0)], expectedRevision: 5 },
      ]);
      const other = beside ? store.appendToStream('u', [event(0)]) : Promise.resolve(undefined);
      await expect(undone).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await other;
      expect(await store.appendToStream('s', [event(2)])).toMatchObject({ nextExpectedRevision: 2 });
      expect(await revisions(store, 's')).toEqual([0, 1, 2]);
    },
  );
});
