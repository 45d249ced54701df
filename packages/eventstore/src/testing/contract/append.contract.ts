import { describe, expect, it } from '@jest/globals';
import { EventIdConflictError, WrongExpectedRevisionError } from '../../errors.js';
import { verifyChain } from '../../hash-chain.js';
import type { AppendResult } from '../../port.js';
import type { ContractContext, ContractSubject } from './context.js';
import { catchError, expectConflict, newEvent, newEvents, uniqueStream } from './fixtures.js';

/** Where an append left its stream: what a repeat of it answers again. */
const placed = ({ nextExpectedRevision, position }: AppendResult): Omit<AppendResult, 'hashes'> => ({
  nextExpectedRevision,
  position,
});

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Appends with each expected-revision mode, the recorded form, and lost-update freedom under concurrency. */
export function describeAppendContract<S extends ContractSubject>(ctx: ContractContext<S>): void {
  const { timeoutMs } = ctx.options;

  describe('appendToStream with an expected revision', () => {
    it(
      "'any' (the default) creates a stream and appends to it",
      async () => {
        const store = ctx.store();
        const stream = uniqueStream('any');
        const first = await store.appendToStream(stream, newEvents(2));
        expect(first.nextExpectedRevision).toBe(1);
        expect(typeof first.position).toBe('bigint');
        const second = await store.appendToStream(stream, newEvents(1, 2), { expectedRevision: 'any' });
        expect(second.nextExpectedRevision).toBe(2);
        expect(second.position > first.position).toBe(true);
        expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0, 1, 2]);
      },
      timeoutMs,
    );

    it(
      "'no_stream' creates a stream, and is refused once it exists, writing nothing",
      async () => {
        const store = ctx.store();
        const stream = uniqueStream('nostream');
        expect(
          (await store.appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' })).nextExpectedRevision,
        ).toBe(0);
        const refused = newEvents(2, 1);
        expectConflict(await catchError(store.appendToStream(stream, refused, { expectedRevision: 'no_stream' })), {
          streamName: stream,
          expected: 'no_stream',
          actual: 0,
        });
        expect(await store.readStream(stream)).toHaveLength(1);
        // The refused ids were not consumed: the same batch appends at the right revision.
        expect((await store.appendToStream(stream, refused, { expectedRevision: 0 })).nextExpectedRevision).toBe(2);
      },
      timeoutMs,
    );

    it(
      "'stream_exists' is refused on a missing stream, writing nothing, and appends to an existing one",
      async () => {
        const store = ctx.store();
        const stream = uniqueStream('exists');
        expectConflict(
          await catchError(store.appendToStream(stream, newEvents(1), { expectedRevision: 'stream_exists' })),
          {
            streamName: stream,
            expected: 'stream_exists',
            actual: 'no_stream',
          },
        );
        expect(await store.streamExists(stream)).toBe(false);
        expect(await store.readStream(stream)).toEqual([]);
        await store.appendToStream(stream, newEvents(1));
        expect(
          (await store.appendToStream(stream, newEvents(2, 1), { expectedRevision: 'stream_exists' }))
            .nextExpectedRevision,
        ).toBe(2);
      },
      timeoutMs,
    );

    it(
      'an exact revision appends when the stream is at it',
      async () => {
        const store = ctx.store();
        const stream = uniqueStream('exact');
        await store.appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' });
        expect(
          (await store.appendToStream(stream, newEvents(2, 1), { expectedRevision: 0 })).nextExpectedRevision,
        ).toBe(2);
        expect(
          (await store.appendToStream(stream, newEvents(1, 3), { expectedRevision: 2 })).nextExpectedRevision,
        ).toBe(3);
        expect((await store.readStream(stream)).map((event) => event.data)).toEqual([
          { n: 0 },
          { n: 1 },
          { n: 2 },
          { n: 3 },
        ]);
      },
      timeoutMs,
    );

    it(
      'an exact revision behind, ahead of, or on a missing stream is refused and writes nothing',
      async () => {
        const store = ctx.store();
        const stream = uniqueStream('exactrefused');
        const missing = uniqueStream('exactmissing');
        await store.appendToStream(stream, newEvents(3));
        const before = await store.readStream(stream);
        for (const expected of [0, 1, 5]) {
          expectConflict(
            await catchError(store.appendToStream(stream, newEvents(1, 9), { expectedRevision: expected })),
            {
              streamName: stream,
              expected,
              actual: 2,
            },
          );
        }
        expectConflict(await catchError(store.appendToStream(missing, newEvents(1), { expectedRevision: 0 })), {
          streamName: missing,
          expected: 0,
          actual: 'no_stream',
        });
        expect(await store.readStream(stream)).toEqual(before);
        expect(await store.streamExists(missing)).toBe(false);
      },
      timeoutMs,
    );

    it(
      'records what was appended, with revision, position, the chain hash and recordedAt in UTC',
      async () => {
        const store = ctx.store();
        const stream = uniqueStream('recorded');
        const data = {
          text: 'héllo 世界 "quoted"\n',
          count: 42,
          ratio: 0.5,
          flag: true,
          nothing: null,
          list: [1, 'two', { three: 3 }],
        };
        const event = newEvent('ThingRecorded', data, { correlationId: 'c-1' });
        const startedAt = Date.now();
        const result = await store.appendToStream(stream, [event]);
        const [recorded] = await store.readStream(stream);
        expect(recorded).toMatchObject({
          streamName: stream,
          revision: 0,
          position: result.position,
          eventId: event.eventId,
          type: 'ThingRecorded',
          data,
        });
        expect(recorded?.metadata).toEqual({ ...event.metadata, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
        expect(recorded?.recordedAt).toMatch(ISO_UTC);
        // Five minutes either way: a real server's clock may differ a little from this machine's.
        expect(Math.abs(Date.parse(recorded?.recordedAt ?? '') - startedAt)).toBeLessThan(300_000);
      },
      timeoutMs,
    );
  });

  describe('the chain links an append answers', () => {
    it(
      'are, when the store answers them, the hashes it recorded; a repeat and an empty batch answer none',
      async () => {
        const store = ctx.store();
        const stream = uniqueStream('links');
        const first = newEvents(3);
        const appended = await store.appendToStream(stream, first);
        const [other] = await store.appendMany([{ streamName: stream, events: newEvents(2, 3), expectedRevision: 2 }]);
        const recorded = (await store.readStream(stream)).map((event) => event.metadata.hash);
        if (appended.hashes !== undefined) expect(appended.hashes).toEqual(recorded.slice(0, 3));
        if (other?.hashes !== undefined) expect(other.hashes).toEqual(recorded.slice(3));
        expect((await store.appendToStream(stream, first)).hashes).toBeUndefined();
        expect((await store.appendToStream(stream, [])).hashes).toBeUndefined();
      },
      timeoutMs,
    );
  });

  describe('idempotent append by event id', () => {
    it(
      'a full repeat of a batch is acknowledged with the original result and writes nothing',
      async () => {
        const store = ctx.store();
        const stream = uniqueStream('repeat');
        const batch = newEvents(2);
        const original = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        // The same revision and position; the chain links are answered only by the append that wrote them.
        expect(placed(await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' }))).toEqual(
          placed(original),
        );
        await store.appendToStream(stream, newEvents(2, 2), { expectedRevision: 1 });
        // A retry long after the first attempt (the stream moved on) is still the same append.
        expect(placed(await store.appendToStream(stream, batch))).toEqual(placed(original));
        expect((await store.readStream(stream)).map((event) => event.eventId)).toHaveLength(4);
      },
      timeoutMs,
    );

    it(
      'a batch with some ids already stored is an EventIdConflictError and writes nothing',
      async () => {
        const store = ctx.store();
        const stream = uniqueStream('partial');
        const [a, b] = newEvents(2);
        if (a === undefined || b === undefined) throw new Error('fixture');
        await store.appendToStream(stream, [a]);
        const error = await catchError(store.appendToStream(stream, [a, b]));
        expect(error).toBeInstanceOf(EventIdConflictError);
        expect(error).toMatchObject({ code: 'EVENT_ID_CONFLICT', streamName: stream });
        expect((await store.readStream(stream)).map((event) => event.eventId)).toEqual([a.eventId]);
        // b's id was not consumed.
        await store.appendToStream(stream, [b], { expectedRevision: 0 });
      },
      timeoutMs,
    );

    it(
      'stored ids in another order, or in another stream, are an EventIdConflictError',
      async () => {
        const store = ctx.store();
        const stream = uniqueStream('order');
        const other = uniqueStream('other');
        const [a, b] = newEvents(2);
        if (a === undefined || b === undefined) throw new Error('fixture');
        await store.appendToStream(stream, [a, b]);
        expect(await catchError(store.appendToStream(stream, [b, a]))).toBeInstanceOf(EventIdConflictError);
        expect(await catchError(store.appendToStream(other, [a, b]))).toBeInstanceOf(EventIdConflictError);
        expect(await store.streamExists(other)).toBe(false);
        expect(await store.readStream(stream)).toHaveLength(2);
      },
      timeoutMs,
    );
  });

  describe('concurrent appenders', () => {
    it(
      '20 read-decide-append loops on one stream lose no update',
      async () => {
        const store = ctx.store();
        const stream = uniqueStream('counter');
        const writers = 20;
        const writer = async (id: number): Promise<void> => {
          for (let attempt = 0; attempt < 200; attempt++) {
            const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
            const value = last === undefined ? 1 : (last.data as { value: number }).value + 1;
            try {
              await store.appendToStream(stream, [newEvent('CounterIncremented', { writer: id, value })], {
                expectedRevision: last?.revision ?? 'no_stream',
              });
              return;
            } catch (error) {
              if (!(error instanceof WrongExpectedRevisionError)) throw error;
            }
          }
          throw new Error(`writer ${id} never got its increment in`);
        };
        await Promise.all(Array.from({ length: writers }, (_, id) => writer(id)));
        const events = await store.readStream(stream);
        const data = events.map((event) => event.data as { writer: number; value: number });
        expect(data.map((item) => item.value)).toEqual(Array.from({ length: writers }, (_, index) => index + 1));
        expect(data.map((item) => item.writer).sort((x, y) => x - y)).toEqual(
          Array.from({ length: writers }, (_, index) => index),
        );
        expect(verifyChain(events)).toBeUndefined();
      },
      timeoutMs,
    );

    it(
      'concurrent appends to many streams all land at distinct, increasing positions',
      async () => {
        const store = ctx.store();
        const streams = Array.from({ length: 10 }, (_, index) => uniqueStream(`many${index}`));
        const results = await Promise.all(
          streams.flatMap((stream) => [0, 1, 2].map((n) => store.appendToStream(stream, newEvents(1, n)))),
        );
        expect(new Set(results.map((result) => result.position)).size).toBe(results.length);
        for (const stream of streams)
          expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0, 1, 2]);
      },
      timeoutMs,
    );
  });
}
