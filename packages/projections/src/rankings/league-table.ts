import { ratio } from '../model/ratio.js';

/** What a league table ranks reps by. */
export type RankingMetric = 'attainment' | 'collected' | 'collectionRate' | 'csat';

/** The summed monthly parts of one rep's figures in one currency (`null` currency: CSAT, which has none). */
export interface RankingParts {
  readonly rep_id: string;
  readonly currency: string | null;
  /** Booked sales of the months that had a target, and those targets (attainment). */
  readonly booked: number;
  readonly target: number | null;
  readonly collected: number;
  /** Due-based collection rate parts, summed over the months. */
  readonly collected_on_due: number;
  readonly due: number;
  /** CSAT answers of 4 or 5, and all answers. */
  readonly satisfied: number;
  readonly responses: number;
}

/** One line of a league table. */
export interface LeagueTableRow extends RankingParts {
  /** Competition rank within the currency (1, 1, 3): `null` when the rep has no value (no target, nothing due, no answers). */
  readonly rank: number | null;
  /** Another rep of the same currency has the same value, hence the same rank. */
  readonly tied: boolean;
  readonly value: number | null;
}

/** The value of a metric from the summed parts: ratios of sums, never averages of monthly percentages. */
export function metricValue(metric: RankingMetric, parts: RankingParts): number | null {
  switch (metric) {
    case 'attainment':
      return parts.target === null ? null : ratio(parts.booked, parts.target);
    case 'collected':
      return parts.collected;
    case 'collectionRate':
      return ratio(parts.collected_on_due, parts.due);
    case 'csat':
      return ratio(parts.satisfied, parts.responses);
  }
}

/**
 * Ranks reps within each currency, best first: equal values share the rank and the next value skips as many
 * (competition ranking 1, 1, 3); equal values are listed by rep id. Reps without a value follow, unranked.
 */
export function rankRows(metric: RankingMetric, parts: readonly RankingParts[]): LeagueTableRow[] {
  const valued = parts.map((p) => ({ ...p, value: metricValue(metric, p) }));
  const order = (a: (typeof valued)[number], b: (typeof valued)[number]): number =>
    (a.currency ?? '').localeCompare(b.currency ?? '') ||
    (b.value ?? -Infinity) - (a.value ?? -Infinity) ||
    (a.rep_id < b.rep_id ? -1 : a.rep_id > b.rep_id ? 1 : 0);
  const sorted = valued.sort(order);
  return sorted.map((row) => {
    if (row.value === null) return { ...row, rank: null, tied: false };
    const peers = sorted.filter((other) => other.currency === row.currency && other.value !== null);
    const better = peers.filter((other) => (other.value ?? 0) > (row.value ?? 0)).length;
    const same = peers.filter((other) => other.value === row.value).length;
    return { ...row, rank: better + 1, tied: same > 1 };
  });
}
