import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import { handleCommand, type CommandSource } from './command-handler.js';
import { createMemoryEventLog } from './memory-log.js';
import { createMemoryEventStore } from './memory-store.js';
import type { EventStore, ReadStreamOptions } from './port.js';
import { createAggregateStateCache, type AggregateStateCache } from './state-cache.js';
import {
  counterCodec as codec,
  counterDecider as decider,
  counterEventRegistry as registry,
  increment,
  type CounterCommand,
  type CounterState,
} from './testing/counter-decider.js';

const rightOf = <A>(result: Either<unknown, A>): A => {
  if (isLeft(result)) throw new Error(`expected right, got ${JSON.stringify(result.left)}`);
  return result.right;
};

/** A store that records every stream read's options. */
function watched(store: EventStore): EventStore & { reads: ReadStreamOptions[] } {
  const wrapped = Object.create(store) as EventStore & { reads: ReadStreamOptions[] };
  wrapped.reads = [];
  wrapped.readStream = (name, options = {}) => {
    wrapped.reads.push(options);
    return store.readStream(name, options);
  };
  return wrapped;
}

const run = (
  store: EventStore,
  commandId: string,
  source: CommandSource<CounterCommand, CounterState>,
  stateCache?: AggregateStateCache,
  options: {
    readonly expectedRevision?: number;
    readonly maxRetries?: number;
    readonly expectNewStream?: boolean;
  } = {},
) =>
  handleCommand({
    store,
    codec,
    decider,
    registry,
    streamName: 'counter-1',
    commandId,
    ...source,
    ...(stateCache ? { stateCache } : {}),
    ...options,
  });

/** Two stores on one log (as two processes on one file): `mine` keeps states, `theirs` writes behind its back. */
function twoWriters() {
  const log = createMemoryEventLog();
  return {
    mine: watched(createMemoryEventStore({ log })),
    theirs: createMemoryEventStore({ log }),
    cache: createAggregateStateCache(),
  };
}

describe('a kept state decided on without a read', () => {
  it('reads nothing for a stream whose state it keeps, and the append at its head confirms it', async () => {
    const { mine, cache } = twoWriters();
    for (let i = 0; i < 4; i += 1) rightOf(await run(mine, `cmd-${i}`, { command: increment(1) }, cache));
    expect(mine.reads).toEqual([{}]);
    expect(rightOf(await run(mine, 'cmd-4', { command: increment(2) }, cache)).nextExpectedRevision).toBe(4);
    expect(mine.reads).toEqual([{}]);
  });

  it("decides again from a read when the unread state would refuse: the refusal may be another writer's doing", async () => {
    const { mine, theirs, cache } = twoWriters();
    rightOf(await run(mine, 'a', { command: increment(1) }, cache));
    rightOf(await run(theirs, 'b', { command: increment(5) }));
    // Refused below a count of 3: the kept state (1) would refuse, the stream (6) does not.
    const source = { commandFor: async (state: CounterState) => increment(state.count >= 3 ? 1 : -1) };
    const result = rightOf(await run(mine, 'c', source, cache));
    expect(result.nextExpectedRevision).toBe(2);
    expect(mine.reads).toEqual([{}, { fromRevision: 1 }]);
    expect(cache.get({ store: mine, codec, decider, registry }, 'counter-1')?.state).toEqual({
      count: 7,
      increments: 3,
    });
  });

  it('answers a no-op with the revision the stream is at, not the one kept', async () => {
    const { mine, theirs, cache } = twoWriters();
    rightOf(await run(mine, 'a', { command: increment(1) }, cache));
    rightOf(await run(theirs, 'b', { command: increment(1) }));
    const touch: CounterCommand = { ...increment(1), type: 'Touch', data: {} };
    expect(rightOf(await run(mine, 'c', { command: touch }, cache)).nextExpectedRevision).toBe(1);
  });

  it('answers the first result of a command another writer already handled, not a decision of its own', async () => {
    const { mine, theirs, cache } = twoWriters();
    rightOf(await run(mine, 'a', { command: increment(1) }, cache));
    const first = rightOf(await run(theirs, 'same', { command: increment(5) }));
    const again = rightOf(await run(mine, 'same', { command: increment(2) }, cache));
    expect(again).toEqual(first);
    expect((await mine.readStream('counter-1')).map((event) => event.data)).toEqual([{ by: 1 }, { by: 5 }]);
  });

  it("reads first when the client gives an expected revision, so it is checked against the stream's", async () => {
    const { mine, theirs, cache } = twoWriters();
    rightOf(await run(mine, 'a', { command: increment(1) }, cache));
    rightOf(await run(theirs, 'b', { command: increment(1) }));
    const result = await run(mine, 'c', { command: increment(1) }, cache, { expectedRevision: 1 });
    expect(rightOf(result).nextExpectedRevision).toBe(2);
    expect(mine.reads).toEqual([{}, { fromRevision: 1 }]);
  });

  it('does not count the unread try as an attempt: with maxRetries 0 a stale kept state still lands', async () => {
    const { mine, theirs, cache } = twoWriters();
    rightOf(await run(mine, 'a', { command: increment(1) }, cache));
    rightOf(await run(theirs, 'b', { command: increment(1) }));
    // With maxRetries 0 only one attempt is allowed: the unread try must not have used it.
    const result = await run(mine, 'c', { command: increment(1) }, cache, { maxRetries: 0 });
    expect(rightOf(result).nextExpectedRevision).toBe(2);
  });
});

