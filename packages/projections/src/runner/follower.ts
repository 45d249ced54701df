import type { EventStore, RecordedEvent, Subscription } from '@salesbook/eventstore';
import type { HeldBatch, SharedBatches } from './shared-batches.js';
import type { LiveTail, TailMember } from './live-tail.js';
import type { PageReader } from './page-reader.js';
import { describeError } from './stored-event.js';
import type { TableSet, TableSetSnapshot } from './table-set.js';

/** Where a follower is: reading history, applying live events, or ended (by stop or by a failure). */
export type FollowerPhase = 'catching-up' | 'live' | 'ended';

/**
 * Feeds one table set from the store's catch-up subscription. Events are buffered and applied in batches:
 * when `batchSize` are waiting, when the subscription reports it caught up, and otherwise as soon as the
 * event loop is idle (one `setImmediate` per batch), so live events are applied within a tick, or, live, with the
 * other live followers' after up to the shared delay of `liveBatches` when given and nobody waits on a position. Once its own
 * subscription has caught up, the follower joins the runner's shared {@link LiveTail} (when given) and ends
 * its own: live events are then read once for all followers.
 */
export class Follower {
  private subscription: Subscription | undefined;
  /** Set while the follower receives from the shared tail; `leave` ends that. */
  private membership: { readonly member: TailMember; readonly left: Promise<void>; leave: () => void } | undefined;
  /** The position up to which the follower has taken every event (from its pages, subscription or tail). */
  private read: bigint | undefined;
  private buffer: RecordedEvent[] = [];
  /** Events of the log taken from pages since the last batch, handled by the projection or not. */
  private sinceBatch = 0;
  /** Catching up, a batch of pages that is due, held for the shared transaction: its events and its checkpoint. */
  private due: { readonly events: RecordedEvent[]; readonly through: bigint } | undefined;
  /** A flush queued for the next turn of the event loop. */
  private flushSoon = false;
  /** This follower's part in the shared batches (see `liveBatches` and `catchUpBatches`). */
  private readonly held: HeldBatch = {
    apply: () => {
      this.beforeHeld = this.set.snapshot();
      // Catching up, the due batch only: the events taken since its end belong to the next one.
      this.flush(undefined, this.due === undefined);
    },
    rolledBack: (failure) => {
      if (this.beforeHeld !== undefined) this.set.restore(this.beforeHeld);
      this.fail(failure);
    },
  };
  /** The table set as it was before the held batch last applied in the shared transaction. */
  private beforeHeld: TableSetSnapshot | undefined;
  private caughtUp = false;
  private retired = false;
  private done: Promise<void> = Promise.resolve();
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private markEnded: () => void = () => undefined;
  /** Resolves once the follower has ended, by `stop` or on its own (see `failure`): its supervisor's cue. */
  readonly ended: Promise<void> = new Promise((resolve) => (this.markEnded = resolve));
  private positionWaiters: { position: bigint; resolve: () => void; reject: (error: Error) => void }[] = [];
  /** Why the follower ended on its own (a store or database failure), if it did. */
  failure: string | undefined;
  /** Events received from the subscription since start. */
  received = 0;
  /** Events in the store after the checkpoint at start, once counted. */
  backlog: number | undefined;
  phase: FollowerPhase = 'catching-up';

  private stopping = false;

  constructor(
    private readonly store: EventStore,
    readonly set: TableSet,
    private readonly batchSize: number,
    private readonly onBatch: (outcome: ReturnType<TableSet['applyBatch']>) => void = () => undefined,
    /** Shared full pages of the log for catching up (see PageReader); without it the subscription does it all. */
    private readonly pages?: PageReader,
    /** The runner's shared live subscription; without it the follower keeps its own. */
    private readonly tail?: LiveTail,
    /**
     * Once caught up, live events wait here for the other live followers' to share one transaction (without it:
     * applied on the next turn of the event loop). A waiter on a position (`whenAt`) is never kept waiting by it.
     */
    private readonly liveBatches?: SharedBatches,
    /**
     * Catching up from pages, a due batch waits here for the other catching-up followers' (which take the same pages
     * in the same turn of the event loop) so that one transaction carries them all; without it each applies its own.
     */
    private readonly catchUpBatches?: SharedBatches,
  ) {}

