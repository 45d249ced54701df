import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { IdempotencyKeyBinding } from '../../idempotency-keys.js';
import type { ContractContext, ContractSubject } from './context.js';
import { SubscriptionReader, uniqueStream, newEvents } from './fixtures.js';

const binding = (key: string, fingerprint: string, boundAt = '2026-03-01T08:00:00.000Z'): IdempotencyKeyBinding => ({
  key,
  fingerprint,
  boundAt,
});

/** Idempotency keys bind to their first fingerprint, concurrently, across instances, and out of the event log. */
export function describeIdempotencyContract<S extends ContractSubject>(ctx: ContractContext<S>): void {
  const { timeoutMs } = ctx.options;
  const { openAnother } = ctx.hooks;

  describe('bindIdempotencyKey', () => {
    it(
      'binds a key on first use, answers same for its fingerprint and reused (with the first time) for another',
      async () => {
        const store = ctx.store();
        const key = `rep-1:${randomUUID()}`;
        expect(await store.bindIdempotencyKey(binding(key, 'a'.repeat(64)))).toEqual({ kind: 'bound' });
        expect(await store.bindIdempotencyKey(binding(key, 'a'.repeat(64), '2026-03-02T08:00:00.000Z'))).toEqual({
          kind: 'same',
        });
        expect(await store.bindIdempotencyKey(binding(key, 'b'.repeat(64), '2026-03-02T08:00:00.000Z'))).toEqual({
          kind: 'reused',
          boundAt: '2026-03-01T08:00:00.000Z',
        });
        expect(await store.bindIdempotencyKey(binding(`rep-2:${key.slice(6)}`, 'b'.repeat(64)))).toEqual({
          kind: 'bound',
        });
      },
      timeoutMs,
    );

    it(
      'lets exactly one of concurrent first uses with different fingerprints bind the key',
      async () => {
        const store = ctx.store();
        const key = `rep-1:${randomUUID()}`;
        const outcomes = await Promise.all(
          ['f1', 'f2', 'f3', 'f4'].map((fingerprint) => store.bindIdempotencyKey(binding(key, fingerprint))),
        );
        expect(outcomes.filter((outcome) => outcome.kind === 'bound')).toHaveLength(1);
        expect(outcomes.filter((outcome) => outcome.kind === 'reused')).toHaveLength(3);
      },
      timeoutMs,
    );

    it(
      'keeps bindings out of reads and subscriptions of the event log',
      async () => {
        const store = ctx.store();
        const stream = uniqueStream('idempotency');
        await store.appendToStream(stream, newEvents(1));
        const head = await store.headPosition();
        const reader = new SubscriptionReader(store.subscribeToAll(head === undefined ? {} : { after: head }));
        await reader.readUntil((message) => message.kind === 'caught-up', Math.min(timeoutMs, 10_000));
        await store.bindIdempotencyKey(binding(`rep-1:${randomUUID()}`, 'c'));
        await store.appendToStream(stream, newEvents(1, 1));
        const messages = await reader.readUntil((message) => message.kind === 'event', Math.min(timeoutMs, 10_000));
        expect(messages.flatMap((message) => (message.kind === 'event' ? [message.event.streamName] : []))).toEqual([
          stream,
        ]);
        expect(
          (await store.readAll(head === undefined ? {} : { after: head })).map((event) => event.streamName),
        ).toEqual([stream]);
        expect(await store.headPosition()).toBe((await store.readStream(stream)).at(-1)?.position);
        await reader.subscription.unsubscribe();
      },
      timeoutMs,
    );

    if (openAnother !== undefined)
      it(
        'holds a binding for a second instance on the same log',
        async () => {
          const subject = ctx.subject();
          const { store } = subject;
          const other = await openAnother(subject);
          try {
            const key = `rep-1:${randomUUID()}`;
            expect(await store.bindIdempotencyKey(binding(key, 'first'))).toEqual({ kind: 'bound' });
            expect(await other.bindIdempotencyKey(binding(key, 'second'))).toEqual({
              kind: 'reused',
              boundAt: '2026-03-01T08:00:00.000Z',
            });
            expect(await other.bindIdempotencyKey(binding(key, 'first'))).toEqual({ kind: 'same' });
          } finally {
            await other.close();
          }
        },
        timeoutMs,
      );
  });
}
