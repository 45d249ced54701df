import type { IsoDateTime } from '../shared/time.js';
import type { ComplaintTimeline } from './timeline.js';
import type { ComplaintSeverity } from './vocabulary.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How long a complaint of some severity may take to be acknowledged and resolved, in milliseconds (calendar time). */
export interface ComplaintSlaTargets {
  readonly acknowledgeWithinMs: number;
  readonly resolveWithinMs: number;
}

const TARGETS: Readonly<Record<ComplaintSeverity, ComplaintSlaTargets>> = {
  low: { acknowledgeWithinMs: 24 * HOUR_MS, resolveWithinMs: 10 * DAY_MS },
  medium: { acknowledgeWithinMs: 8 * HOUR_MS, resolveWithinMs: 5 * DAY_MS },
  high: { acknowledgeWithinMs: 4 * HOUR_MS, resolveWithinMs: 3 * DAY_MS },
  critical: { acknowledgeWithinMs: 1 * HOUR_MS, resolveWithinMs: 1 * DAY_MS },
};

/** SLA targets by severity: acknowledge within 24h/8h/4h/1h, resolve within 10d/5d/3d/1d (low/medium/high/critical). */
export const slaTargets = (severity: ComplaintSeverity): ComplaintSlaTargets => TARGETS[severity];

/** Where a complaint stands against its SLA at some instant. Durations in milliseconds. */
export interface ComplaintSlaStatus {
  readonly severity: ComplaintSeverity;
  readonly targets: ComplaintSlaTargets;
  readonly acknowledged: boolean;
  /** Filing to acknowledgement; while unacknowledged, the time elapsed so far. */
  readonly timeToAcknowledgeMs: number;
  readonly acknowledgeBreached: boolean;
  /** Resolved (and not reopened since) at the instant asked about. */
  readonly resolved: boolean;
  /**
   * Handling time up to the latest resolution (or so far): from filing, and from each reopen, to the next
   * resolution, less the time spent waiting on the customer. Time between a resolution and a reopen does not count.
   */
  readonly timeToResolveMs: number;
  /** Time spent waiting on the customer (never negative). */
  readonly pausedMs: number;
  readonly resolveBreached: boolean;
  readonly reopenCount: number;
}

const ms = (instant: IsoDateTime): number => Date.parse(instant);

/** Length of `[start, end)` cut off at `asOf` (an open end runs to `asOf`); never negative. */
const clipped = (start: number, end: number | null, asOf: number): number =>
  Math.max(0, Math.min(end ?? asOf, asOf) - start);

/** The intervals during which the complaint was ours to resolve: filing or a reopen up to the next resolution. */
function workingIntervals(timeline: ComplaintTimeline): Array<readonly [number, number | null]> {
  const intervals: Array<readonly [number, number | null]> = [];
  let start = ms(timeline.filedAt);
  for (const period of timeline.resolutions) {
    intervals.push([start, ms(period.resolvedAt)]);
    if (period.reopenedAt === null) return intervals;
    start = ms(period.reopenedAt);
  }
  intervals.push([start, null]);
  return intervals;
}

/**
 * The SLA status of a complaint as of `asOf`: events after `asOf` are ignored, so any past instant can be
 * asked about. A breach is a duration strictly above its target; an open clock breaches once it passes it.
 */
export function slaStatus(timeline: ComplaintTimeline, asOf: IsoDateTime): ComplaintSlaStatus {
  const now = ms(asOf);
  const targets = slaTargets(timeline.severity);
  const filedAt = ms(timeline.filedAt);
  const ackAt = timeline.acknowledgedAt === null ? null : ms(timeline.acknowledgedAt);
  const acknowledged = ackAt !== null && ackAt <= now;
  const timeToAcknowledgeMs = clipped(filedAt, ackAt, now);
  const working = workingIntervals(timeline).reduce((sum, [start, end]) => sum + clipped(start, end, now), 0);
  const pausedMs = timeline.pauses.reduce(
    (sum, p) => sum + clipped(ms(p.pausedAt), p.resumedAt === null ? null : ms(p.resumedAt), now),
    0,
  );
  const timeToResolveMs = Math.max(0, working - pausedMs);
  const latest = timeline.resolutions.filter((period) => ms(period.resolvedAt) <= now).at(-1);
  const resolved = latest !== undefined && (latest.reopenedAt === null || ms(latest.reopenedAt) > now);
  const reopenCount = timeline.resolutions.filter(
    (period) => period.reopenedAt !== null && ms(period.reopenedAt) <= now,
  ).length;
  return {
    severity: timeline.severity,
    targets,
    acknowledged,
    timeToAcknowledgeMs,
    acknowledgeBreached: timeToAcknowledgeMs > targets.acknowledgeWithinMs,
    resolved,
    timeToResolveMs,
    pausedMs,
    resolveBreached: timeToResolveMs > targets.resolveWithinMs,
    reopenCount,
  };
}
