import { expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from '../../errors.js';
import type { ExpectedRevision, Json, NewEvent, Subscription, SubscriptionMessage } from '../../port.js';

/** A stream name no other test (or other run against a shared server) uses. */
export const uniqueStream = (label: string): string => `contract${label}-${randomUUID()}`;

/** An event with a fresh id and business-like metadata. */
export const newEvent = (
  type = 'ThingHappened',
  data: Json = { n: 1 },
  metadata: { readonly [key: string]: Json } = {},
): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: { occurredAt: '2024-03-01T08:00:00.000Z', actor: { id: 'rep-1', role: 'sales_rep' }, ...metadata },
});

/** `count` events numbered from `from` in their data. */
export const newEvents = (count: number, from = 0): NewEvent[] =>
  Array.from({ length: count }, (_, index) => newEvent('ThingHappened', { n: from + index }));

/** `items[index]`, failing the test when there is none. */
export function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`expected an item at index ${index} of ${items.length}`);
  return item;
}

/** The rejection of `promise`, failing the test if it resolves. */
export async function catchError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the operation to be refused, but it succeeded');
}

/** Asserts a typed revision conflict with its details. */
export function expectConflict(
  error: unknown,
  details: { streamName: string; expected: ExpectedRevision; actual: number | 'no_stream' },
): void {
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject({ code: 'STREAM_REVISION_CONFLICT', ...details });
}

/** Resolves after `ms`; `cancel` clears the timer so no handle outlives a test. */
function delay(ms: number): { promise: Promise<'timeout'>; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** Reads a subscription message by message with deadlines, keeping one pending read across calls. */
export class SubscriptionReader {
  private readonly iterator: AsyncIterator<SubscriptionMessage>;
  private pending: Promise<IteratorResult<SubscriptionMessage>> | undefined;

  constructor(readonly subscription: Subscription) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  /** The next result, or `'timeout'` if none came within `ms`. */
  async next(ms: number): Promise<IteratorResult<SubscriptionMessage> | 'timeout'> {
    this.pending ??= this.iterator.next();
    const timeout = delay(ms);
    const result = await Promise.race([this.pending, timeout.promise]);
    timeout.cancel();
    if (result !== 'timeout') this.pending = undefined;
    return result;
  }

  /** Messages up to and including the first that satisfies `until`; fails on a timeout or an early end. */
  async readUntil(until: (message: SubscriptionMessage) => boolean, ms: number): Promise<SubscriptionMessage[]> {
    const deadline = Date.now() + ms;
    const read: SubscriptionMessage[] = [];
    for (;;) {
      const result = await this.next(Math.max(1, deadline - Date.now()));
      if (result === 'timeout' || result.done === true) {
        const events = read.filter((message) => message.kind === 'event').length;
        throw new Error(
          `subscription ${result === 'timeout' ? 'timed out' : 'ended'} after ${read.length} messages (${events} events)`,
        );
      }
      read.push(result.value);
      if (until(result.value)) return read;
    }
  }
}

/** The events among `messages` that belong to `streams`, as `stream/revision` labels. */
export const eventsIn = (messages: readonly SubscriptionMessage[], streams: ReadonlySet<string>): string[] =>
  messages.flatMap((message) =>
    message.kind === 'event' && streams.has(message.event.streamName)
      ? [`${message.event.streamName}/${message.event.revision}`]
      : [],
  );
