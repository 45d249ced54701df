import {
  StoreUnavailableError,
  type EventStore,
  type RecordedEvent,
  type Subscription,
  type SubscriptionMessage,
} from '@salesbook/eventstore';
import { readEverything } from '../support/read-all.js';

/**
 * A read-only view of `store` that ends at `upTo`: a scratch rebuild through it stops exactly where the
 * live read model's checkpoint is, so the two can be compared even when the live one lags the store.
 * Its subscription delivers the events up to `upTo`, says it caught up, and then waits for unsubscribe.
 */
export function cappedStore(store: EventStore, upTo: bigint | undefined): EventStore {
  const within = (event: RecordedEvent): boolean => upTo !== undefined && event.position <= upTo;
  const readOnly = (): never => {
    throw new StoreUnavailableError('the capped view of the store is read-only');
  };
  return {
    appendToStream: async () => readOnly(),
    appendMany: async () => readOnly(),
    bindIdempotencyKey: async () => readOnly(),
    readStream: (streamName, options) => store.readStream(streamName, options).then((events) => events.filter(within)),
    readAll: async (options) => (upTo === undefined ? [] : (await store.readAll(options)).filter(within)),
    subscribeToAll: (options) => subscribeUpTo(store, upTo, options?.after),
    streamExists: async (streamName) => (await store.readStream(streamName, { maxCount: 1 })).some(within),
    headPosition: async () => upTo,
    close: async () => undefined,
  };
}

function subscribeUpTo(store: EventStore, upTo: bigint | undefined, after: bigint | undefined): Subscription {
  let stopped = false;
  let wake: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (wake = resolve));
  async function* messages(): AsyncGenerator<SubscriptionMessage> {
    let last = after;
    if (upTo !== undefined) {
      for await (const event of readEverything(store, after)) {
        if (stopped || event.position > upTo) break;
        last = event.position;
        yield { kind: 'event', event };
      }
    }
    if (stopped) return;
    yield { kind: 'caught-up', position: last };
    await ended;
  }
  const iterator = messages();
  return {
    [Symbol.asyncIterator]: () => iterator,
    unsubscribe: async () => {
      stopped = true;
      wake();
    },
  };
}
