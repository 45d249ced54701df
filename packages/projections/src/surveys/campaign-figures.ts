import { ratio, roundRatio } from '../model/ratio.js';

/** z of a two-sided 95% interval. */
const Z = 1.959964;

/** A 95% confidence interval, bounds rounded to 4 decimals. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

/**
 * Wilson score interval of a share `successes / n` (95%); `null` when n is 0. Unlike the normal approximation it
 * stays inside [0, 1] and is not degenerate at a share of 0 or 1.
 * @example wilson(8, 10) // { low: 0.4902, high: 0.9433 }
 */
export function wilson(successes: number, n: number): Interval | null {
  if (n === 0) return null;
  const p = successes / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: roundRatio(Math.max(0, centre - half)) ?? 0, high: roundRatio(Math.min(1, centre + half)) ?? 1 };
}

/**
 * 95% interval of an NPS (the mean of scores +1 promoter, 0 passive, -1 detractor) by the normal approximation:
 * NPS +- z sqrt(v / n) with v = (P + D) / n - NPS^2 the variance of the scores, clipped to [-1, 1]; `null` when n is
 * 0. Degenerate (zero width) when every answer scores the same, and too narrow for small n (docs/reports.md).
 */
export function npsInterval(promoters: number, detractors: number, n: number): Interval | null {
  if (n === 0) return null;
  const nps = (promoters - detractors) / n;
  const variance = Math.max(0, (promoters + detractors) / n - nps * nps);
  const half = Z * Math.sqrt(variance / n);
  return { low: roundRatio(Math.max(-1, nps - half)) ?? -1, high: roundRatio(Math.min(1, nps + half)) ?? 1 };
}

/** The median of numbers (the mean of the middle two for an even count); `null` for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return value ?? null;
}

/** One invitation as the coverage figures see it: answered or not, and the answer's scores. */
export interface InvitationFact {
  readonly group: string | null;
  /** Calendar days from the business date of the invitation to that of the answer; `null` unanswered. */
  readonly days: number | null;
  readonly nps: number | null;
  readonly csat: number | null;
}

/** Response and coverage of a group of invitations, and CSAT and NPS of its answers with their 95% intervals. */
export interface CoverageFigures {
  readonly invited: number;
  readonly answered: number;
  /** answered / invited. */
  readonly responseRate: number | null;
  /** Days from invitation to answer of the answered ones (median, mean to 0.1 day); `null` with no answer. */
  readonly daysToAnswer: { readonly median: number | null; readonly mean: number | null };
  readonly csat: {
    readonly value: number | null;
    readonly n: number;
    readonly satisfied: number;
    readonly interval: Interval | null;
  };
  readonly nps: {
    readonly value: number | null;
    readonly n: number;
    readonly promoters: number;
    readonly passives: number;
    readonly detractors: number;
    readonly interval: Interval | null;
  };
}

/** The coverage figures of a group of invitations. */
export function coverageFigures(facts: readonly InvitationFact[]): CoverageFigures {
  const answered = facts.filter((fact) => fact.days !== null);
  const days = answered.map((fact) => fact.days ?? 0);
  const count = (test: (fact: InvitationFact) => boolean) => answered.filter(test).length;
  const n = answered.length;
  const satisfied = count((fact) => (fact.csat ?? 0) >= 4);
  const promoters = count((fact) => (fact.nps ?? 0) >= 9);
  const detractors = count((fact) => (fact.nps ?? 0) <= 6);
  const mean = n === 0 ? null : Math.round((days.reduce((sum, day) => sum + day, 0) / n) * 10) / 10;
  return {
    invited: facts.length,
    answered: n,
    responseRate: ratio(n, facts.length),
    daysToAnswer: { median: median(days), mean },
    csat: { value: ratio(satisfied, n), n, satisfied, interval: wilson(satisfied, n) },
    nps: {
      value: ratio(promoters - detractors, n),
      n,
      promoters,
      passives: n - promoters - detractors,
      detractors,
      interval: npsInterval(promoters, detractors, n),
    },
  };
}
