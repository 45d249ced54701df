import type { RecordedEvent, Subscription, SubscriptionMessage } from './port.js';

/**
 * Wakes waiting subscriptions when events were appended in this process. A counter (not a bare event)
 * so a notification between a read and the wait that follows it is never lost.
 */
export interface ChangeNotifier {
  /** Grows by one with every {@link ChangeNotifier.notify}. */
  readonly version: number;
  /** Says that new events may be readable. */
  notify(): void;
  /**
   * Calls `wake` once `version` differs from `seen` (on the next microtask when it already does); the function
   * returned drops the call if it has not happened yet.
   */
  onChange(seen: number, wake: () => void): () => void;
}

/**
 * A {@link ChangeNotifier} for one process. A wait is a plain callback in a set: every commit of a busy store
 * wakes each live subscription, so the wait costs no promise, no AbortController and no listener of its own.
 */
export function createChangeNotifier(): ChangeNotifier {
  let version = 0;
  const waiters = new Set<() => void>();
  return {
    get version() {
      return version;
    },
    notify() {
      version += 1;
      const woken = [...waiters];
      waiters.clear();
      for (const wake of woken) wake();
    },
    onChange(seen, wake) {
      if (version !== seen) {
        let dropped = false;
        queueMicrotask(() => dropped || wake());
        return () => {
          dropped = true;
        };
      }
      // A function of its own, so the same `wake` may wait twice and each wait is dropped alone.
      const waiter = (): void => wake();
      waiters.add(waiter);
      return () => {
        waiters.delete(waiter);
      };
    },
  };
}

/** What a polling catch-up subscription needs from its store. */
export interface PollingSubscriptionOptions {
  /** One page of the global log strictly after `after` (from the start when `undefined`). */
  readonly readAll: (after: bigint | undefined, maxCount: number) => Promise<readonly RecordedEvent[]>;
  /** Deliver events strictly after this position. */
  readonly after?: bigint;
  /** In-process wake-up on append. */
  readonly notifier?: ChangeNotifier;
  /**
   * Poll the log at this interval even without a notification, to see other processes' appends.
   * Defaults to none when a notifier is given, 250 ms otherwise.
   */
  readonly pollIntervalMs?: number;
  /** Events read per page (default 500). */
  readonly batchSize?: number;
  /** Events never delivered; by default system events (type starting with `$`). */
  readonly isSystemEvent?: (event: RecordedEvent) => boolean;
  /** Called once when the subscription ends, however it ends. */
  readonly onEnd?: () => void;
}

const isSystemType = (event: RecordedEvent): boolean => event.type.startsWith('$');

/**
 * A catch-up subscription over a store that can only be read (memory, SQLite): reads pages after the
 * last delivered position, says `caught-up` once the first short page shows the head was reached,
 * then waits for a notification or a poll tick and reads on. Every event exactly once and in order,
 * because the next read always starts strictly after the last position read.
 */
export function createPollingSubscription(options: PollingSubscriptionOptions): Subscription {
  const stop = new AbortController();
  const batchSize = options.batchSize ?? 500;
  const isSystem = options.isSystemEvent ?? isSystemType;
  const pollIntervalMs = options.pollIntervalMs ?? (options.notifier === undefined ? 250 : undefined);
  let iterator: AsyncGenerator<SubscriptionMessage, void> | undefined;
  let ended = false;
  // The wait in progress, if any: stopping ends it through this one listener.
  const waiting: { wake: (() => void) | undefined } = { wake: undefined };
  stop.signal.addEventListener('abort', () => waiting.wake?.(), { once: true });
  const end = (): void => {
    if (ended) return;
    ended = true;
    stop.abort();
    options.onEnd?.();
  };

  async function* run(): AsyncGenerator<SubscriptionMessage, void> {
    let after = options.after;
    let caughtUp = false;
    try {
      while (!stop.signal.aborted) {
        const seen = options.notifier?.version ?? 0;
        const page = await options.readAll(after, batchSize);
        for (const event of page) {
          if (stop.signal.aborted) return;
          after = event.position;
          if (!isSystem(event)) yield { kind: 'event', event };
        }
        if (stop.signal.aborted) return;
        if (page.length < batchSize) {
          if (!caughtUp) {
            caughtUp = true;
            yield { kind: 'caught-up', position: after };
          }
          await waitForSignal(options.notifier, seen, pollIntervalMs, stop.signal, waiting);
        }
      }
    } finally {
      end();
    }
  }

  return {
    [Symbol.asyncIterator]() {
      iterator ??= run();
      return iterator;
    },
    unsubscribe() {
      end();
      return Promise.resolve();
    },
  };
}

/**
 * Resolves on a notification after `seen`, a poll tick, or `stop`, whichever comes first. `stop` holds one
 * listener for the whole subscription (see {@link createPollingSubscription}); each wait only sets `waiting.wake`.
 */
function waitForSignal(
  notifier: ChangeNotifier | undefined,
  seen: number,
  pollIntervalMs: number | undefined,
  stop: AbortSignal,
  waiting: { wake: (() => void) | undefined },
): Promise<void> {
  if (stop.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    // Neither the timer nor the notifier calls `finish` before both are set up (the notifier wakes on a microtask).
    const finish = (): void => {
      if (waiting.wake !== finish) return;
      waiting.wake = undefined;
      if (timer !== undefined) clearTimeout(timer);
      cancel?.();
      resolve();
    };
    waiting.wake = finish;
    const timer = pollIntervalMs === undefined ? undefined : setTimeout(finish, pollIntervalMs);
    const cancel = notifier?.onChange(seen, finish);
  });
}