describe('a stream said to be new, decided on without a read', () => {
  const asNew = { expectNewStream: true } as const;

  it('reads nothing for a stream that is new, and the append at no_stream confirms it', async () => {
    const { mine } = twoWriters();
    const result = rightOf(await run(mine, 'a', { command: increment(3) }, undefined, asNew));
    expect(result.nextExpectedRevision).toBe(0);
    expect(mine.reads).toEqual([]);
    expect((await mine.readStream('counter-1')).map((event) => event.data)).toEqual([{ by: 3 }]);
  });

  it('keeps the state it appended, so the next command on the stream reads only after it', async () => {
    const { mine, cache } = twoWriters();
    rightOf(await run(mine, 'a', { command: increment(3) }, cache, asNew));
    expect(cache.get({ store: mine, codec, decider, registry }, 'counter-1')?.state).toEqual({
      count: 3,
      increments: 1,
    });
    expect(rightOf(await run(mine, 'b', { command: increment(1) }, cache)).nextExpectedRevision).toBe(1);
    expect(mine.reads).toEqual([]);
  });

  it("decides again from a read when the stream exists after all, and appends after another writer's events", async () => {
    const { mine, theirs } = twoWriters();
    rightOf(await run(theirs, 'b', { command: increment(5) }));
    // The unread try's events (at no_stream) are refused by the store; the read finds count 5 and appends after it.
    const result = rightOf(await run(mine, 'c', { command: increment(1) }, undefined, asNew));
    expect(result.nextExpectedRevision).toBe(1);
    expect(mine.reads).toEqual([{}]);
    expect((await mine.readStream('counter-1')).map((event) => event.data)).toEqual([{ by: 5 }, { by: 1 }]);
  });

  it('decides a refusal again from a read: a new stream would refuse what the stream read allows', async () => {
    const { mine, theirs } = twoWriters();
    rightOf(await run(theirs, 'b', { command: increment(5) }));
    // Refused below a count of 3: the initial state (0) would refuse, the stream (5) does not.
    const source = { commandFor: async (state: CounterState) => increment(state.count >= 3 ? 1 : -1) };
    expect(rightOf(await run(mine, 'c', source, undefined, asNew)).nextExpectedRevision).toBe(1);
    expect(mine.reads).toEqual([{}]);
  });

  it('answers the first result of a repeated command and appends nothing', async () => {
    const { mine, theirs } = twoWriters();
    const first = rightOf(await run(theirs, 'same', { command: increment(5) }, undefined, asNew));
    const again = rightOf(await run(mine, 'same', { command: increment(2) }, undefined, asNew));
    expect(again).toEqual(first);
    expect((await mine.readStream('counter-1')).map((event) => event.data)).toEqual([{ by: 5 }]);
  });

  it("reads first when the client gives an expected revision, so it is checked against the stream's", async () => {
    const { mine, theirs } = twoWriters();
    rightOf(await run(theirs, 'b', { command: increment(1) }));
    const result = await run(mine, 'c', { command: increment(1) }, undefined, { ...asNew, expectedRevision: -1 });
    expect(result).toMatchObject({ left: { code: 'STREAM_REVISION_CONFLICT' } });
    expect(mine.reads).toEqual([{}]);
  });

  it('reads as before from a store whose revisions are not exact (EventStoreDB), where an append confirms less', async () => {
    const { mine } = twoWriters();
    const inexact = Object.create(mine, { revisionsExact: { value: false } }) as typeof mine;
    rightOf(await run(inexact, 'a', { command: increment(3) }, undefined, asNew));
    expect(mine.reads).toEqual([{}]);
  });
});
