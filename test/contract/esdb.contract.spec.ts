import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  StoreConfigurationError,
  StoreError,
  StoreUnavailableError,
  type EventStore,
  type NewEvent,
  type SubscriptionMessage,
} from '@salesbook/eventstore';
import { describeEventStoreContract } from '@salesbook/eventstore/testing';
import { createEsdbEventStore, encodePosition } from '@salesbook/eventstore-esdb';
import { startEsdbDouble, type EsdbDouble, type FaultKind } from '../support/esdb-double/index.js';

// Against the wire-level double: client integration verified; server semantics assumed. Both append
// paths of the client are covered: over BatchAppend (what a 21.10+ server advertises) and over Append.
for (const batchAppend of [true, false]) {
  describeEventStoreContract(
    `esdb (double, ${batchAppend ? 'BatchAppend' : 'Append'})`,
    async () => {
      const double = await startEsdbDouble({ batchAppend });
      const opened: EventStore[] = [];
      const open = (): EventStore => {
        const store = createEsdbEventStore({ connectionString: double.connectionString });
        opened.push(store);
        return store;
      };
      return {
        store: open(),
        double,
        open,
        dispose: async () => {
          await Promise.all(opened.map((store) => store.close()));
          await double.stop();
        },
      };
    },
    {
      transactionalAppendMany: false,
      timeoutMs: 20_000,
      hooks: {
        appendSystemEvent: async ({ double }) => double.appendSystemEvent(),
        openAnother: async ({ open }) => open(),
      },
    },
  );
}

// Against a real server when one is configured (see the README): the same suite checks what the double
// assumes. Without one it is registered as skipped, with the reason, so a run shows what it did not prove.
// A shared server is not empty; a `$`-typed event is an ordinary append there (types are free).
const connectionString = process.env['EVENTSTORE_CONNECTION_STRING'] ?? '';
describeEventStoreContract(
  'esdb (server)',
  async () => {
    const opened: EventStore[] = [];
    const open = (): EventStore => {
      const store = createEsdbEventStore({ connectionString });
      opened.push(store);
      return store;
    };
    return {
      store: open(),
      open,
      dispose: async () => {
        await Promise.all(opened.map((each) => each.close()));
      },
    };
  },
  {
    transactionalAppendMany: false,
    emptyOnOpen: false,
    largeStreamSize: 2_000,
    ...(connectionString === ''
      ? { skip: 'EVENTSTORE_CONNECTION_STRING is not set, so no real EventStoreDB server was tested' }
      : {}),
    hooks: {
      appendSystemEvent: async ({ store }) => {
        await store.appendToStream(`contractsystem-${randomUUID()}`, [
          { eventId: randomUUID(), type: '$contractProbe', data: {}, metadata: {} },
        ]);
      },
      openAnother: async ({ open }) => open(),
    },
  },
);

const events = (count: number, from = 0): NewEvent[] =>
  Array.from({ length: count }, (_, index) => ({
    eventId: randomUUID(),
    type: 'ThingHappened',
    data: { n: from + index },
    metadata: {},
  }));

/** Appends retried quickly: the retries themselves are tested in esdb-limits.spec.ts. */
const RETRY = { attempts: 3, baseDelayMs: 10 };

const failure = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => new Error('expected a failure'),
    (error: unknown) => error,
  );

