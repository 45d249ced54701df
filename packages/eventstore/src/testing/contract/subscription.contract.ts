import { describe, expect, it } from '@jest/globals';
import type { SubscriptionMessage } from '../../port.js';
import type { ContractContext, ContractSubject } from './context.js';
import { eventsIn, newEvents, SubscriptionReader, uniqueStream } from './fixtures.js';

const isCaughtUp = (message: SubscriptionMessage): boolean => message.kind === 'caught-up';

/** Catch-up subscriptions: exactly once and in order across the live boundary, system events, resuming, ending. */
export function describeSubscriptionContract<S extends ContractSubject>(ctx: ContractContext<S>): void {
  const { timeoutMs } = ctx.options;
  const wait = Math.min(timeoutMs, 10_000);

  describe('subscribeToAll', () => {
    it(
      'delivers stored events, then caught-up, then live ones, each exactly once and in order while appends continue',
      async () => {
        const store = ctx.store();
        const before = await store.headPosition();
        const streams = [uniqueStream('suba'), uniqueStream('subb'), uniqueStream('subc')];
        const mine = new Set(streams);
        for (let n = 0; n < 30; n++) await store.appendToStream(streams[n % 3] ?? '', newEvents(1, n));
        const reader = new SubscriptionReader(store.subscribeToAll(before === undefined ? {} : { after: before }));
        const producer = (async () => {
          for (let n = 30; n < 80; n++) {
            await store.appendToStream(streams[n % 3] ?? '', newEvents(1, n));
            if (n % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
          }
        })();
        let count = 0;
        const [messages] = await Promise.all([
          reader.readUntil(
            (message) => message.kind === 'event' && mine.has(message.event.streamName) && ++count === 80,
            wait * 2,
          ),
          producer,
        ]);
        await reader.subscription.unsubscribe();
        const caughtUpAt = messages.findIndex(isCaughtUp);
        expect(caughtUpAt).toBeGreaterThanOrEqual(0);
        expect(eventsIn(messages.slice(0, caughtUpAt), mine).length).toBeGreaterThanOrEqual(30);
        const positions = messages.flatMap((message) => (message.kind === 'event' ? [message.event.position] : []));
        for (let index = 1; index < positions.length; index++)
          expect((positions[index] ?? 0n) > (positions[index - 1] ?? 0n)).toBe(true);
        const stored = await store.readAll({ maxCount: 10_000, ...(before === undefined ? {} : { after: before }) });
        const expected = stored
          .filter((event) => mine.has(event.streamName))
          .map((event) => `${event.streamName}/${event.revision}`);
        expect(expected).toHaveLength(80);
        expect(eventsIn(messages, mine)).toEqual(expected);
      },
      timeoutMs,
    );

    it(
      'says caught-up when nothing follows the start, then delivers live events; several subscribers each get them',
      async () => {
        const store = ctx.store();
        const stream = uniqueStream('live');
        const head = await store.headPosition();
        const readers = [1, 2].map(
          () => new SubscriptionReader(store.subscribeToAll(head === undefined ? {} : { after: head })),
        );
        for (const reader of readers) await reader.readUntil(isCaughtUp, wait);
        await store.appendToStream(stream, newEvents(2));
        for (const reader of readers) {
          let seen = 0;
          const messages = await reader.readUntil(
            (message) => message.kind === 'event' && message.event.streamName === stream && ++seen === 2,
            wait,
          );
          expect(eventsIn(messages, new Set([stream]))).toEqual([`${stream}/0`, `${stream}/1`]);
          await reader.subscription.unsubscribe();
        }
      },
      timeoutMs,
    );

    it(
      'resumes strictly after the position given',
      async () => {
        const store = ctx.store();
        const stream = uniqueStream('resume');
        await store.appendToStream(stream, newEvents(2));
        const [, second] = await store.readStream(stream);
        await store.appendToStream(stream, newEvents(2, 2));
        const reader = new SubscriptionReader(store.subscribeToAll({ after: second?.position ?? 0n }));
        const messages = await reader.readUntil(
          (message) => message.kind === 'event' && message.event.streamName === stream && message.event.revision === 3,
          wait,
        );
        await reader.subscription.unsubscribe();
        expect(eventsIn(messages, new Set([stream]))).toEqual([`${stream}/2`, `${stream}/3`]);
      },
      timeoutMs,
    );

    const { appendSystemEvent } = ctx.hooks;
    if (appendSystemEvent !== undefined)
      it(
        'never delivers system events, stored or live',
        async () => {
          const subject = ctx.subject();
          const store = subject.store;
          const stream = uniqueStream('system');
          const before = await store.headPosition();
          await store.appendToStream(stream, newEvents(1));
          await appendSystemEvent(subject);
          await store.appendToStream(stream, newEvents(1, 1));
          const reader = new SubscriptionReader(store.subscribeToAll(before === undefined ? {} : { after: before }));
          const stored = await reader.readUntil(isCaughtUp, wait);
          await appendSystemEvent(subject);
          await store.appendToStream(stream, newEvents(1, 2));
          const live = await reader.readUntil(
            (message) =>
              message.kind === 'event' && message.event.streamName === stream && message.event.revision === 2,
            wait,
          );
          await reader.subscription.unsubscribe();
          const types = [...stored, ...live].flatMap((message) =>
            message.kind === 'event' ? [message.event.type] : [],
          );
          expect(types.filter((type) => type.startsWith('$'))).toEqual([]);
          expect(eventsIn([...stored, ...live], new Set([stream]))).toEqual(
            [0, 1, 2].map((revision) => `${stream}/${revision}`),
          );
        },
        timeoutMs,
      );

    it(
      'unsubscribe ends a waiting iteration promptly, and breaking out of for-await ends it too',
      async () => {
        const store = ctx.store();
        await store.appendToStream(uniqueStream('unsub'), newEvents(1));
        const head = await store.headPosition();
        const from = head === undefined ? {} : { after: head - 1n };
        const reader = new SubscriptionReader(store.subscribeToAll(from));
        await reader.readUntil(isCaughtUp, wait);
        const pending = reader.next(wait);
        await reader.subscription.unsubscribe();
        let result = await pending;
        // Only another writer's events may still come before the end.
        while (result !== 'timeout' && result.done !== true) result = await reader.next(wait);
        expect(result).not.toBe('timeout');
        for await (const message of store.subscribeToAll(from)) {
          if (message.kind === 'caught-up') break;
        }
      },
      timeoutMs,
    );
  });
}
