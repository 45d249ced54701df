import { StoreUnavailableError, type StoreError } from '@salesbook/eventstore';

/** How often, and how patiently, an append is sent again after a failure that a retry can resolve. */
export interface AppendRetry {
  /** Attempts in all, the first included (default 6). */
  readonly attempts: number;
  /** The wait before the second attempt, doubled before each next one (default 100 ms: 3.1 s in all). */
  readonly baseDelayMs: number;
}

/** Six attempts over about three seconds: a leader election usually completes within that. */
export const DEFAULT_APPEND_RETRY: AppendRetry = { attempts: 6, baseDelayMs: 100 };

/**
 * Whether a failed append attempt may be sent again: the node was not the leader (nothing was written), or the
 * outcome is unknown (a timeout, the connection lost). The second is safe only because every attempt re-reads the
 * stream and recognises its own event ids (see append.ts), so an earlier attempt that did land is acknowledged.
 */
export const isRetryable = (error: StoreError): boolean => error instanceof StoreUnavailableError;

/** The pause after the `attempt`-th failure: doubling from the base. */
export const retryDelay = (retry: AppendRetry, attempt: number): number => retry.baseDelayMs * 2 ** (attempt - 1);

/** Waits `ms` milliseconds. */
export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
