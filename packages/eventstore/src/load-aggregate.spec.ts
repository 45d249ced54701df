import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import { handleCommand } from './command-handler.js';
import { loadAggregate } from './load-aggregate.js';
import { createMemoryEventStore } from './memory-store.js';
import {
  counterCodec as codec,
  counterDecider as decider,
  counterEventRegistry as registry,
  increment,
} from './testing/counter-decider.js';

const rightOf = <A>(result: Either<unknown, A>): A => {
  if (isLeft(result)) throw new Error(`expected right, got ${JSON.stringify(result.left)}`);
  return result.right;
};

async function history() {
  const store = createMemoryEventStore();
  const days = ['2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04'];
  for (const [index, day] of days.entries()) {
    rightOf(
      await handleCommand({
        store,
        codec,
        decider,
        registry,
        streamName: 'counter-1',
        command: increment(index + 1, `${day}T08:00:00.000Z`),
        commandId: `c-${index}`,
      }),
    );
  }
  return store;
}

describe('loadAggregate', () => {
  it('folds the whole stream: state, revision, position and the upcast events', async () => {
    const store = await history();
    const loaded = rightOf(await loadAggregate({ store, codec, decider, registry, streamName: 'counter-1' }));
    expect(loaded.state).toEqual({ count: 10, increments: 4 });
    expect(loaded.revision).toBe(3);
    expect(loaded.position).toBe(await store.headPosition());
    expect(loaded.events.map((event) => event.data.by)).toEqual([1, 2, 3, 4]);
  });

  it('a missing stream is the initial state at revision -1', async () => {
    const loaded = rightOf(
      await loadAggregate({ store: createMemoryEventStore(), codec, decider, registry, streamName: 'counter-9' }),
    );
    expect(loaded).toEqual({ state: { count: 0, increments: 0 }, revision: -1, position: undefined, events: [] });
  });

  it('as of a revision, a business time, or both', async () => {
    const store = await history();
    const at = async (asOf: { time?: string; revision?: number }) =>
      rightOf(await loadAggregate({ store, codec, decider, registry, streamName: 'counter-1', asOf }));
    expect((await at({ revision: 1 })).state.count).toBe(3);
    expect((await at({ revision: -1 })).revision).toBe(-1);
    expect((await at({ time: '2024-03-02T08:00:00Z' })).state.count).toBe(3);
    expect((await at({ time: '2024-03-03T07:59:59.999Z' })).revision).toBe(1);
    expect((await at({ time: '2024-02-01T00:00:00Z' })).state.count).toBe(0);
    expect((await at({ time: '2030-01-01T00:00:00Z', revision: 2 })).state.count).toBe(6);
  });

  it('refuses an as-of that is no time or no revision', async () => {
    const store = await history();
    const badTime = await loadAggregate({
      store,
      codec,
      decider,
      registry,
      streamName: 'counter-1',
      asOf: { time: 'yesterday' },
    });
    const badRevision = await loadAggregate({
      store,
      codec,
      decider,
      registry,
      streamName: 'counter-1',
      asOf: { revision: 1.5 },
    });
    expect([badTime, badRevision].map((result) => isLeft(result) && result.left.code)).toEqual([
      'AS_OF_INVALID',
      'AS_OF_INVALID',
    ]);
  });
});
