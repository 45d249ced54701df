import {
  StoreUnavailableError,
  type EventStore,
  type Subscription,
  type SubscriptionMessage,
} from '@salesbook/eventstore';

/** A store that can be taken away and brought back by the test. */
export interface SwitchableStore {
  readonly store: EventStore;
  goAway(): void;
  comeBack(): void;
}

/**
 * Puts a real store behind a switch: while it is away every call fails with the port's `StoreUnavailableError` (what
 * the SQLite adapter raises for a locked or failing file) and every live subscription ends with it. A fault injector,
 * because nothing real makes an open SQLite file unreadable to its process (a root test process ignores permissions,
 * and an open descriptor outlives a rename or a chmod); everything behind the switch is the real store.
 */
export function switchable(inner: EventStore): SwitchableStore {
  let away = false;
  const waiting = new Set<(error: Error) => void>();
  const unavailable = (): StoreUnavailableError => new StoreUnavailableError('the event store went away (test switch)');
  const guard = <T>(call: () => Promise<T>): Promise<T> => (away ? Promise.reject(unavailable()) : call());

  /** Settles with the next message of `iterator`, or fails as soon as the store goes away. */
  const nextOrAway = (iterator: AsyncIterator<SubscriptionMessage>): Promise<IteratorResult<SubscriptionMessage>> => {
    if (away) return Promise.reject(unavailable());
    let fail: ((error: Error) => void) | undefined;
    const gone = new Promise<never>((_resolve, reject) => {
      fail = reject;
      waiting.add(reject);
    });
    return Promise.race([iterator.next(), gone]).finally(() => fail && waiting.delete(fail));
  };

  const interruptible = (subscription: Subscription): Subscription => ({
    unsubscribe: () => subscription.unsubscribe(),
    async *[Symbol.asyncIterator]() {
      const iterator = subscription[Symbol.asyncIterator]();
      try {
        for (let next = await nextOrAway(iterator); next.done !== true; next = await nextOrAway(iterator))
          yield next.value;
      } finally {
        await subscription.unsubscribe();
      }
    },
  });

  const store: EventStore = {
    appendToStream: (streamName, events, options) => guard(() => inner.appendToStream(streamName, events, options)),
    appendMany: (appends) => guard(() => inner.appendMany(appends)),
    readStream: (streamName, options) => guard(() => inner.readStream(streamName, options)),
    readAll: (options) => guard(() => inner.readAll(options)),
    subscribeToAll: (options) => interruptible(inner.subscribeToAll(options)),
    streamExists: (streamName) => guard(() => inner.streamExists(streamName)),
    headPosition: () => guard(() => inner.headPosition()),
    bindIdempotencyKey: (binding) => guard(() => inner.bindIdempotencyKey(binding)),
    close: () => inner.close(),
  };
  return {
    store,
    goAway() {
      away = true;
      for (const fail of waiting) fail(unavailable());
      waiting.clear();
    },
    comeBack() {
      away = false;
    },
  };
}
