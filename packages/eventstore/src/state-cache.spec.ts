import fc from 'fast-check';
import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import { fold } from '@salesbook/domain';
import { handleCommand } from './command-handler.js';
import { createMemoryEventLog } from './memory-log.js';
import { createMemoryEventStore } from './memory-store.js';
import type { EventStore, ReadStreamOptions } from './port.js';
import { createAggregateStateCache, type AggregateStateCache } from './state-cache.js';
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

let intruders = 0;

/** A store that records every stream read's options, and may append as someone else just before an append. */
function watched(store: EventStore): EventStore & { reads: ReadStreamOptions[]; intrude: number; failNext: boolean } {
  const wrapped = Object.create(store) as EventStore & {
    reads: ReadStreamOptions[];
    intrude: number;
    failNext: boolean;
  };
  wrapped.reads = [];
  wrapped.intrude = 0;
  wrapped.failNext = false;
  wrapped.readStream = (name, options = {}) => {
    wrapped.reads.push(options);
    return store.readStream(name, options);
  };
  wrapped.appendToStream = async (name, events, options) => {
    if (wrapped.failNext) {
      wrapped.failNext = false;
      throw new Error('disk full');
    }
    if (wrapped.intrude-- > 0) await run(store, `intruder-${(intruders += 1)}`, undefined, 10);
    return store.appendToStream(name, events, options);
  };
  return wrapped;
}

const run = (
  store: EventStore,
  commandId: string,
  stateCache?: AggregateStateCache,
  by = 1,
  streamName = 'counter-1',
) =>
  handleCommand({
    store,
    codec,
    decider,
    registry,
    streamName,
    command: increment(by),
    commandId,
    ...(stateCache ? { stateCache } : {}),
  });

/** The counter's state folded from zero off the store: what a cached state must equal. */
async function foldedFromZero(store: EventStore, streamName = 'counter-1') {
  return fold(decider, rightOf(await codec.decode(await store.readStream(streamName), registry)));
}

