import fc from 'fast-check';
import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import { handleCommand } from './command-handler.js';
import { loadAggregate } from './load-aggregate.js';
import { createMemoryEventStore } from './memory-store.js';
import type { EventStore, Json } from './port.js';
import type { SnapshotPolicy } from './snapshots.js';
import {
  counterCodec as codec,
  counterDecider as decider,
  counterEventRegistry as registry,
  increment,
  type CounterState,
} from './testing/counter-decider.js';

const rightOf = <A>(result: Either<unknown, A>): A => {
  if (isLeft(result)) throw new Error(`expected right, got ${JSON.stringify(result.left)}`);
  return result.right;
};

const CounterStateJson = z.object({ count: z.number().int(), increments: z.number().int() });
const policy = (every: number, schema = 'counter-state@1'): SnapshotPolicy<CounterState> => ({
  schema,
  every,
  toJson: (state) => ({ ...state }),
  fromJson: (json) => CounterStateJson.parse(json),
});

const load = (store: EventStore, snapshot?: SnapshotPolicy<CounterState>) =>
  loadAggregate({ store, codec, decider, registry, streamName: 'counter-1', ...(snapshot ? { snapshot } : {}) });

async function appendIncrements(store: EventStore, amounts: readonly number[], offset: number): Promise<void> {
  for (const [index, by] of amounts.entries()) {
    rightOf(
      await handleCommand({
        store,
        codec,
        decider,
        registry,
        streamName: 'counter-1',
        command: increment(by),
        commandId: `c-${offset + index}`,
      }),
    );
  }
}

describe('loadAggregate with snapshots', () => {
  it('gives the state, revision and position of a fold from zero, for random streams, distances and load points', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 12 }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 8 }),
        async (bursts, every) => {
          const store = createMemoryEventStore();
          let appended = 0;
          for (const burst of bursts) {
            await appendIncrements(store, burst, appended);
            appended += burst.length;
            const plain = rightOf(await load(store));
            const snapshotted = rightOf(await load(store, policy(every)));
            expect({ ...snapshotted, events: [] }).toEqual({ ...plain, events: [] });
            expect(plain.events.slice(plain.events.length - snapshotted.events.length)).toEqual(snapshotted.events);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('writes a snapshot once `every` events were folded after the last one, and then reads only what follows it', async () => {
    const store = createMemoryEventStore();
    await appendIncrements(store, [1, 2, 3], 0);
    rightOf(await load(store, policy(4)));
    expect(await store.snapshots?.readSnapshot('counter-1', 'counter-state@1')).toBeUndefined();
    await appendIncrements(store, [4], 3);
    expect(rightOf(await load(store, policy(4))).events).toHaveLength(4);
    expect(await store.snapshots?.readSnapshot('counter-1', 'counter-state@1')).toEqual({
      revision: 3,
      state: { count: 10, increments: 4 },
    });
    await appendIncrements(store, [5], 4);
    const after = rightOf(await load(store, policy(4)));
    expect(after.events.map((event) => event.data)).toEqual([{ by: 5 }]);
    expect(after.state).toEqual({ count: 15, increments: 5 });
  });

  it('ignores a snapshot of another schema, one that no longer parses, and every snapshot when asked as of a point', async () => {
    const store = createMemoryEventStore();
    await appendIncrements(store, [1, 2], 0);
    // A snapshot from an older fold: under another schema name, and a wrong state under this one's.
    await store.snapshots?.writeSnapshot('counter-1', 'counter-state@0', { revision: 1, state: 999 });
    expect(rightOf(await load(store, policy(100))).state).toEqual({ count: 3, increments: 2 });
    await store.snapshots?.writeSnapshot('counter-1', 'counter-state@1', {
      revision: 1,
      state: { count: 'x' } as Json,
    });
    expect(rightOf(await load(store, policy(100))).state).toEqual({ count: 3, increments: 2 });
    await store.snapshots?.writeSnapshot('counter-1', 'counter-state@2', {
      revision: 1,
      state: { count: 7, increments: 7 },
    });
    const asOf = await loadAggregate({
      store,
      codec,
      decider,
      registry,
      streamName: 'counter-1',
      asOf: { revision: 1 },
      snapshot: policy(1, 'counter-state@2'),
    });
    expect(rightOf(asOf).state).toEqual({ count: 3, increments: 2 });
  });

  it('loads a stream with no snapshot support in the store from zero', async () => {
    const base = createMemoryEventStore();
    const without: EventStore = Object.create(base, { snapshots: { value: undefined } }) as EventStore;
    await appendIncrements(base, [2, 2], 0);
    expect(rightOf(await load(without, policy(1))).events).toHaveLength(2);
    expect(await base.snapshots?.readSnapshot('counter-1', 'counter-state@1')).toBeUndefined();
  });
});
