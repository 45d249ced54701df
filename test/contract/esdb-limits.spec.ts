import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { StoreError, StoreUnavailableError, verifyChain, type EventStore, type NewEvent } from '@salesbook/eventstore';
import { createEsdbEventStore, eventSize, openEsdbEventStore } from '@salesbook/eventstore-esdb';
import { startEsdbDouble, type EsdbDouble, type EsdbDoubleOptions } from '../support/esdb-double/index.js';

// EventStoreDB's limits, taught to the wire-level double as the server's source has them (Streams.Append.cs,
// Streams.BatchAppend.cs, RpcExceptions.cs, ServerFeatures.cs) and met through the real client: client integration
// verified; server semantics assumed.

const RETRY = { attempts: 4, baseDelayMs: 10 };
const opened: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((each) => each.close()));
});

async function double(options: EsdbDoubleOptions = {}): Promise<EsdbDouble> {
  const started = await startEsdbDouble(options);
  opened.push({ close: () => started.stop() });
  return started;
}

function store(connectionString: string, maxAppendBytes?: number): EventStore {
  const created = createEsdbEventStore({
    connectionString,
    retry: RETRY,
    ...(maxAppendBytes === undefined ? {} : { maxAppendBytes }),
  });
  opened.unshift(created);
  return created;
}

/** `count` events of about 1 KiB, in commands of `perCommand` events each. */
const commands = (count: number, perCommand = 1): NewEvent[] =>
  Array.from({ length: count }, (_, index) => ({
    eventId: randomUUID(),
    type: 'ThingHappened',
    data: { n: index, padding: 'x'.repeat(1_000) },
    metadata: { commandId: `command-${Math.floor(index / perCommand)}` },
  }));

const failure = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => new Error('expected a failure'),
    (error: unknown) => error,
  );

describe.each([true, false])('EventStoreDB limits through the client (BatchAppend advertised: %s)', (batchAppend) => {
  it('the server refuses an append over its maximum size, and the adapter names the limit', async () => {
    const server = await double({ batchAppend, maxAppendSize: 4_096 });
    const error = await failure(store(server.connectionString).appendToStream('big-1', commands(5)));
    expect(error).toMatchObject({
      code: 'STORE_CONFIGURATION_INVALID',
      message: expect.stringContaining('4096 bytes'),
    });
    expect(server.log.stream('big-1')).toBeUndefined();
  });

  it('appendMany splits a part between commands below the limit; the chain holds across the appends', async () => {
    const server = await double({ batchAppend, maxAppendSize: 4_096 });
    const events = commands(12, 2);
    const [result] = await store(server.connectionString, 4_096).appendMany([
      { streamName: 'split-1', events, expectedRevision: 'no_stream' },
    ]);
    // The part (about 13 KB) is over the server's limit as a whole: only appends split below it get through.
    expect(result?.nextExpectedRevision).toBe(11);
    if (!batchAppend) expect(server.calls.append).toBeGreaterThanOrEqual(4);
    const stored = await store(server.connectionString).readStream('split-1');
    expect(stored.map((event) => event.eventId)).toEqual(events.map((event) => event.eventId));
    expect(verifyChain(stored)).toBeUndefined();
  });

  it('appendToStream never splits: a batch over the limit is refused before anything is sent', async () => {
    const server = await double({ batchAppend });
    const events = commands(5);
    const limit = eventSize(events[0]!) * 3;
    const error = await failure(store(server.connectionString, limit).appendToStream('atomic-1', events));
    expect(error).toMatchObject({
      code: 'STORE_CONFIGURATION_INVALID',
      message: expect.stringContaining(`${limit} bytes`),
    });
    expect(server.calls.append + server.calls.batchAppend).toBe(0);
  });

  it('a partial failure of appendMany leaves whole commands in order, and the same parts again complete it once', async () => {
    const server = await double({ batchAppend, maxAppendSize: 4_096 });
    const events = commands(12, 2);
    const parts = [{ streamName: 'partial-1', events, expectedRevision: 'no_stream' as const }];
    server.injectFault('append', 'access-denied', 1, 1);
    expect(await failure(store(server.connectionString, 4_096).appendMany(parts))).toMatchObject({
      code: 'STORE_ACCESS_DENIED',
    });
    const written = server.log.stream('partial-1') ?? [];
    expect(written.length % 2).toBe(0);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(12);
    expect(written.map((event) => event.id)).toEqual(events.slice(0, written.length).map((event) => event.eventId));
    await store(server.connectionString, 4_096).appendMany(parts);
    expect(server.log.stream('partial-1')?.map((event) => event.id)).toEqual(events.map((event) => event.eventId));
  });

  it('a command larger than the limit fails appendMany before anything is written', async () => {
    const server = await double({ batchAppend });
    const events = commands(4, 4);
    const limit = eventSize(events[0]!) * 3;
    const error = await failure(
      store(server.connectionString, limit).appendMany([
        { streamName: 'whole-0', events: commands(1) },
        { streamName: 'whole-1', events },
      ]),
    );
    expect(error).toMatchObject({ code: 'STORE_CONFIGURATION_INVALID', message: expect.stringContaining('command-0') });
    expect(server.log.stream('whole-0')).toBeUndefined();
  });

  it('NotLeader ends every append in flight; each is sent again to the leader it names and written once', async () => {
    const server = await double({ batchAppend });
    const writer = store(server.connectionString);
    await writer.appendToStream('leader-0', commands(1));
    server.injectFault('append', 'not-leader');
    const batches = [1, 2, 3, 4, 5].map((n) => ({ streamName: `leader-${n}`, events: commands(2) }));
    await Promise.all(
      batches.map(({ streamName, events }) =>
        writer.appendToStream(streamName, events, { expectedRevision: 'no_stream' }),
      ),
    );
    for (const { streamName, events } of batches)
      expect(server.log.stream(streamName)?.map((event) => event.id)).toEqual(events.map((event) => event.eventId));
  });

  it('a commit that timed out after writing is acknowledged on the retry, not written twice', async () => {
    const server = await double({ batchAppend });
    const writer = store(server.connectionString);
    const events = commands(3);
    server.injectFault('append', 'commit-timeout');
    const result = await writer.appendToStream('timeout-1', events, { expectedRevision: 'no_stream' });
    expect(result.nextExpectedRevision).toBe(2);
    expect(server.log.stream('timeout-1')?.map((event) => event.id)).toEqual(events.map((event) => event.eventId));
  });

  it('a node that stays unavailable is StoreUnavailableError after the retries', async () => {
    const server = await double({ batchAppend });
    server.injectFault('append', 'unavailable', RETRY.attempts);
    expect(await failure(store(server.connectionString).appendToStream('down-1', commands(1)))).toBeInstanceOf(
      StoreUnavailableError,
    );
    expect(server.log.stream('down-1')).toBeUndefined();
  });
});

