import { isLeft, isRight, type Either } from 'fp-ts/lib/Either.js';
import { handleCommand, type CommandResult, type HandleCommandInput } from './command-handler.js';
import { deterministicEventId } from './event-id.js';
import { verifyChain } from './hash-chain.js';
import { createMemoryEventStore } from './memory-store.js';
import type { EventStore } from './port.js';
import {
  counterCodec as codec,
  counterDecider as decider,
  counterEventRegistry as registry,
  increment,
  type CounterCommand,
  type CounterEvent,
  type CounterState,
} from './testing/counter-decider.js';

type Extra = Partial<
  Pick<
    HandleCommandInput<CounterCommand, CounterEvent, CounterState>,
    'correlationId' | 'causationId' | 'expectedRevision' | 'maxRetries'
  >
>;

const rightOf = <A>(result: Either<unknown, A>): A => {
  if (isLeft(result)) throw new Error(`expected right, got ${JSON.stringify(result.left)}`);
  return result.right;
};
const run = (store: EventStore, commandId: string, extra: Extra = {}, by = 1) =>
  handleCommand({
    store,
    codec,
    decider,
    registry,
    streamName: 'counter-1',
    command: increment(by),
    commandId,
    ...extra,
  });

/** A store where someone else appends to the stream just before each of the first `times` appends. */
function contended(store: EventStore, times: number): EventStore & { reads: number } {
  let left = times;
  const wrapped = Object.create(store) as EventStore & { reads: number };
  wrapped.reads = 0;
  wrapped.readStream = (name, options) => {
    wrapped.reads += 1;
    return store.readStream(name, options);
  };
  wrapped.appendToStream = async (name, events, options) => {
    if (left-- > 0) await run(store, `intruder-${left}`);
    return store.appendToStream(name, events, options);
  };
  return wrapped;
}

