import { describe, expect, it } from '@jest/globals';
import { EventIdConflictError } from '../../errors.js';
import { verifyChain } from '../../hash-chain.js';
import type { ContractContext, ContractSubject } from './context.js';
import { catchError, expectConflict, newEvents, uniqueStream } from './fixtures.js';

/** Multi-stream appends: results per stream, the chain, and all-or-nothing where the adapter is transactional. */
export function describeAppendManyContract<S extends ContractSubject>(ctx: ContractContext<S>): void {
  const { timeoutMs, transactionalAppendMany } = ctx.options;

  describe('appendMany', () => {
    it(
      'appends to several streams and answers for each, in order',
      async () => {
        const store = ctx.store();
        const [a, b] = [uniqueStream('manya'), uniqueStream('manyb')];
        await store.appendToStream(a, newEvents(1));
        const results = await store.appendMany([
          { streamName: a, events: newEvents(2, 1), expectedRevision: 0 },
          { streamName: b, events: newEvents(3), expectedRevision: 'no_stream' },
        ]);
        expect(results.map((result) => result.nextExpectedRevision)).toEqual([2, 2]);
        expect((results[1]?.position ?? 0n) > (results[0]?.position ?? 0n)).toBe(true);
        const [eventsA, eventsB] = [await store.readStream(a), await store.readStream(b)];
        expect(eventsA).toHaveLength(3);
        expect(eventsB).toHaveLength(3);
        expect(eventsA[2]?.position).toBe(results[0]?.position);
        expect(eventsB[2]?.position).toBe(results[1]?.position);
        expect(verifyChain(eventsA)).toBeUndefined();
        expect(verifyChain(eventsB)).toBeUndefined();
      },
      timeoutMs,
    );

    it(
      transactionalAppendMany
        ? 'writes nothing at all when one part is refused'
        : 'refuses a part at the wrong revision with a typed conflict',
      async () => {
        const store = ctx.store();
        const [a, b] = [uniqueStream('atomica'), uniqueStream('atomicb')];
        await store.appendToStream(b, newEvents(1));
        const error = await catchError(
          store.appendMany([
            { streamName: a, events: newEvents(2), expectedRevision: 'no_stream' },
            { streamName: b, events: newEvents(1, 1), expectedRevision: 'no_stream' },
          ]),
        );
        expectConflict(error, { streamName: b, expected: 'no_stream', actual: 0 });
        expect(await store.readStream(b)).toHaveLength(1);
        if (transactionalAppendMany) {
          expect(await store.streamExists(a)).toBe(false);
          expect(await store.readStream(a)).toEqual([]);
        }
      },
      timeoutMs,
    );

    if (transactionalAppendMany) {
      it(
        'writes nothing at all when one part repeats some stored event ids',
        async () => {
          const store = ctx.store();
          const [a, b] = [uniqueStream('idsa'), uniqueStream('idsb')];
          const stored = newEvents(1);
          await store.appendToStream(b, stored);
          const error = await catchError(
            store.appendMany([
              { streamName: a, events: newEvents(1) },
              { streamName: b, events: [...stored, ...newEvents(1, 1)] },
            ]),
          );
          expect(error).toBeInstanceOf(EventIdConflictError);
          expect(await store.streamExists(a)).toBe(false);
          expect(await store.readStream(b)).toHaveLength(1);
        },
        timeoutMs,
      );
    }
  });
}