describe('the server check at start', () => {
  it.each(['23.10.0', '24.10.4', '25.0.0'])('accepts %s', async (serverVersion) => {
    const server = await double({ serverVersion });
    const checked = await openEsdbEventStore({ connectionString: server.connectionString, waitMs: 1_000 });
    opened.unshift(checked);
    await checked.appendToStream('versioned-1', commands(1));
    expect(await checked.headPosition()).toBeDefined();
  });

  it.each<[string | null, string]>([
    ['23.6.0', 'EventStoreDB 23.6.0 is not supported: Salesbook needs 23.10 or later'],
    ['22.10.1', 'EventStoreDB 22.10.1 is not supported'],
    [null, 'older than 21.10'],
  ])('refuses %s with a clear error', async (serverVersion, message) => {
    const server = await double({ serverVersion });
    const error = await failure(openEsdbEventStore({ connectionString: server.connectionString, waitMs: 1_000 }));
    expect(error).toMatchObject({ code: 'STORE_CONFIGURATION_INVALID', message: expect.stringContaining(message) });
  });

  it('waits for a server that cannot be reached, then says it is unavailable', async () => {
    const error = await failure(openEsdbEventStore({ connectionString: 'esdb://127.0.0.1:1?tls=false', waitMs: 300 }));
    expect(error).toBeInstanceOf(StoreUnavailableError);
  });
});

describe('credentials on a secure node (TLS, users)', () => {
  const users = [
    { username: 'admin', password: 'changeit', readAll: true },
    { username: 'writer', password: 'secret', readAll: false },
  ];

  it('a user who may read $all appends, reads and subscribes', async () => {
    const server = await double({ users });
    const checked = await openEsdbEventStore({
      connectionString: server.connectionStringFor('admin', 'changeit'),
      waitMs: 1_000,
    });
    opened.unshift(checked);
    await checked.appendToStream('secure-1', commands(2));
    expect((await checked.readAll()).map((event) => event.streamName)).toEqual(['secure-1', 'secure-1']);
  });

  it.each<[string, (server: EsdbDouble) => string, string]>([
    ['no credentials', (server) => server.connectionString, "refused to let the connection string's user read $all"],
    [
      'a wrong password',
      (server) => server.connectionStringFor('admin', 'wrong'),
      "refused to let the connection string's user read $all",
    ],
    [
      'a user without $r on $all',
      (server) => server.connectionStringFor('writer', 'secret'),
      'a user in $admins or with $r on $all',
    ],
  ])('%s is refused at start with what the user needs', async (_name, connectionString, message) => {
    const server = await double({ users });
    const error = await failure(openEsdbEventStore({ connectionString: connectionString(server), waitMs: 1_000 }));
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'STORE_ACCESS_DENIED', message: expect.stringContaining(message) });
  });

  it('a user without $r on $all may still append to application streams', async () => {
    const server = await double({ users });
    await store(server.connectionStringFor('writer', 'secret')).appendToStream('secure-2', commands(1));
    expect(server.log.stream('secure-2')).toHaveLength(1);
  });
});

describe.each(['not-ready', 'ended', 'not-leader'] as const)('a subscription the server drops (%s)', (how) => {
  it('fails after what it delivered, and a new one from the last position delivers the rest once', async () => {
    const server = await double();
    const reader = store(server.connectionString);
    await reader.appendToStream('dropped-1', commands(3));
    const first = reader.subscribeToAll()[Symbol.asyncIterator]();
    const seen: string[] = [];
    let last: bigint | undefined;
    for (
      let result = await first.next();
      result.done !== true && result.value.kind === 'event';
      result = await first.next()
    ) {
      seen.push(result.value.event.eventId);
      last = result.value.event.position;
    }
    expect(server.dropSubscriptions(how)).toBe(1);
    expect(await failure(first.next())).toBeInstanceOf(StoreUnavailableError);
    await reader.appendToStream('dropped-1', commands(2));
    const second = reader.subscribeToAll({ after: last })[Symbol.asyncIterator]();
    for (
      let result = await second.next();
      result.done !== true && result.value.kind === 'event';
      result = await second.next()
    )
      seen.push(result.value.event.eventId);
    expect(seen).toEqual((await reader.readStream('dropped-1')).map((event) => event.eventId));
  });
});
