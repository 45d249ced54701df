/** How a projection is doing, as `status` and readiness report it. */
export type ProjectionState = 'catching-up' | 'live' | 'stalled' | 'stopped';

/** The status of one projection. Positions are decimal strings (JSON has no bigint). */
export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  /** The generation queries are answered from. */
  readonly generation: number;
  /** `stalled` when events are parked or the runner failed; the projection says so rather than skip. */
  readonly state: ProjectionState;
  /** The checkpoint: the last event taken, applied or parked. `null` before the first. */
  readonly position: string | null;
  /** The store's last position when the status was taken. */
  readonly head: string | null;
  /** Events in the store after the checkpoint (saturates at the runner's `lagCountLimit`). */
  readonly lag: number;
  readonly parked: number;
  readonly blockedStreams: readonly string[];
  readonly lastError: string | null;
  /** A rebuild in progress into a fresh generation, if any. */
  readonly rebuilding: { readonly generation: number; readonly position: string | null } | null;
  /** While the live subscription is down: since when, restarts tried so far, when the next one is due. */
  readonly retrying: { readonly since: string; readonly attempts: number; readonly nextAttemptAt: string } | null;
}

/** Readiness: unhealthy when any projection is stalled, stopped, or lags beyond the bound. */
export interface Readiness {
  readonly ready: boolean;
  readonly reasons: readonly string[];
  readonly projections: readonly ProjectionStatus[];
}

/** What a report query is computed at: the checkpoint position and the lag behind the store. */
export interface Freshness {
  readonly position: string | null;
  readonly lag: number;
  /** Not following the store live (catching up, or down and being restarted): the answer may miss events. */
  readonly stale?: boolean;
}

/** A report result: the rows and the freshness they were computed at. */
export interface ReportResult<T> extends Freshness {
  readonly rows: readonly T[];
}

/** Why a status is not ready, or nothing. */
export function unreadyReasons(status: ProjectionStatus, maxLag: number): string[] {
  const reasons: string[] = [];
  if (status.state === 'stopped') reasons.push(`${status.name} is not running`);
  if (status.parked > 0)
    reasons.push(`${status.name} has ${status.parked} parked event(s) in ${status.blockedStreams.length} stream(s)`);
  if (status.retrying !== null)
    reasons.push(
      `${status.name} is resubscribing (attempt ${status.retrying.attempts} since ${status.retrying.since}, next at ${status.retrying.nextAttemptAt}): ${status.lastError ?? 'failed'}`,
    );
  else if (status.lastError !== null && status.parked === 0) reasons.push(`${status.name} failed: ${status.lastError}`);
  if (status.lag > maxLag) reasons.push(`${status.name} lags ${status.lag} events (bound ${maxLag})`);
  return reasons;
}
