import {
  excludeSystemEvents,
  START,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import {
  StoreUnavailableError,
  type StoreError,
  type Subscription,
  type SubscriptionMessage,
} from '@salesbook/eventstore';
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

  constructor(
    client: EventStoreDBClient,
    after: bigint | undefined,
    private readonly onEnd: (subscription: EsdbSubscription) => void,
  ) {
    this.lastPosition = after;
    this.source = client.subscribeToAll({
      fromPosition: after === undefined ? START : decodePosition(after),
      filter: excludeSystemEvents(),
    });
    this.source.on('readable', () => this.pump());
    this.source.on('caughtUp', () => {
      if (this.saidCaughtUp || this.caughtUpAfter !== undefined) return;
      this.caughtUpAfter = this.source.readableLength;
      this.pump();
    });
    this.source.on('error', (error: unknown) => this.fail(translateEsdbError(error, { operation: 'subscribeToAll' })));
    // A subscription has no natural end: the server ending it means it was dropped.
    this.source.on('end', () =>
      this.fail(
        new StoreUnavailableError('EventStoreDB ended the subscription; subscribe again from the last position'),
      ),
    );
  }

  /** Moves messages from the client's buffer to ours, in order, up to the high-water mark. */
  private pump(): void {
    while (!this.ended && this.failure === undefined && this.queue.length < HIGH_WATER) {
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

  /** Ends the subscription with `error`, after the messages already queued are read. */
  private fail(error: StoreError): void {
    if (this.ended || this.failure !== undefined) return;
    this.failure = error;
    const waiting = this.waiters.splice(0);
    // A waiting reader has read everything queued: it gets the error, and the iteration is over.
    if (waiting.length > 0) this.ended = true;
    for (const waiter of waiting) waiter.reject(error);
    this.onEnd(this);
    void this.source.unsubscribe().catch(() => undefined);
  }

  private next(): Promise<IteratorResult<SubscriptionMessage>> {
    const message = this.queue.shift();
    if (message !== undefined) {
      this.pump();
      return Promise.resolve({ value: message, done: false });
    }
    if (this.failure !== undefined && !this.ended) {
      this.ended = true;
      return Promise.reject(this.failure);
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
    // After a failure the call is already cancelled and the store told.
    if (this.failure !== undefined) return;
    this.onEnd(this);
    await this.source.unsubscribe().catch(() => undefined);
  }
}
