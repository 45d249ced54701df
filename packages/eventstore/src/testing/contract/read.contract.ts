import { describe, expect, it } from '@jest/globals';
import { countEventsAfter } from '../../count-events.js';
import { chainHash, GENESIS_HASH, verifyChain } from '../../hash-chain.js';
import type { EventStore, RecordedEvent } from '../../port.js';
import type { ContractContext, ContractSubject } from './context.js';
import { at, newEvent, newEvents, uniqueStream } from './fixtures.js';

const numbers = (events: readonly RecordedEvent[]): unknown[] => events.map((event) => (event.data as { n: number }).n);

/** Every event after `after` in global order, read in pages of `pageSize`. */
async function readAllPages(
  store: EventStore,
  after: bigint | undefined,
  pageSize: number,
): Promise<RecordedEvent[][]> {
  const pages: RecordedEvent[][] = [];
  let position = after;
  for (;;) {
    const page = await store.readAll({ maxCount: pageSize, ...(position === undefined ? {} : { after: position }) });
    if (page.length === 0) return pages;
    pages.push([...page]);
    position = page[page.length - 1]?.position;
  }
}

/** Stream reads, the global log, the hash chain and a large stream. */
export function describeReadContract<S extends ContractSubject>(ctx: ContractContext<S>): void {
  const { timeoutMs, largeStreamSize, emptyOnOpen } = ctx.options;

  describe('readStream and streamExists', () => {
    it(
      'a missing stream reads as no events, both ways, and does not exist',
      async () => {
        const store = ctx.store();
        const stream = uniqueStream('missing');
        expect(await store.readStream(stream)).toEqual([]);
        expect(await store.readStream(stream, { direction: 'backwards' })).toEqual([]);
        expect(await store.readStream(stream, { fromRevision: 3, maxCount: 2 })).toEqual([]);
        expect(await store.streamExists(stream)).toBe(false);
      },
      timeoutMs,
    );

    it(
      'reads forwards from a revision with maxCount',
      async () => {
        const store = ctx.store();
        const stream = uniqueStream('forwards');
        await store.appendToStream(stream, newEvents(5));
        expect(await store.streamExists(stream)).toBe(true);
        expect(numbers(await store.readStream(stream))).toEqual([0, 1, 2, 3, 4]);
        expect(numbers(await store.readStream(stream, { direction: 'forwards', fromRevision: 2 }))).toEqual([2, 3, 4]);
        expect(numbers(await store.readStream(stream, { maxCount: 2 }))).toEqual([0, 1]);
        expect(numbers(await store.readStream(stream, { fromRevision: 1, maxCount: 3 }))).toEqual([1, 2, 3]);
        expect(await store.readStream(stream, { fromRevision: 5 })).toEqual([]);
      },
      timeoutMs,
    );

    it(
      'reads backwards from the end or from a revision with maxCount',
      async () => {
        const store = ctx.store();
        const stream = uniqueStream('backwards');
        await store.appendToStream(stream, newEvents(5));
        const backwards = await store.readStream(stream, { direction: 'backwards' });
        expect(numbers(backwards)).toEqual([4, 3, 2, 1, 0]);
        expect(backwards.map((event) => event.revision)).toEqual([4, 3, 2, 1, 0]);
        expect(numbers(await store.readStream(stream, { direction: 'backwards', fromRevision: 2 }))).toEqual([2, 1, 0]);
        expect(numbers(await store.readStream(stream, { direction: 'backwards', maxCount: 2 }))).toEqual([4, 3]);
        expect(
          numbers(await store.readStream(stream, { direction: 'backwards', fromRevision: 3, maxCount: 2 })),
        ).toEqual([3, 2]);
      },
      timeoutMs,
    );
  });

  describe('readAll and headPosition', () => {
    if (emptyOnOpen) {
      it(
        'an empty store has no head and reads as no events',
        async () => {
          const store = ctx.store();
          expect(await store.headPosition()).toBeUndefined();
          expect(await store.readAll()).toEqual([]);
        },
        timeoutMs,
      );
    }

    it(
      'pages the global log in order, strictly after a position, with increasing positions',
      async () => {
        const store = ctx.store();
        const before = await store.headPosition();
        const [a, b] = [uniqueStream('alla'), uniqueStream('allb')];
        const appended: string[] = [];
        for (const [index, stream] of [a, b, a, a, b].entries()) {
          const event = newEvent('ThingHappened', { n: index });
          appended.push(event.eventId);
          await store.appendToStream(stream, [event]);
        }
        const head = await store.headPosition();
        const pages = await readAllPages(store, before, 2);
        expect(pages.every((page) => page.length <= 2)).toBe(true);
        const all = pages.flat();
        const mine = all.filter((event) => event.streamName === a || event.streamName === b);
        expect(mine.map((event) => event.eventId)).toEqual(appended);
        for (let index = 1; index < all.length; index++)
          expect((all[index]?.position ?? 0n) > (all[index - 1]?.position ?? 0n)).toBe(true);
        expect(all.every((event) => before === undefined || event.position > before)).toBe(true);
        expect(head).toBe(mine[mine.length - 1]?.position);
        const third = mine[2];
        const afterThird = await store.readAll({ after: third?.position ?? 0n, maxCount: 100 });
        expect(
          afterThird.filter((event) => event.streamName === a || event.streamName === b).map((event) => event.eventId),
        ).toEqual(appended.slice(3));
        if (emptyOnOpen) expect(await store.readAll({ after: head ?? 0n })).toEqual([]);
      },
      timeoutMs,
    );

    it(
      'countEventsAfter counts the events readAll delivers after a position (counted by the store itself where it can), up to the limit',
      async () => {
        const store = ctx.store();
        const before = await store.headPosition();
        await store.appendToStream(uniqueStream('count'), newEvents(5));
        const delivered = (await readAllPages(store, before, 100)).flat().length;
        expect(delivered).toBeGreaterThanOrEqual(5);
        expect(await countEventsAfter(store, before, 10_000)).toBe(delivered);
        expect(await countEventsAfter(store, before, 3)).toBe(3);
        expect(await countEventsAfter(store, before, 0)).toBe(0);
        expect(await countEventsAfter(store, await store.headPosition(), 10)).toBe(0);
      },
      timeoutMs,
    );
  });

  describe('hash chain', () => {
    it(
      'the store links every event to the previous one of its stream, across appends',
      async () => {
        const store = ctx.store();
        const stream = uniqueStream('chain');
        const first = [newEvent('ThingHappened', { n: 0 }, { hash: 'f'.repeat(64) }), ...newEvents(1, 1)];
        const second = newEvents(3, 2);
        await store.appendToStream(stream, first);
        await store.appendToStream(stream, second, { expectedRevision: 1 });
        const events = await store.readStream(stream);
        expect(verifyChain(events)).toBeUndefined();
        // A hash a caller slipped in is replaced by the store's.
        expect(at(events, 0).metadata.hash).toBe(chainHash(GENESIS_HASH, at(first, 0)));
        expect(at(events, 2).metadata.hash).toBe(chainHash(at(events, 1).metadata.hash, at(second, 0)));
      },
      timeoutMs,
    );
  });

  describe('a large stream', () => {
    it(
      `appends ${largeStreamSize} events in batches and reads them all back, forwards and backwards`,
      async () => {
        const store = ctx.store();
        const stream = uniqueStream('large');
        const batch = 500;
        for (let from = 0; from < largeStreamSize; from += batch) {
          const count = Math.min(batch, largeStreamSize - from);
          const result = await store.appendToStream(stream, newEvents(count, from), {
            expectedRevision: from === 0 ? 'no_stream' : from - 1,
          });
          expect(result.nextExpectedRevision).toBe(from + count - 1);
        }
        const forwards = await store.readStream(stream);
        expect(forwards).toHaveLength(largeStreamSize);
        expect(
          forwards.every((event, index) => event.revision === index && (event.data as { n: number }).n === index),
        ).toBe(true);
        expect(verifyChain(forwards)).toBeUndefined();
        const backwards = await store.readStream(stream, { direction: 'backwards' });
        expect(backwards.map((event) => event.eventId)).toEqual(forwards.map((event) => event.eventId).reverse());
        const tail = await store.readStream(stream, { fromRevision: largeStreamSize - 10, maxCount: 5 });
        expect(tail.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4].map((n) => largeStreamSize - 10 + n));
      },
      Math.max(timeoutMs, 120_000),
    );
  });
}
