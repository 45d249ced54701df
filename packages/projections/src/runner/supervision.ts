/** How a subscription that failed is started again: capped exponential backoff with jitter. */
export interface RetryPolicy {
  /** The first wait, in ms (default 250). */
  readonly baseMs?: number;
  /** The longest wait, in ms (default 30,000). */
  readonly maxMs?: number;
  /** Jitter source in [0, 1) (default Math.random); tests pass a fixed one. */
  readonly random?: () => number;
}

/** A subscription that is down: since when, how many restarts were tried, why it last failed. */
export interface Outage {
  readonly since: number;
  readonly attempts: number;
  readonly lastError: string;
  /** When the next restart is due (ms since the epoch). */
  readonly retryAt: number;
}

/**
 * The wait before restart number `attempt` (0 first): `base * 2^attempt` capped at `max`, of which a random half is
 * kept ("equal jitter"), so instances that lost the store together do not all come back in the same millisecond.
 */
export function retryDelay(attempt: number, policy: RetryPolicy = {}): number {
  const base = policy.baseMs ?? 250;
  const max = policy.maxMs ?? 30_000;
  const capped = Math.min(max, base * 2 ** Math.min(attempt, 30));
  return Math.round(capped / 2 + (capped / 2) * (policy.random ?? Math.random)());
}

/** The outage after one more failure: started now when there was none, else one attempt more. */
export function nextOutage(previous: Outage | undefined, failure: string, now: number, policy: RetryPolicy): Outage {
  const attempts = previous === undefined ? 0 : previous.attempts + 1;
  return { since: previous?.since ?? now, attempts, lastError: failure, retryAt: now + retryDelay(attempts, policy) };
}

/** An outage as the status shows it: positions and times as text. */
export const retryingOf = (
  outage: Outage,
): { readonly since: string; readonly attempts: number; readonly nextAttemptAt: string } => ({
  since: new Date(outage.since).toISOString(),
  attempts: outage.attempts + 1,
  nextAttemptAt: new Date(outage.retryAt).toISOString(),
});