  /** Catches up from the table set's checkpoint (full pages first, when shared), then follows the subscription. */
  start(): void {
    this.done = this.catchUp().then((after) => {
      if (this.stopping || this.failure !== undefined) return this.end();
      this.read = after;
      this.subscription = this.store.subscribeToAll(after === undefined ? {} : { after });
      return this.consume(this.subscription);
    });
  }

  /** Applies shared full pages of history while there are any; answers the position the subscription starts after. */
  private async catchUp(): Promise<bigint | undefined> {
    let after = this.set.position;
    if (this.pages === undefined) return after;
    try {
      while (!this.stopping && this.failure === undefined) {
        const page = await this.pages.read(after);
        // A short page ends at the head: the subscription delivers it, then says it caught up.
        if (page.length < this.pages.pageSize) break;
        this.takePage(page);
        after = page[page.length - 1]?.position ?? after;
        // A synchronous store resolves at once: let timers and I/O (the API's requests) in between pages.
        await new Promise((resolve) => setImmediate(resolve));
      }
      // Up to the last full page, whether or not its last events were the projection's.
      this.flush(after);
    } catch (error) {
      this.failure = describeError(error);
    }
    return after;
  }

  /**
   * Takes a page of history: only the event types the projection handles (all when it does not say), applied every
   * `batchSize` events of the log across pages (a bigger batch writes each row it changes once for more events). A
   * batch that took none of the projection's events is not applied: there is nothing to write but the checkpoint.
   */
  private takePage(page: readonly RecordedEvent[]): void {
    const handles = this.set.projection.handles;
    for (const event of page) {
      if (event.type.startsWith('$')) continue;
      this.received += 1;
      this.sinceBatch += 1;
      if (handles === undefined || handles.has(event.type)) this.buffer.push(event);
      if (this.sinceBatch < this.batchSize) continue;
      this.sinceBatch = 0;
      if (this.buffer.length > 0) this.batchDue(event.position);
    }
  }

  /** A batch of pages is due up to `through`: applied now, or held for the catching-up followers' shared transaction. */
  private batchDue(through: bigint): void {
    const shared = this.catchUpBatches;
    if (shared === undefined) return this.flush(through);
    // The last due batch still waits: apply every held batch now, so that one at most waits.
    if (this.due !== undefined) shared.applyHeld();
    this.due = { events: this.buffer, through };
    this.buffer = [];
    shared.hold(this.held);
  }

  private take(event: RecordedEvent): void {
    this.received += 1;
    this.buffer.push(event);
    if (this.buffer.length >= this.batchSize) this.flush();
  }

  /** Events received but not yet applied. */
  get pending(): number {
    return this.buffer.length + (this.due?.events.length ?? 0);
  }

  /** Events not yet applied: the pending ones once live, else what is left of the counted backlog. */
  lag(unknown: number): number {
    if (this.phase === 'live') return this.pending;
    if (this.backlog === undefined) return unknown;
    return Math.max(this.pending, this.backlog - this.received + this.pending);
  }