describe('handleCommand', () => {
  it('makes the command from the state it read when given commandFor, reading the stream once per attempt', async () => {
    const base = createMemoryEventStore();
    rightOf(await run(base, 'cmd-0'));
    const once = contended(base, 0);
    const seen: CounterState[] = [];
    const commandFor = async (state: CounterState) => {
      seen.push(state);
      return increment(state.count + 1);
    };
    rightOf(
      await handleCommand({
        store: once,
        codec,
        decider,
        registry,
        streamName: 'counter-1',
        commandFor,
        commandId: 'cmd-1',
      }),
    );
    expect(once.reads).toBe(1);
    expect(seen).toEqual([{ count: 1, increments: 1 }]);
    expect((await base.readStream('counter-1')).map((event) => event.data)).toEqual([{ by: 1 }, { by: 2 }]);

    // After a concurrent append the command is made again from the state of the new read.
    const raced = contended(base, 1);
    rightOf(
      await handleCommand({
        store: raced,
        codec,
        decider,
        registry,
        streamName: 'counter-1',
        commandFor,
        commandId: 'cmd-2',
      }),
    );
    expect(raced.reads).toBe(2);
    expect(seen.slice(1).map((state) => state.count)).toEqual([3, 4]);
  });

  it('appends the decided events with complete metadata and answers with revision, position and hashes', async () => {
    const store = createMemoryEventStore();
    const result = rightOf(await run(store, 'cmd-1', {}, 2));
    const [stored] = await store.readStream('counter-1');
    expect(stored?.metadata).toEqual({
      eventId: deterministicEventId('cmd-1', 'counter-1', 0),
      occurredAt: '2024-03-01T08:00:00.000Z',
      actor: { id: 'rep-1', role: 'sales_rep' },
      correlationId: 'cmd-1',
      causationId: 'cmd-1',
      commandId: 'cmd-1',
      schemaVersion: 1,
      hash: expect.any(String),
    });
    expect(stored?.eventId).toBe(deterministicEventId('cmd-1', 'counter-1', 0));
    expect(result).toEqual({
      events: [{ type: 'CounterIncremented', data: { by: 2 }, metadata: stored?.metadata }],
      nextExpectedRevision: 0,
      position: stored?.position,
    });
    const second = rightOf(await run(store, 'cmd-2', { correlationId: 'corr', causationId: 'cause' }));
    expect(second.nextExpectedRevision).toBe(1);
    expect(second.events[0]?.metadata).toMatchObject({
      correlationId: 'corr',
      causationId: 'cause',
      commandId: 'cmd-2',
    });
    expect(verifyChain(await store.readStream('counter-1'))).toBeUndefined();
  });

  it('answers the recorded hashes whether the store answers them or not (then they are computed here)', async () => {
    const store = createMemoryEventStore();
    // A store that does not say which links it wrote, as EventStoreDB's adapter.
    const silent = Object.create(store) as EventStore;
    silent.appendToStream = async (name, events, options) => {
      const { nextExpectedRevision, position } = await store.appendToStream(name, events, options);
      return { nextExpectedRevision, position };
    };
    const told = rightOf(await run(store, 'cmd-1', {}, 2));
    const computed = rightOf(await run(silent, 'cmd-2', {}, 3));
    const recorded = (await store.readStream('counter-1')).map((event) => event.metadata.hash);
    expect([...told.events, ...computed.events].map((event) => event.metadata.hash)).toEqual(recorded);
  });

  it("returns the decider's refusal and appends nothing", async () => {
    const store = createMemoryEventStore();
    const result = await run(store, 'cmd-1', {}, 0);
    expect(isLeft(result) && result.left.code).toBe('COUNTER_AMOUNT_INVALID');
    expect(await store.streamExists('counter-1')).toBe(false);
  });

  it('a decision of no events appends nothing and answers with the current revision', async () => {
    const store = createMemoryEventStore();
    const touch = { type: 'Touch' as const, data: {}, metadata: increment(1).metadata };
    expect(
      rightOf(
        await handleCommand({
          store,
          codec,
          decider,
          registry,
          streamName: 'counter-1',
          command: touch,
          commandId: 't-1',
        }),
      ),
    ).toEqual({
      events: [],
      nextExpectedRevision: -1,
      position: undefined,
    });
    await run(store, 'cmd-1');
    expect(
      rightOf(
        await handleCommand({
          store,
          codec,
          decider,
          registry,
          streamName: 'counter-1',
          command: touch,
          commandId: 't-2',
        }),
      ).nextExpectedRevision,
    ).toBe(0);
  });

  it('a repeated command id returns the first result and appends nothing, even after the stream moved on', async () => {
    const store = createMemoryEventStore();
    const first = rightOf(
      await handleCommand({
        store,
        codec,
        decider,
        registry,
        streamName: 'counter-1',
        command: increment(3, undefined, 2),
        commandId: 'cmd-1',
      }),
    );
    await run(store, 'cmd-2');
    const repeat = rightOf(
      await handleCommand({
        store,
        codec,
        decider,
        registry,
        streamName: 'counter-1',
        command: increment(3, undefined, 2),
        commandId: 'cmd-1',
      }),
    );
    expect(repeat).toEqual(first);
    expect(await store.readStream('counter-1')).toHaveLength(3);
  });

  it('the same command sent twice at once appends once', async () => {
    const store = createMemoryEventStore();
    const [a, b] = await Promise.all([run(store, 'cmd-1'), run(store, 'cmd-1')]);
    expect(rightOf(a)).toEqual(rightOf(b));
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it("checks the client's expected revision once and never retries it", async () => {
    const store = createMemoryEventStore();
    expect(rightOf(await run(store, 'cmd-1', { expectedRevision: -1 })).nextExpectedRevision).toBe(0);
    expect(rightOf(await run(store, 'cmd-2', { expectedRevision: 0 })).nextExpectedRevision).toBe(1);
    const stale = contended(store, 0);
    const refused = await run(stale, 'cmd-3', { expectedRevision: 0 });
    expect(isLeft(refused) && refused.left).toMatchObject({
      code: 'STREAM_REVISION_CONFLICT',
      details: { expected: 0, actual: 1, attempts: 1 },
    });
    expect(stale.reads).toBe(1);
    const raced = await run(contended(store, 1), 'cmd-4', { expectedRevision: 1 });
    expect(isLeft(raced) && raced.left.code).toBe('STREAM_REVISION_CONFLICT');
  });

  it('reloads and decides again after a concurrent append, up to maxRetries', async () => {
    const store = createMemoryEventStore();
    const once = contended(store, 1);
    expect(rightOf(await run(once, 'cmd-1')).nextExpectedRevision).toBe(1);
    expect(once.reads).toBe(2);
    const always = contended(store, 100);
    const exhausted = await run(always, 'cmd-2', { maxRetries: 2 });
    expect(isLeft(exhausted) && exhausted.left).toMatchObject({
      code: 'STREAM_REVISION_CONFLICT',
      details: { attempts: 3 },
    });
    expect(always.reads).toBe(3);
  });

  it('concurrent commands on one stream lose no update: each lands or is refused with a conflict', async () => {
    const store = createMemoryEventStore();
    const all = await Promise.all(
      Array.from({ length: 20 }, (_, index) => run(store, `many-${index}`, { maxRetries: 25 })),
    );
    expect(all.every(isRight)).toBe(true);
    const bounded = await Promise.all(Array.from({ length: 20 }, (_, index) => run(store, `bounded-${index}`)));
    const landed = bounded.filter(isRight).length;
    expect(
      bounded.filter(isLeft).every((result) => isLeft(result) && result.left.code === 'STREAM_REVISION_CONFLICT'),
    ).toBe(true);
    const events = await store.readStream('counter-1');
    expect(events).toHaveLength(20 + landed);
    const revisions = [...all, ...bounded].flatMap((result) =>
      isRight(result) ? [(result.right as CommandResult<CounterEvent>).nextExpectedRevision] : [],
    );
    expect(new Set(revisions).size).toBe(20 + landed);
    expect(verifyChain(events)).toBeUndefined();
  });

  it('fails with a decode error when the stream holds an event the codec does not know', async () => {
    const store = createMemoryEventStore();
    await store.appendToStream('counter-1', [
      { eventId: 'e-1', type: 'Mystery', data: {}, metadata: { schemaVersion: 1 } },
    ]);
    const result = await run(store, 'cmd-1');
    expect(isLeft(result) && result.left.code).toBe('EVENT_TYPE_UNKNOWN');
  });
});
