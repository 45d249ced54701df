import { createMemoryEventStore, type EventStore, type RecordedEvent, type Subscription } from '@salesbook/eventstore';
import { append } from '../testing/counting-projection.js';
import { LiveTail, type TailMember } from './live-tail.js';

/** A member that records the positions it was given, and how it ended. */
function recorder(): TailMember & {
  positions: bigint[];
  ended: string | undefined;
  until: (position: bigint) => Promise<void>;
} {
  const waiting: { position: bigint; resolve: () => void }[] = [];
  const member = {
    positions: [] as bigint[],
    ended: undefined as string | undefined,
    take(event: RecordedEvent) {
      member.positions.push(event.position);
      for (const waiter of waiting.filter((w) => w.position <= event.position)) waiter.resolve();
    },
    end(failure: string) {
      member.ended = failure;
    },
    until(position: bigint) {
      if ((member.positions.at(-1) ?? 0n) >= position) return Promise.resolve();
      return new Promise<void>((resolve) => waiting.push({ position, resolve }));
    },
  };
  return member;
}

const range = (from: number, to: number): bigint[] => Array.from({ length: to - from + 1 }, (_, i) => BigInt(from + i));

async function appendCount(store: EventStore, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await append(store, `order-${i % 3}`, i);
}

describe('LiveTail', () => {
  it('gives every member each event after its position once and in order, replaying kept events to a member that joins behind', async () => {
    const store = createMemoryEventStore();
    await appendCount(store, 3);
    const tail = new LiveTail(store, 4);
    const first = recorder();
    expect(tail.join(first, 3n)).toBe(true);
    await appendCount(store, 4);
    await first.until(7n);

    // Joins at 5 while the tail is at 7: gets 6 and 7 from the kept events at once, then the live ones.
    const behind = recorder();
    expect(tail.join(behind, 5n)).toBe(true);
    expect(behind.positions).toEqual([6n, 7n]);
    // Joins ahead of the tail (its own reads went further): nothing before 9 is given to it twice.
    const ahead = recorder();
    expect(tail.join(ahead, 9n)).toBe(true);
    await appendCount(store, 5);
    await Promise.all([first.until(12n), behind.until(12n), ahead.until(12n)]);

    expect(first.positions).toEqual(range(4, 12));
    expect(behind.positions).toEqual(range(6, 12));
    expect(ahead.positions).toEqual(range(10, 12));
    await Promise.all([tail.leave(first), tail.leave(behind), tail.leave(ahead)]);
    expect(tail.subscribed).toBe(false);
  });

  it('refuses a member behind the events it keeps, which then reads on its own and joins later', async () => {
    const store = createMemoryEventStore();
    const tail = new LiveTail(store, 2);
    const first = recorder();
    expect(tail.join(first, undefined)).toBe(true);
    await appendCount(store, 6);
    await first.until(6n);
    // At most 2 x 2 kept, at least 2: position 1 is no longer covered.
    expect(tail.join(recorder(), 1n)).toBe(false);
    const late = recorder();
    expect(tail.join(late, 4n)).toBe(true);
    expect(late.positions).toEqual([5n, 6n]);
    await tail.leave(first);
    expect(tail.subscribed).toBe(true);
    await tail.leave(late);
    expect(tail.subscribed).toBe(false);
  });

  it('drops a member that throws and keeps delivering to the others', async () => {
    const store = createMemoryEventStore();
    const tail = new LiveTail(store);
    const healthy = recorder();
    const broken: TailMember & { ended: string | undefined } = {
      ended: undefined,
      take(event) {
        if (event.position === 2n) throw new Error('cannot take 2');
      },
      end(failure) {
        broken.ended = failure;
      },
    };
    tail.join(broken, undefined);
    tail.join(healthy, undefined);
    await appendCount(store, 4);
    await healthy.until(4n);
    expect(healthy.positions).toEqual(range(1, 4));
    expect(broken.ended).toBe('cannot take 2');
    expect(tail.size).toBe(1);
    await tail.leave(healthy);
  });

  it('ends every member when the store subscription fails, and a later join subscribes afresh', async () => {
    const inner = createMemoryEventStore();
    let failNext = true;
    const store: EventStore = {
      ...inner,
      subscribeToAll(options): Subscription {
        const subscription = inner.subscribeToAll(options);
        if (!failNext) return subscription;
        failNext = false;
        return {
          unsubscribe: () => subscription.unsubscribe(),
          async *[Symbol.asyncIterator]() {
            for await (const message of subscription) {
              if (message.kind === 'event' && message.event.position === 2n) throw new Error('store unavailable');
              yield message;
            }
          },
        };
      },
    };
    const tail = new LiveTail(store);
    const [a, b] = [recorder(), recorder()];
    tail.join(a, undefined);
    tail.join(b, undefined);
    await appendCount(inner, 2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([a.ended, b.ended]).toEqual(['store unavailable', 'store unavailable']);
    expect(a.positions).toEqual([1n]);
    expect([tail.size, tail.subscribed]).toEqual([0, false]);

    const again = recorder();
    expect(tail.join(again, 1n)).toBe(true);
    await again.until(2n);
    expect(again.positions).toEqual([2n]);
    await tail.leave(again);
  });
});
