import { divideRoundHalfEven, slaStatus, type ComplaintSlaStatus, type ComplaintTimeline } from '@salesbook/domain';
import { ratio } from '../model/ratio.js';
import type { ComplaintClosing } from './complaints.projection.js';

/** Complaint categories, severities and channels, in the order reports list them. */
export const COMPLAINT_CATEGORIES = ['product_quality', 'delivery', 'billing', 'service', 'other'] as const;
/** Severities, lowest first. */
export const COMPLAINT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
/** Channels a complaint comes in by. */
export const COMPLAINT_CHANNELS = ['phone', 'email', 'web', 'visit'] as const;

/** A complaint as the figures need it. */
export interface ComplaintFact {
  readonly category: string;
  readonly severity: string;
  readonly channel: string;
  readonly timeline: ComplaintTimeline;
  readonly closings: readonly ComplaintClosing[];
}

/** Durations (milliseconds) of the complaints a clock has stopped for, and the SLA breaches of all complaints. */
export interface ComplaintClockFigures {
  /** Complaints whose clock stopped by `asOf` (acknowledged; resolved and not reopened since). */
  readonly n: number;
  /** Mean duration, rounded half to even to a millisecond; `null` when n is 0. */
  readonly meanMs: number | null;
  /** 90th percentile by nearest rank; `null` when n is 0. */
  readonly p90Ms: number | null;
  /** Complaints past their SLA target as of `asOf`, stopped or still running. */
  readonly breached: number;
  /** breached / complaints. */
  readonly breachRate: number | null;
}

/** The figures of one group of complaints as of an instant. */
export interface ComplaintFigures {
  readonly complaints: number;
  readonly byCategory: Readonly<Record<string, number>>;
  readonly bySeverity: Readonly<Record<string, number>>;
  readonly byChannel: Readonly<Record<string, number>>;
  readonly acknowledge: ComplaintClockFigures;
  readonly resolve: ComplaintClockFigures;
  /** Complaints reopened at least once / complaints resolved at least once, as of `asOf`. */
  readonly reopen: { readonly reopened: number; readonly n: number; readonly rate: number | null };
  /** Mean of the satisfaction (1-5) given at each complaint's latest closing up to `asOf`. */
  readonly handlingSatisfaction: { readonly mean: number | null; readonly n: number };
}

/**
 * The nearest-rank percentile: the smallest value such that at least `percent`% of the values are at or
 * below it, i.e. the value at 1-based rank ceil(percent/100 * n) of the sorted values; `null` for no values.
 * @example nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90) // 9 (rank ceil(9) = 9)
 */
export function nearestRank(values: readonly number[], percent: number): number | null {
  if (!Number.isInteger(percent) || percent < 1 || percent > 100)
    throw new RangeError(`percent must be a whole number 1-100, not ${percent}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // ceil(percent * n / 100) in integers, so 90% of 10 values is exactly rank 9.
  const rank = Math.floor((percent * sorted.length + 99) / 100);
  return sorted[rank - 1] ?? null;
}

const meanMs = (values: readonly number[]): number | null =>
  values.length === 0
    ? null
    : divideRoundHalfEven(
        values.reduce((sum, v) => sum + v, 0),
        values.length,
      );

const clock = (durations: readonly number[], breached: number, complaints: number): ComplaintClockFigures => ({
  n: durations.length,
  meanMs: meanMs(durations),
  p90Ms: nearestRank(durations, 90),
  breached,
  breachRate: ratio(breached, complaints),
});

const countBy = (
  facts: readonly ComplaintFact[],
  values: readonly string[],
  of: (fact: ComplaintFact) => string,
): Record<string, number> =>
  Object.fromEntries(values.map((value) => [value, facts.filter((fact) => of(fact) === value).length]));

/** The satisfaction given at the latest closing at or before `asOf`, if any. */
const latestSatisfaction = (closings: readonly ComplaintClosing[], asOf: number): number | undefined =>
  closings.filter((closing) => Date.parse(closing.closedAt) <= asOf).at(-1)?.satisfaction;

/**
 * Counts, times, SLA breaches, reopen rate and handling satisfaction of `facts` as of `asOf`, using the
 * domain's `slaStatus` (paused time and the time between a resolution and a reopen never count).
 * Complaints filed after `asOf` are left out.
 */
export function complaintFigures(facts: readonly ComplaintFact[], asOf: string): ComplaintFigures {
  const at = Date.parse(asOf);
  const present = facts.filter((fact) => Date.parse(fact.timeline.filedAt) <= at);
  const statuses: ComplaintSlaStatus[] = present.map((fact) => slaStatus(fact.timeline, asOf));
  const wasResolved = present.filter((fact) =>
    fact.timeline.resolutions.some((r) => Date.parse(r.resolvedAt) <= at),
  ).length;
  const reopened = statuses.filter((s) => s.reopenCount > 0).length;
  const satisfaction = present.flatMap((fact) => latestSatisfaction(fact.closings, at) ?? []);
  return {
    complaints: present.length,
    byCategory: countBy(present, COMPLAINT_CATEGORIES, (f) => f.category),
    bySeverity: countBy(present, COMPLAINT_SEVERITIES, (f) => f.severity),
    byChannel: countBy(present, COMPLAINT_CHANNELS, (f) => f.channel),
    acknowledge: clock(
      statuses.filter((s) => s.acknowledged).map((s) => s.timeToAcknowledgeMs),
      statuses.filter((s) => s.acknowledgeBreached).length,
      present.length,
    ),
    resolve: clock(
      statuses.filter((s) => s.resolved).map((s) => s.timeToResolveMs),
      statuses.filter((s) => s.resolveBreached).length,
      present.length,
    ),
    reopen: { reopened, n: wasResolved, rate: ratio(reopened, wasResolved) },
    handlingSatisfaction: {
      mean: ratio(
        satisfaction.reduce((sum, s) => sum + s, 0),
        satisfaction.length,
      ),
      n: satisfaction.length,
    },
  };
}
