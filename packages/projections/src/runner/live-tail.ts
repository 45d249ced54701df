import type { EventStore, RecordedEvent, Subscription } from '@salesbook/eventstore';
import { describeError } from './stored-event.js';

/** Live events kept for followers that join a little behind the tail (at most twice this many are held). */
export const TAIL_KEPT = 1_000;

/** A follower's side of the {@link LiveTail}. */
export interface TailMember {
  /** One live event after the member's position; every one exactly once and in order. */
  take(event: RecordedEvent): void;
  /** The tail ended under the member (a store failure): the member no longer receives events. */
  end(failure: string): void;
}

// Positions compared with "from the start" (undefined) before every real position.
const ORIGIN = -1n;
const at = (position: bigint | undefined): bigint => position ?? ORIGIN;

/**
 * One subscription to the store for every live follower of a runner: each new event is read (and decoded
 * by the adapter) once per process and handed to each member, instead of once per projection and generation.
 * A follower joins once its own subscription has caught up, at its position: the tail hands it the kept
 * events after that position (or skips the ones it already has when it is ahead), then every later one. A
 * follower further behind than the kept events keeps reading on its own and tries again. The subscription
 * starts with the first member and ends with the last one; a store failure ends every member.
 */
export class LiveTail {
  private subscription: Subscription | undefined;
  private running: Promise<void> = Promise.resolve();
  /** Each member with the last position it was given (the tail skips events at or before it). */
  private readonly members = new Map<TailMember, bigint>();
  /** The non-system events delivered in (`from`, `reached`], oldest first. */
  private kept: RecordedEvent[] = [];
  private from = ORIGIN;
  private reached = ORIGIN;

  constructor(
    private readonly store: EventStore,
    /** Events kept for late joiners (between this and twice this many). */
    private readonly keep: number = TAIL_KEPT,
  ) {}

  /** Members receiving live events now. */
  get size(): number {
    return this.members.size;
  }

  /** Whether the tail holds a subscription to the store. */
  get subscribed(): boolean {
    return this.subscription !== undefined;
  }

  /**
   * Joins `member`, which has every event up to `position`: it gets the kept events after it at once, then
   * the live ones. Answers false (and joins nothing) when the tail has moved on past what it keeps.
   */
  join(member: TailMember, position: bigint | undefined): boolean {
    const after = at(position);
    if (this.subscription === undefined) this.open(position);
    else if (after < this.from) return false;
    for (const event of this.kept) if (event.position > after) member.take(event);
    // It now has everything up to the later of its position and the tail's.
    this.members.set(member, after > this.reached ? after : this.reached);
    return true;
  }

  /** Stops delivering to `member`; the last one to leave ends the store subscription (resolves once it has). */
  async leave(member: TailMember): Promise<void> {
    if (!this.members.delete(member) || this.members.size > 0) return;
    const subscription = this.subscription;
    this.reset();
    await subscription?.unsubscribe();
    await this.running;
  }

  private open(position: bigint | undefined): void {
    const subscription = this.store.subscribeToAll(position === undefined ? {} : { after: position });
    this.subscription = subscription;
    this.from = at(position);
    this.reached = this.from;
    this.running = this.consume(subscription);
  }

  private reset(): void {
    this.subscription = undefined;
    this.kept = [];
    this.from = ORIGIN;
    this.reached = ORIGIN;
  }

  private async consume(subscription: Subscription): Promise<void> {
    try {
      for await (const message of subscription) {
        if (this.subscription !== subscription) return;
        if (message.kind === 'caught-up') {
          if (at(message.position) > this.reached) this.reached = at(message.position);
          continue;
        }
        this.deliver(message.event);
      }
      // Only an unsubscribe (which detaches the subscription first) ends the iteration normally.
      if (this.subscription === subscription) this.fail('the store ended the live subscription');
    } catch (error) {
      if (this.subscription === subscription) this.fail(describeError(error));
    }
  }

  private deliver(event: RecordedEvent): void {
    this.kept.push(event);
    this.reached = event.position;
    if (this.kept.length >= 2 * this.keep) {
      const dropped = this.kept.splice(0, this.kept.length - this.keep);
      this.from = at(dropped.at(-1)?.position);
    }
    for (const [member, given] of this.members) {
      if (event.position <= given) continue;
      this.members.set(member, event.position);
      try {
        member.take(event);
      } catch (error) {
        // A member that throws is dropped alone; the others go on.
        this.members.delete(member);
        member.end(describeError(error));
      }
    }
  }

  private fail(failure: string): void {
    const members = [...this.members.keys()];
    this.members.clear();
    const subscription = this.subscription;
    this.reset();
    void subscription?.unsubscribe().catch(() => undefined);
    for (const member of members) member.end(failure);
  }
}
