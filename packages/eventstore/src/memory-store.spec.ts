import { StoreUnavailableError } from './errors.js';
import { createMemoryEventStore } from './memory-store.js';
import type { NewEvent } from './port.js';

// The full contract runs in test/contract/memory.contract.spec.ts; these are the memory store's own promises.
const event = (eventId: string, data: NewEvent['data'] = { n: 1 }): NewEvent => ({
  eventId,
  type: 'ThingHappened',
  data,
  metadata: {},
});

describe('createMemoryEventStore', () => {
  it('records with its clock', async () => {
    const store = createMemoryEventStore({ clock: () => new Date('2024-05-01T10:00:00Z') });
    await store.appendToStream('thing-1', [event('a')]);
    expect((await store.readStream('thing-1'))[0]?.recordedAt).toBe('2024-05-01T10:00:00.000Z');
  });

  it('keeps its own frozen copy of what was appended', async () => {
    const store = createMemoryEventStore();
    const data = { list: [1, 2] };
    await store.appendToStream('thing-1', [event('a', data)]);
    data.list.push(3);
    const [stored] = await store.readStream('thing-1');
    expect(stored?.data).toEqual({ list: [1, 2] });
    expect(Object.isFrozen(stored?.data)).toBe(true);
  });

  it('positions count from 1 in append order, and an append answers its links', async () => {
    const store = createMemoryEventStore();
    const first = await store.appendToStream('thing-1', [event('a'), event('b')]);
    await store.appendToStream('thing-2', [event('c')]);
    const all = await store.readAll();
    expect(all.map((recorded) => recorded.position)).toEqual([1n, 2n, 3n]);
    // An append answers the chain links it wrote.
    expect(first.hashes).toEqual(all.slice(0, 2).map((recorded) => recorded.metadata.hash));
  });

  it('an empty batch checks the revision and writes nothing', async () => {
    const store = createMemoryEventStore();
    expect(await store.appendToStream('thing-1', [], { expectedRevision: 'no_stream' })).toEqual({
      nextExpectedRevision: -1,
      position: 0n,
    });
    expect(await store.streamExists('thing-1')).toBe(false);
    await expect(store.appendToStream('thing-1', [], { expectedRevision: 0 })).rejects.toMatchObject({
      code: 'STREAM_REVISION_CONFLICT',
    });
  });

  it('a batch repeating an id within itself is refused', async () => {
    const store = createMemoryEventStore();
    await expect(store.appendToStream('thing-1', [event('a'), event('a')])).rejects.toMatchObject({
      code: 'EVENT_ID_CONFLICT',
    });
    expect(await store.headPosition()).toBeUndefined();
  });

  it('refuses every operation once closed', async () => {
    const store = createMemoryEventStore();
    await store.close();
    await expect(store.readStream('thing-1')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.appendToStream('thing-1', [event('a')])).rejects.toBeInstanceOf(StoreUnavailableError);
    const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(true);
  });
});
