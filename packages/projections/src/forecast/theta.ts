/** The Theta method's forecast of a series without season: its level, the drift and the smoothing fitted. */
export interface ThetaLine {
  /** The forecast of each month after the series, the first month first (not rounded). */
  readonly values: readonly number[];
  /** Smoothing constant of the level (simple exponential smoothing), chosen on the series' one-step errors. */
  readonly alpha: number;
  /** Drift per month: half the least-squares slope of the series. */
  readonly drift: number;
}

/** The smoothing constants searched, 0.01 to 1 by 0.01: a fixed grid keeps the fit deterministic. */
const ALPHAS: readonly number[] = Array.from({ length: 100 }, (_, i) => (i + 1) / 100);

/**
 * The Theta method (Assimakopoulos and Nikolopoulos, 2000, in the form of Hyndman and Billah, 2003): simple
 * exponential smoothing with a drift of half the series' least-squares slope b,
 * F(h) = l_n + (b / 2) (h - 1 + 1/alpha - (1 - alpha)^n / alpha), alpha minimising the one-step squared errors.
 */
export function thetaLine(series: readonly number[], horizon: number): ThetaLine {
  const n = series.length;
  const drift = leastSquaresSlope(series) / 2;
  const { alpha, level } = fitSmoothing(series);
  const carry = 1 / alpha - (1 - alpha) ** n / alpha;
  const values = Array.from({ length: horizon }, (_, i) => level + drift * (i + carry));
  return { values, alpha, drift };
}

/** Simple exponential smoothing from the first value: the grid's alpha with the least one-step squared error. */
export function fitSmoothing(series: readonly number[]): { alpha: number; level: number } {
  let best = { alpha: 1, level: series[series.length - 1] ?? 0, error: Number.POSITIVE_INFINITY };
  for (const alpha of ALPHAS) {
    let level = series[0] ?? 0;
    let error = 0;
    for (let t = 1; t < series.length; t += 1) {
      const value = series[t] ?? 0;
      error += (value - level) ** 2;
      level = alpha * value + (1 - alpha) * level;
    }
    if (error < best.error) best = { alpha, level, error };
  }
  return { alpha: best.alpha, level: best.level };
}

/** Least-squares slope of the series against its month number (0 for fewer than two months). */
export function leastSquaresSlope(series: readonly number[]): number {
  const n = series.length;
  if (n < 2) return 0;
  const centre = (n - 1) / 2;
  const mean = series.reduce((sum, value) => sum + value, 0) / n;
  let covariance = 0;
  let variance = 0;
  series.forEach((value, t) => {
    covariance += (t - centre) * (value - mean);
    variance += (t - centre) ** 2;
  });
  return covariance / variance;
}