describe.each([true, false])('esdb adapter against the double (BatchAppend advertised: %s)', (batchAppend) => {
  let double: EsdbDouble;
  let store: EventStore;

  beforeEach(async () => {
    double = await startEsdbDouble({ batchAppend });
    store = createEsdbEventStore({ connectionString: double.connectionString, retry: RETRY });
  });

  afterEach(async () => {
    await store.close();
    await double.stop();
  });

  it('appends over the path the server advertises', async () => {
    await store.appendToStream('path-1', events(1));
    await store.appendToStream('path-1', events(1, 1));
    expect(double.calls.batchAppend > 0).toBe(batchAppend);
    expect(double.calls.append > 0).toBe(!batchAppend);
  });

  it.each<[FaultKind, string]>([
    ['stream-deleted', 'STORE_ACCESS_DENIED'],
    ['access-denied', 'STORE_ACCESS_DENIED'],
    ['unavailable', 'STORE_UNAVAILABLE'],
    ['deadline-exceeded', 'STORE_UNAVAILABLE'],
  ])(
    'an append refused with %s (on every attempt) is a StoreError %s, and the store works on afterwards',
    async (kind, code) => {
      await store.appendToStream('fault-1', events(1));
      // Unavailability is retried (see esdb-limits.spec.ts), so it is injected for every attempt; a refusal is final.
      double.injectFault('append', kind, code === 'STORE_UNAVAILABLE' ? RETRY.attempts : 1);
      const error = await failure(store.appendToStream('fault-1', events(1, 1), { expectedRevision: 0 }));
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code });
      expect((await store.appendToStream('fault-1', events(1, 1), { expectedRevision: 0 })).nextExpectedRevision).toBe(
        1,
      );
    },
  );

  it.each<[FaultKind, string]>([
    ['access-denied', 'STORE_ACCESS_DENIED'],
    ['unavailable', 'STORE_UNAVAILABLE'],
  ])('a read refused with %s is a StoreError %s', async (kind, code) => {
    double.injectFault('read', kind);
    expect(await failure(store.readStream('fault-2'))).toMatchObject({ code });
    double.injectFault('read', kind);
    expect(await failure(store.readAll())).toMatchObject({ code });
  });

  it('a tombstoned stream reads as no events', async () => {
    double.injectFault('read', 'stream-deleted');
    expect(await store.readStream('fault-3')).toEqual([]);
  });

  it('a server that is gone is StoreUnavailableError', async () => {
    await store.appendToStream('gone-1', events(1));
    await double.stop();
    expect(await failure(store.readStream('gone-1'))).toBeInstanceOf(StoreUnavailableError);
  });

  it('a subscription the server drops fails with StoreUnavailableError after what it had delivered', async () => {
    await store.appendToStream('drop-1', events(2));
    const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
    const kinds: string[] = [];
    for (
      let result = await iterator.next();
      result.done !== true && result.value.kind !== 'caught-up';
      result = await iterator.next()
    ) {
      kinds.push(result.value.kind);
    }
    expect(kinds).toEqual(['event', 'event']);
    await double.stop();
    expect(await failure(iterator.next())).toBeInstanceOf(StoreUnavailableError);
    expect(await iterator.next()).toMatchObject({ done: true });
  });

  it('positions pack $all commit and prepare positions; revisions are numbers', async () => {
    const result = await store.appendToStream('bigint-1', events(3));
    const stored = double.log.all.filter((event) => event.streamName === 'bigint-1');
    const read = await store.readStream('bigint-1');
    // As a real server lays out a gRPC append: each event its own committed record, commit and prepare equal.
    expect(stored.map((event) => event.commit)).toEqual(stored.map((event) => event.prepare));
    expect(new Set(stored.map((event) => event.commit)).size).toBe(3);
    expect(read.map((event) => event.position)).toEqual(stored.map((event) => encodePosition(event)));
    expect(read.map((event) => event.revision)).toEqual([0, 1, 2]);
    expect(result).toEqual({ nextExpectedRevision: 2, position: encodePosition(stored[2]!) });
    expect(read[0]!.position > 2n ** 64n).toBe(true);
    const after = await store.readAll({ after: read[0]!.position });
    expect(after.map((event) => event.eventId)).toEqual(read.slice(1).map((event) => event.eventId));
  });

  it("a subscription hands over from catch-up to live exactly once and in order, whatever the reader's pace", async () => {
    const stored = 600; // beyond the adapter's and the client's buffers, so backpressure is exercised
    for (let from = 0; from < stored; from += 100) await store.appendToStream(`sub-${from % 3}`, events(100, from));
    double.appendSystemEvent();
    const subscription = store.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    const messages: SubscriptionMessage[] = [];
    const next = async (): Promise<SubscriptionMessage> => {
      const result = await iterator.next();
      if (result.done === true) throw new Error('the subscription ended');
      messages.push(result.value);
      return result.value;
    };
    let seen = (await next()).kind === 'event' ? 1 : 0;
    // Let the server send everything (caught_up included) while this reader lags, then append live events.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const live = Promise.all(
      [0, 1, 2, 3].map((n) => store.appendToStream('sub-live', events(25, n * 25), { expectedRevision: 'any' })),
    );
    while (seen < stored + 100) if ((await next()).kind === 'event') seen += 1;
    await live;
    await subscription.unsubscribe();
    expect(await iterator.next()).toMatchObject({ done: true });
    const caughtUpAt = messages.findIndex((message) => message.kind === 'caught-up');
    expect(caughtUpAt).toBe(stored);
    const delivered = messages.flatMap((message) => (message.kind === 'event' ? [message.event] : []));
    expect(delivered.map((event) => event.eventId)).toEqual((await store.readAll()).map((event) => event.eventId));
    expect(delivered.every((event) => !event.type.startsWith('$'))).toBe(true);
    expect(messages[caughtUpAt]).toEqual({ kind: 'caught-up', position: delivered[stored - 1]?.position });
  });
});

describe('esdb adapter configuration', () => {
  it('a malformed connection string is a StoreConfigurationError', () => {
    expect(() => createEsdbEventStore({ connectionString: 'http://localhost:2113' })).toThrow(StoreConfigurationError);
  });
});
