import { divideRoundHalfEven } from '@salesbook/domain';

/**
 * Ratios in reports: one representation for the whole package. A ratio (a rate, a share, an attainment,
 * an average of small scores) is a number rounded to {@link RATIO_DECIMALS} decimals (0.8333 means 83.33%),
 * and a ratio with a zero denominator is `null`, never 0 or NaN.
 */

/** Decimals every ratio in a report is rounded to. */
export const RATIO_DECIMALS = 4;

const SCALE = 10 ** RATIO_DECIMALS;

/**
 * `numerator / denominator` rounded half to even at 4 decimals (exact on integers), or `null` when the
 * denominator is 0.
 * @example ratio(5, 6) // 0.8333
 * @example ratio(1, 0) // null
 */
export function ratio(numerator: number | bigint, denominator: number | bigint): number | null {
  if (BigInt(denominator) === 0n) return null;
  const value = divideRoundHalfEven(BigInt(numerator) * BigInt(SCALE), BigInt(denominator)) / SCALE;
  return value === 0 ? 0 : value;
}

/**
 * A non-integer figure (a correlation, for instance) rounded to 4 decimals, half away from zero;
 * `null` stays `null`, and a non-finite value becomes `null`.
 * @example roundRatio(0.123456) // 0.1235
 */
export function roundRatio(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * SCALE)) / SCALE;
  return rounded === 0 ? 0 : rounded;
}
