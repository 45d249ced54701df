import { ratio, roundRatio } from '../model/ratio.js';
import { SATISFACTION_ITEMS, type SatisfactionDailyRow, type SatisfactionItem } from './satisfaction.projection.js';

/** Key drivers are computed from this many responses up; below it they are `null`. */
export const KEY_DRIVERS_MIN_RESPONSES = 30;

/** Summed answers of a group of responses (the counters of `satisfaction_daily`, summed). */
export type SatisfactionSums = Omit<
  SatisfactionDailyRow,
  'responded_on' | 'region' | 'rep_id' | 'segment' | 'survey_period'
>;

/** Share of CSAT answers of 4 or 5, over `n` answers. */
export interface CsatFigure {
  readonly value: number | null;
  readonly n: number;
  readonly satisfied: number;
}

/** NPS as the share of promoters (9-10) less the share of detractors (0-6), between -1 and 1, over `n` answers. */
export interface NpsFigure {
  readonly value: number | null;
  readonly n: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

/** Mean of an item score (1-5) over `n` answers. */
export interface ItemAverage {
  readonly item: SatisfactionItem;
  readonly mean: number | null;
  readonly n: number;
}

/** Pearson correlation of an item score with the NPS answer; `null` when either does not vary. `rank` 1 is the strongest. */
export interface KeyDriver {
  readonly item: SatisfactionItem;
  readonly correlation: number | null;
  readonly rank: number | null;
}

/** Key drivers over `n` responses: `drivers` is `null` below {@link KEY_DRIVERS_MIN_RESPONSES}. */
export interface KeyDrivers {
  readonly n: number;
  readonly drivers: readonly KeyDriver[] | null;
}

/** Every satisfaction figure of one group, each with its n. */
export interface SatisfactionFigures {
  readonly responses: number;
  readonly csat: CsatFigure;
  readonly nps: NpsFigure;
  readonly items: readonly ItemAverage[];
  readonly keyDrivers: KeyDrivers;
}

/**
 * Pearson's r from sums, exact in integers up to the final square root:
 * r = (n Sxy - Sx Sy) / sqrt((n Sxx - Sx^2) (n Syy - Sy^2)); `null` when n < 2 or a variance is zero.
 */
export function pearsonFromSums(
  n: number,
  sx: number,
  sy: number,
  sxx: number,
  syy: number,
  sxy: number,
): number | null {
  if (n < 2) return null;
  const N = BigInt(n);
  const covariance = N * BigInt(sxy) - BigInt(sx) * BigInt(sy);
  const varianceX = N * BigInt(sxx) - BigInt(sx) * BigInt(sx);
  const varianceY = N * BigInt(syy) - BigInt(sy) * BigInt(sy);
  if (varianceX === 0n || varianceY === 0n) return null;
  return Number(covariance) / Math.sqrt(Number(varianceX) * Number(varianceY));
}

/** Ranks by correlation, highest first; equal correlations keep the item order; `null` correlations come last, unranked. */
export function rankDrivers(
  correlations: ReadonlyArray<{ item: SatisfactionItem; correlation: number | null }>,
): KeyDriver[] {
  const ranked = correlations
    .filter((d): d is { item: SatisfactionItem; correlation: number } => d.correlation !== null)
    .sort(
      (a, b) =>
        b.correlation - a.correlation || SATISFACTION_ITEMS.indexOf(a.item) - SATISFACTION_ITEMS.indexOf(b.item),
    )
    .map((d, index) => ({ ...d, rank: index + 1 }));
  const unranked = correlations.filter((d) => d.correlation === null).map((d) => ({ ...d, rank: null }));
  return [...ranked, ...unranked];
}

/** The figures of a group from its summed answers. */
export function satisfactionFigures(sums: SatisfactionSums): SatisfactionFigures {
  const n = sums.responses;
  const drivers =
    n < KEY_DRIVERS_MIN_RESPONSES
      ? null
      : rankDrivers(
          SATISFACTION_ITEMS.map((item) => ({
            item,
            correlation: roundRatio(
              pearsonFromSums(
                n,
                sums[`${item}_sum`],
                sums.nps_sum,
                sums[`${item}_sum_sq`],
                sums.nps_sum_sq,
                sums[`${item}_sum_x_nps`],
              ),
            ),
          })),
        );
  return {
    responses: n,
    csat: { value: ratio(sums.csat_satisfied, n), n, satisfied: sums.csat_satisfied },
    nps: {
      value: ratio(sums.promoters - sums.detractors, n),
      n,
      promoters: sums.promoters,
      passives: sums.passives,
      detractors: sums.detractors,
    },
    items: SATISFACTION_ITEMS.map((item) => ({ item, mean: ratio(sums[`${item}_sum`], n), n })),
    keyDrivers: { n, drivers },
  };
}