  /** Resolves once the subscription has caught up and everything received up to then is applied. */
  whenLive(): Promise<void> {
    if (this.phase === 'live') return Promise.resolve();
    if (this.phase === 'ended') return Promise.reject(new Error(this.failure ?? 'the follower was stopped'));
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Resolves once the checkpoint has reached `position` (read your writes: pass an append's position). */
  whenAt(position: bigint): Promise<void> {
    const current = this.set.position;
    if (current !== undefined && current >= position) return Promise.resolve();
    if (this.phase === 'ended') return Promise.reject(new Error(this.failure ?? 'the follower was stopped'));
    return new Promise((resolve, reject) => {
      this.positionWaiters.push({ position, resolve, reject });
      // The position may be among the events held back for a later batch: someone is waiting, apply them now.
      if (this.pending > 0) this.scheduleFlush();
    });
  }

  /** Ends the subscription; applies what was received unless `discard` (a swapped-out generation). */
  async stop(options: { discard?: boolean } = {}): Promise<void> {
    if (options.discard === true) this.retired = true;
    this.stopping = true;
    const membership = this.membership;
    if (membership !== undefined) {
      try {
        await this.tail?.leave(membership.member);
      } finally {
        membership.leave();
      }
    }
    await this.subscription?.unsubscribe();
    await this.done;
  }

  private async consume(subscription: Subscription): Promise<void> {
    try {
      for await (const message of subscription) {
        if (message.kind === 'caught-up') {
          this.caughtUp = true;
          this.read = message.position ?? this.read;
        } else {
          this.take(message.event);
          this.read = message.event.position;
          if (this.buffer.length > 0) this.scheduleFlush();
        }
        if (this.caughtUp && this.joinTail()) break;
        if (message.kind === 'caught-up') this.flush();
      }
      if (this.membership !== undefined) {
        await subscription.unsubscribe();
        this.flush();
        await this.membership.left;
      }
      this.flush();
    } catch (error) {
      this.failure = describeError(error);
    }
    this.end();
  }

  /** Moves from the own subscription to the shared tail, when the tail still has every event after `read`. */
  private joinTail(): boolean {
    if (this.tail === undefined || this.stopping || this.failure !== undefined) return false;
    let leave = (): void => undefined;
    const left = new Promise<void>((resolve) => (leave = resolve));
    const member: TailMember = {
      take: (event) => {
        this.take(event);
        this.read = event.position;
        if (this.buffer.length > 0) this.scheduleFlush();
      },
      end: (failure) => {
        this.failure ??= failure;
        leave();
      },
    };
    this.membership = { member, left, leave };
    if (this.tail.join(member, this.read)) return true;
    this.membership = undefined;
    return false;
  }

  private end(): void {
    this.phase = 'ended';
    this.markEnded();
    const ended = new Error(this.failure ?? 'the follower was stopped');
    for (const waiter of [...this.waiters.splice(0), ...this.positionWaiters.splice(0)]) waiter.reject(ended);
  }

  /**
   * Applies the buffer on the next turn of the event loop; live, with nobody waiting on a position, with the shared
   * live batches instead, so that under a steady write load one transaction (and one checkpoint write) carries the
   * events of several commands for every projection rather than one each.
   */
  private scheduleFlush(): void {
    if (this.flushSoon) return;
    if (this.caughtUp && this.liveBatches !== undefined && this.positionWaiters.length === 0) {
      this.liveBatches.hold(this.held);
      return;
    }
    this.flushSoon = true;
    setImmediate(() => {
      this.flushSoon = false;
      this.flush();
    });
  }

  /**
   * Applies the due batch (if any), then the buffer unless not `withBuffer`; with `through`, the checkpoint moves there
   * (past events the projection skipped).
   */
  private flush(through?: bigint, withBuffer = true): void {
    this.liveBatches?.release(this.held);
    this.catchUpBatches?.release(this.held);
    if (this.retired || this.failure !== undefined) return;
    const due = this.due;
    this.due = undefined;
    const batch = withBuffer ? this.buffer : [];
    if (withBuffer) this.buffer = [];
    try {
      if (due !== undefined) this.onBatch(this.set.applyBatch(due.events, due.through));
      if (batch.length > 0 || through !== undefined) this.onBatch(this.set.applyBatch(batch, through));
    } catch (error) {
      // The batch rolled back with its checkpoint; a restart re-reads it from the store.
      this.fail(describeError(error));
      return;
    }
    const reached = this.set.position;
    if (reached !== undefined && this.positionWaiters.length > 0) {
      const [done, waiting] = partition(this.positionWaiters, (waiter) => waiter.position <= reached);
      this.positionWaiters = waiting;
      for (const waiter of done) waiter.resolve();
    }
    if (this.caughtUp && this.pending === 0 && this.phase === 'catching-up') {
      this.phase = 'live';
      for (const waiter of this.waiters.splice(0)) waiter.resolve();
    }
  }

  /** Ends the follower after a batch that did not reach the file; a restart re-reads it from the checkpoint. */
  private fail(failure: string): void {
    this.failure ??= failure;
    void this.subscription?.unsubscribe();
    const membership = this.membership;
    if (membership !== undefined) void this.tail?.leave(membership.member).then(membership.leave, membership.leave);
  }
}

const partition = <T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] => [
  items.filter(test),
  items.filter((item) => !test(item)),
];