describe('the aggregate state cache in handleCommand', () => {
  it('reads only after the cached head once a stream was folded, and keeps the state a fold from zero gives', async () => {
    const store = watched(createMemoryEventStore());
    const cache = createAggregateStateCache();
    for (let i = 0; i < 5; i += 1) rightOf(await run(store, `cmd-${i}`, cache, i + 1));
    // The first command reads the (empty) stream; each later one decides on the state the one before left, unread.
    expect(store.reads).toEqual([{}]);
    expect(cache.get({ store, codec, decider, registry }, 'counter-1')?.state).toEqual(await foldedFromZero(store));
    expect(cache.get({ store, codec, decider, registry }, 'counter-1')?.head.revision).toBe(4);
  });

  it('folds what another writer appended to the same log, and retries from the whole stream after losing a race', async () => {
    const log = createMemoryEventLog();
    const mine = watched(createMemoryEventStore({ log }));
    const theirs = createMemoryEventStore({ log });
    const cache = createAggregateStateCache();
    rightOf(await run(mine, 'a', cache));
    rightOf(await run(theirs, 'b', undefined, 5));
    const third = rightOf(await run(mine, 'c', cache, 2));
    expect(third.nextExpectedRevision).toBe(2);
    expect(cache.get({ store: mine, codec, decider, registry }, 'counter-1')?.state).toEqual({
      count: 8,
      increments: 3,
    });
    mine.intrude = 2;
    mine.reads = [];
    rightOf(await run(mine, 'd', cache));
    // The unread state lost to an intruder, the read after the cached head to a second: the cache was dropped and
    // the retry read the whole stream.
    expect(mine.reads).toEqual([{ fromRevision: 3 }, {}]);
    expect(cache.get({ store: mine, codec, decider, registry }, 'counter-1')?.state).toEqual(
      await foldedFromZero(mine),
    );
  });

  it('answers a repeated command with its first result, found through the cached command ids', async () => {
    const store = watched(createMemoryEventStore());
    const cache = createAggregateStateCache();
    const first = rightOf(await run(store, 'cmd-1', cache, 3));
    rightOf(await run(store, 'cmd-2', cache));
    const again = rightOf(await run(store, 'cmd-1', cache, 3));
    expect(again).toEqual(first);
    expect((await store.readStream('counter-1')).length).toBe(2);
  });

  it('forgets a stream whose append failed', async () => {
    const store = watched(createMemoryEventStore());
    const cache = createAggregateStateCache();
    rightOf(await run(store, 'cmd-1', cache));
    store.failNext = true;
    await expect(run(store, 'cmd-2', cache)).rejects.toThrow('disk full');
    expect(cache.stats().streams).toBe(0);
    store.reads = [];
    rightOf(await run(store, 'cmd-3', cache));
    expect(store.reads).toEqual([{}]);
  });

  it('is not used with a store that does not promise exact revisions, nor across deciders or stores', async () => {
    const plain = createMemoryEventStore();
    const inexact: EventStore = Object.create(plain, { revisionsExact: { value: false } }) as EventStore;
    const cache = createAggregateStateCache();
    rightOf(await run(inexact, 'cmd-1', cache));
    expect(cache.stats()).toEqual({ streams: 0, weight: 0 });
    rightOf(await run(plain, 'cmd-2', cache));
    expect(cache.get({ store: createMemoryEventStore(), codec, decider, registry }, 'counter-1')).toBeUndefined();
    expect(cache.get({ store: plain, codec, decider: { ...decider }, registry }, 'counter-1')).toBeUndefined();
  });

  it('keeps at most maxWeight units (a stream plus its command ids), dropping the least recently used', async () => {
    const store = createMemoryEventStore();
    const cache = createAggregateStateCache({ maxWeight: 7 });
    const owner = { store, codec, decider, registry };
    for (const stream of ['s1', 's2', 's3']) {
      rightOf(await run(store, `${stream}-a`, cache, 1, stream));
      rightOf(await run(store, `${stream}-b`, cache, 1, stream));
    }
    // Each stream weighs 1 + 2 ids: two fit in 7; s1 went first.
    expect(cache.stats()).toEqual({ streams: 2, weight: 6 });
    expect(cache.get(owner, 's1')).toBeUndefined();
    cache.get(owner, 's2');
    rightOf(await run(store, 's1-c', cache, 1, 's1'));
    expect(cache.get(owner, 's3')).toBeUndefined();
    expect(cache.get(owner, 's2')?.state).toEqual({ count: 2, increments: 2 });
    expect(cache.get(owner, 's1')?.state).toEqual({ count: 3, increments: 3 });
  });

  it('never answers other than a fold from zero, whatever mix of writers, races, repeats and failures', async () => {
    const step = fc.record({
      who: fc.constantFrom('cached', 'other', 'intruded', 'failing'),
      by: fc.integer({ min: -1, max: 4 }),
      repeatOf: fc.option(fc.nat(30), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 30 }), fc.integer({ min: 2, max: 40 }), async (steps, maxWeight) => {
        const log = createMemoryEventLog();
        const mine = watched(createMemoryEventStore({ log }));
        const other = createMemoryEventStore({ log });
        const cache = createAggregateStateCache({ maxWeight });
        for (const [index, { who, by, repeatOf }] of steps.entries()) {
          const commandId = `cmd-${repeatOf ?? index}`;
          if (who === 'other') {
            await run(other, commandId, undefined, by);
            continue;
          }
          mine.intrude = who === 'intruded' ? 1 : 0;
          mine.failNext = who === 'failing';
          await run(mine, commandId, cache, by).catch((error: Error) => expect(error.message).toBe('disk full'));
          mine.failNext = false;
          const kept = cache.get({ store: mine, codec, decider, registry }, 'counter-1');
          if (kept !== undefined) {
            const upTo = await mine.readStream('counter-1', { maxCount: kept.head.revision + 1 });
            expect(kept.state).toEqual(fold(decider, rightOf(await codec.decode(upTo, registry))));
          }
          expect(cache.stats().weight).toBeLessThanOrEqual(maxWeight);
        }
      }),
      { numRuns: 150 },
    );
  });
});
