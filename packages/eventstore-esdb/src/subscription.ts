import { excludeSystemEvents, START, type AllStreamResolvedEvent, type AllStreamSubscription, type EventStoreDBClient } from '@eventstore/db-client';
import type { StoreError, Subscription, SubscriptionMessage } from '@salesbook/eventstore';
import { isSystemType, toRecordedEvent } from './convert.js';
import { decodePosition } from './position.js';
import { translateEsdbError } from './translate-error.js';

/** Messages held for a slow reader before the adapter stops taking more from the client (backpressure). */
const HIGH_WATER = 256;

type Waiter = { resolve: (result: IteratorResult<SubscriptionMessage>) => void; reject: (error: StoreError) => void };

/**
 * The port's subscription over the client's `subscribeToAll`. The server filters system events
 * (`excludeSystemEvents`) and the adapter drops any that still come. The client announces the end of
 * the catch-up with a `caughtUp` event beside its stream of events; the events before it are then in
 * the stream's buffer, so the `caught-up` message is placed after exactly that many of them.
 */
export class EsdbSubscription implements Subscription {
  private readonly source: AllStreamSubscription;
  private readonly queue: SubscriptionMessage[] = [];
  private readonly waiters: Waiter[] = [];
  private lastPosition: bigint | undefined;
  private caughtUpAfter: number | undefined;
  private saidCaughtUp = false;
  private failure: StoreError | undefined;
  private ended = false;

  constructor(client: EventStoreDBClient, after: bigint | undefined, private readonly onEnd: (subscription: EsdbSubscription) => void) {
    this.lastPosition = after;
    this.source = client.subscribeToAll({ fromPosition: after === undefined ? START : decodePosition(after), filter: excludeSystemEvents() });
    this.source.on('readable', () => this.pump());
    this.source.on('caughtUp', () => {
      if (this.saidCaughtUp || this.caughtUpAfter !== undefined) return;
      this.caughtUpAfter = this.source.readableLength;
      this.pump();
    });
    this.source.on('error', (error: unknown) => this.fail(translateEsdbError(error, { operation: 'subscribeToAll' })));
    this.source.on('end', () => void this.unsubscribe());
  }

  /** Moves messages from the client's buffer to ours, in order, up to the high-water mark. */
  private pump(): void {
    while (!this.ended && this.queue.length < HIGH_WATER) {
      if (this.caughtUpAfter === 0) {
        this.caughtUpAfter = undefined;
        this.saidCaughtUp = true;
        this.deliver({ kind: 'caught-up', position: this.lastPosition });
        continue;
      }
      const resolved = this.source.read() as AllStreamResolvedEvent | null;
      if (resolved === null) return;
      if (this.caughtUpAfter !== undefined) this.caughtUpAfter -= 1;
      const event = resolved.event;
      if (event === undefined || isSystemType(event.type)) continue;
      try {
        const recorded = toRecordedEvent(resolved);
        if (recorded === undefined) continue;
        this.lastPosition = recorded.position;
        this.deliver({ kind: 'event', event: recorded });
      } catch (error) {
        this.fail(translateEsdbError(error, { operation: 'subscribeToAll' }));
      }
    }
  }

  private deliver(message: SubscriptionMessage): void {
    const waiter = this.waiters.shift();
    if (waiter === undefined) this.queue.push(message);
    else waiter.resolve({ value: message, done: false });
  }

  private fail(error: StoreError): void {
    if (this.ended) return;
    this.failure = error;
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
    void this.unsubscribe();
  }

  private next(): Promise<IteratorResult<SubscriptionMessage>> {
    const message = this.queue.shift();
    if (message !== undefined) {
      this.pump();
      return Promise.resolve({ value: message, done: false });
    }
    if (this.failure !== undefined) {
      const failure = this.failure;
      this.failure = undefined;
      return Promise.reject(failure);
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.pump();
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    return {
      next: () => this.next(),
      return: async () => {
        await this.unsubscribe();
        return { value: undefined, done: true };
      },
    };
  }

  /** Ends the iteration at once (waiting readers get `done`) and cancels the server call. */
  async unsubscribe(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.queue.length = 0;
    for (const waiter of this.waiters.splice(0)) waiter.resolve({ value: undefined, done: true });
    this.onEnd(this);
    await this.source.unsubscribe().catch(() => undefined);
  }
}
