import { createChangeNotifier, createPollingSubscription } from './polling-subscription.js';
import type { RecordedEvent, Subscription, SubscriptionMessage } from './port.js';

const recorded = (position: number, type = 'ThingHappened'): RecordedEvent => ({
  streamName: 'thing-1',
  revision: position - 1,
  position: BigInt(position),
  eventId: `id-${position}`,
  type,
  data: {},
  metadata: { hash: '0'.repeat(64) },
  recordedAt: '2024-01-01T00:00:00.000Z',
});

/** A log that can be read like a store, with a count of reads. */
function fakeLog() {
  const events: RecordedEvent[] = [];
  const log = {
    events,
    reads: 0,
    add(count: number, type?: string) {
      for (let i = 0; i < count; i++) events.push(recorded(events.length + 1, type));
    },
    readAll: async (after: bigint | undefined, max: number) => {
      log.reads += 1;
      const start = after === undefined ? 0 : Number(after);
      return events.slice(start, start + max);
    },
  };
  return log;
}

async function take(subscription: Subscription, count: number): Promise<SubscriptionMessage[]> {
  const taken: SubscriptionMessage[] = [];
  for await (const message of subscription) {
    taken.push(message);
    if (taken.length === count) break;
  }
  return taken;
}

const label = (message: SubscriptionMessage): string =>
  message.kind === 'event' ? String(message.event.position) : `caught-up@${String(message.position)}`;

