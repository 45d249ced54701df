import { describe, expect, it } from '@jest/globals';
import { StoreError } from '../../errors.js';
import type { EventStore } from '../../port.js';
import type { ContractContext, ContractSubject } from './context.js';
import { catchError, expectConflict, newEvents, SubscriptionReader, uniqueStream } from './fixtures.js';

/** Runs `body` against a second instance on the same log, closing it afterwards. */
async function withAnother(open: () => Promise<EventStore>, body: (other: EventStore) => Promise<void>): Promise<void> {
  const other = await open();
  try {
    await body(other);
  } finally {
    await other.close();
  }
}

/** A second instance on the same log (another process on one file, another client of one server), and close. */
export function describeInstancesContract<S extends ContractSubject>(ctx: ContractContext<S>): void {
  const { timeoutMs } = ctx.options;
  const wait = Math.min(timeoutMs, 10_000);

  const { openAnother } = ctx.hooks;
  if (openAnother !== undefined)
    describe('several instances on one log', () => {
      it(
        "a second instance reads the first one's appends and is held to the same revisions",
        async () => {
          const subject = ctx.subject();
          const { store } = subject;
          await withAnother(
            () => openAnother(subject),
            async (other) => {
              const stream = uniqueStream('another');
              const appended = await store.appendToStream(stream, newEvents(2));
              expect(await other.streamExists(stream)).toBe(true);
              expect((await other.readStream(stream)).map((event) => event.eventId)).toEqual(
                (await store.readStream(stream)).map((event) => event.eventId),
              );
              expect(
                (await other.readAll({ after: appended.position - 1n, maxCount: 1 })).map((event) => event.position),
              ).toEqual([appended.position]);
              expect(await other.headPosition()).toBeDefined();
              expectConflict(await catchError(other.appendToStream(stream, newEvents(1, 2), { expectedRevision: 0 })), {
                streamName: stream,
                expected: 0,
                actual: 1,
              });
              await other.appendToStream(stream, newEvents(1, 2), { expectedRevision: 1 });
              expect(await store.readStream(stream)).toHaveLength(3);
            },
          );
        },
        timeoutMs,
      );

      it(
        "a second instance's subscription delivers the first one's appends live",
        async () => {
          const subject = ctx.subject();
          const { store } = subject;
          await withAnother(
            () => openAnother(subject),
            async (other) => {
              const stream = uniqueStream('anotherlive');
              const head = await other.headPosition();
              const reader = new SubscriptionReader(other.subscribeToAll(head === undefined ? {} : { after: head }));
              await reader.readUntil((message) => message.kind === 'caught-up', wait);
              await store.appendToStream(stream, newEvents(1));
              const messages = await reader.readUntil(
                (message) => message.kind === 'event' && message.event.streamName === stream,
                wait,
              );
              expect(
                messages.filter((message) => message.kind === 'event' && message.event.streamName === stream),
              ).toHaveLength(1);
              await reader.subscription.unsubscribe();
            },
          );
        },
        timeoutMs,
      );
    });

  describe('close', () => {
    it(
      'ends open subscriptions (they finish, or fail with a StoreError) and may be called twice',
      async () => {
        const store = ctx.store();
        await store.appendToStream(uniqueStream('close'), newEvents(1));
        const head = await store.headPosition();
        const reader = new SubscriptionReader(store.subscribeToAll(head === undefined ? {} : { after: head }));
        await reader.readUntil((message) => message.kind === 'caught-up', wait);
        const pending = reader.next(wait).catch((error: unknown) => error);
        await store.close();
        const result = await pending;
        if (result instanceof Error) expect(result).toBeInstanceOf(StoreError);
        else expect(result).toMatchObject({ done: true });
        await store.close();
      },
      timeoutMs,
    );
  });
}