describe('createPollingSubscription', () => {
  it('reads in pages, says caught-up once at the head, then delivers live events on notify', async () => {
    const log = fakeLog();
    const notifier = createChangeNotifier();
    log.add(5);
    const subscription = createPollingSubscription({ readAll: log.readAll, notifier, batchSize: 2 });
    const iterator = subscription[Symbol.asyncIterator]();
    const first: string[] = [];
    for (let i = 0; i < 6; i++) first.push(label((await iterator.next()).value as SubscriptionMessage));
    expect(first).toEqual(['1', '2', '3', '4', '5', 'caught-up@5']);
    const next = iterator.next();
    log.add(3);
    notifier.notify();
    expect(label((await next).value as SubscriptionMessage)).toBe('6');
    expect(label((await iterator.next()).value as SubscriptionMessage)).toBe('7');
    expect(label((await iterator.next()).value as SubscriptionMessage)).toBe('8');
    await subscription.unsubscribe();
    expect((await iterator.next()).done).toBe(true);
  });

  it('delivers every event exactly once and in order while appends continue', async () => {
    const log = fakeLog();
    const notifier = createChangeNotifier();
    log.add(50);
    const subscription = createPollingSubscription({ readAll: log.readAll, notifier, batchSize: 7 });
    const appender = (async () => {
      for (let i = 0; i < 100; i++) {
        log.add(1 + (i % 3));
        notifier.notify();
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const seen: bigint[] = [];
    for await (const message of subscription) {
      if (message.kind === 'event') seen.push(message.event.position);
      if (seen.length === 240) break;
    }
    await appender;
    expect(seen).toEqual(log.events.slice(0, 240).map((event) => event.position));
  });

  it('starts strictly after `after`, and says caught-up with no position on an empty log', async () => {
    const log = fakeLog();
    expect(
      await take(createPollingSubscription({ readAll: log.readAll, notifier: createChangeNotifier() }), 1),
    ).toEqual([{ kind: 'caught-up', position: undefined }]);
    log.add(4);
    const messages = await take(
      createPollingSubscription({ readAll: log.readAll, after: 2n, notifier: createChangeNotifier() }),
      3,
    );
    expect(messages.map(label)).toEqual(['3', '4', 'caught-up@4']);
  });

  it('skips system events but moves past them', async () => {
    const log = fakeLog();
    log.add(1);
    log.add(2, '$metadata');
    log.add(1);
    const messages = await take(
      createPollingSubscription({ readAll: log.readAll, notifier: createChangeNotifier(), batchSize: 2 }),
      3,
    );
    expect(messages.map(label)).toEqual(['1', '4', 'caught-up@4']);
  });

  it("polls without a notification, to see another process's appends", async () => {
    const log = fakeLog();
    const subscription = createPollingSubscription({ readAll: log.readAll, pollIntervalMs: 5 });
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ kind: 'caught-up', position: undefined });
    const next = iterator.next();
    log.add(1);
    expect(label((await next).value as SubscriptionMessage)).toBe('1');
    await subscription.unsubscribe();
  });

  it('a notification between a read and the wait is not lost', async () => {
    const log = fakeLog();
    const notifier = createChangeNotifier();
    const readAll = async (after: bigint | undefined, max: number) => {
      const page = await log.readAll(after, max);
      // Another append lands after this read returned but before the subscription waits.
      if (log.reads === 1) {
        log.add(1);
        notifier.notify();
      }
      return page;
    };
    const messages = await take(createPollingSubscription({ readAll, notifier }), 2);
    expect(messages.map(label)).toEqual(['caught-up@undefined', '1']);
  });

  it('unsubscribe ends a waiting iteration, and onEnd runs once however it ends', async () => {
    const log = fakeLog();
    const onEnd = jest.fn();
    const subscription = createPollingSubscription({ readAll: log.readAll, notifier: createChangeNotifier(), onEnd });
    const iterator = subscription[Symbol.asyncIterator]();
    await iterator.next();
    const waiting = iterator.next();
    await subscription.unsubscribe();
    expect((await waiting).done).toBe(true);
    await subscription.unsubscribe();
    expect(onEnd).toHaveBeenCalledTimes(1);

    const broken = jest.fn();
    await take(createPollingSubscription({ readAll: log.readAll, notifier: createChangeNotifier(), onEnd: broken }), 1);
    expect(broken).toHaveBeenCalledTimes(1);
  });

  it('a failing read fails the iteration', async () => {
    const failing = createPollingSubscription({
      readAll: () => Promise.reject(new Error('disk gone')),
      notifier: createChangeNotifier(),
    });
    await expect(take(failing, 1)).rejects.toThrow('disk gone');
  });
});

describe('createChangeNotifier', () => {
  const turn = () => new Promise((resolve) => setImmediate(resolve));

  it('wakes each waiter once per wait, on the next notify, and not after it was dropped', async () => {
    const notifier = createChangeNotifier();
    const woken: string[] = [];
    notifier.onChange(notifier.version, () => woken.push('a'));
    const dropB = notifier.onChange(notifier.version, () => woken.push('b'));
    dropB();
    notifier.notify();
    notifier.notify();
    await turn();
    expect(woken).toEqual(['a']);
    expect(notifier.version).toBe(2);
  });

  it('wakes at once (on a microtask) a waiter that has already missed a notify, unless dropped first', async () => {
    const notifier = createChangeNotifier();
    const seen = notifier.version;
    notifier.notify();
    const woken: string[] = [];
    notifier.onChange(seen, () => woken.push('late'));
    notifier.onChange(seen, () => woken.push('dropped'))();
    expect(woken).toEqual([]);
    await turn();
    expect(woken).toEqual(['late']);
  });

  it('keeps two waits of the same function apart', async () => {
    const notifier = createChangeNotifier();
    const wake = jest.fn();
    const dropFirst = notifier.onChange(notifier.version, wake);
    notifier.onChange(notifier.version, wake);
    dropFirst();
    notifier.notify();
    await turn();
    expect(wake).toHaveBeenCalledTimes(1);
  });
});

describe('a waiting polling subscription', () => {
  it('neither hangs nor loses an event when a poll tick and a notify race to end the same wait', async () => {
    const log = fakeLog();
    const notifier = createChangeNotifier();
    const subscription = createPollingSubscription({ readAll: log.readAll, notifier, pollIntervalMs: 1 });
    const iterator = subscription[Symbol.asyncIterator]();
    await iterator.next();
    for (let i = 1; i <= 20; i++) {
      const next = iterator.next();
      log.add(1);
      // The notify and the 1 ms poll tick both end the same wait: the second must be a no-op.
      await new Promise((resolve) => setTimeout(resolve, 1));
      notifier.notify();
      expect(label((await next).value as SubscriptionMessage)).toBe(String(i));
    }
    await subscription.unsubscribe();
    expect((await iterator.next()).done).toBe(true);
  });
});
