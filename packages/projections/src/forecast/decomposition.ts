const SEASON = 12;
const HALF = SEASON / 2;

/** A classical decomposition of a monthly series: seasonal indices by month of the series and the series without them. */
export interface Decomposition {
  /** `multiplicative` when every centred moving average and index is above 0, else `additive`. */
  readonly kind: 'multiplicative' | 'additive';
  /** Index of each position modulo 12 (position 0 is the series' first month); mean 1 (multiplicative) or 0 (additive). */
  readonly indices: readonly number[];
  /** Each month divided by (or less) its index. */
  readonly deseasonalised: readonly number[];
  /** The series decomposed. */
  readonly series: readonly number[];
}

/**
 * Classical decomposition (24 months or more): the centred 2x12 moving average T_t = (y_{t-6}/2 + y_{t-5} + ... +
 * y_{t+5} + y_{t+6}/2) / 12 for every month with six months on each side; each month's raw index y_t / T_t (or
 * y_t - T_t), averaged per month of the year and normalised to mean 1 (or 0).
 */
export function decompose(series: readonly number[]): Decomposition {
  const trend = centredMovingAverage(series);
  const multiplicative = trend.every((t) => t === null || t > 0);
  const indices = seasonalIndices(series, trend, multiplicative);
  if (multiplicative && indices.every((index) => index > 0)) {
    return {
      kind: 'multiplicative',
      indices,
      series,
      deseasonalised: series.map((y, t) => y / (indices[t % SEASON] ?? 1)),
    };
  }
  const additive = multiplicative ? seasonalIndices(series, trend, false) : indices;
  return {
    kind: 'additive',
    indices: additive,
    series,
    deseasonalised: series.map((y, t) => y - (additive[t % SEASON] ?? 0)),
  };
}

/** The centred 2x12 moving average of each month (`null` within six months of either end). */
export function centredMovingAverage(series: readonly number[]): (number | null)[] {
  return series.map((_, t) => {
    if (t < HALF || t + HALF >= series.length) return null;
    let sum = ((series[t - HALF] ?? 0) + (series[t + HALF] ?? 0)) / 2;
    for (let i = t - HALF + 1; i < t + HALF; i += 1) sum += series[i] ?? 0;
    return sum / SEASON;
  });
}

/** Mean raw index per position modulo 12 (ratio or difference to the moving average), normalised to mean 1 or 0. */
export function seasonalIndices(
  series: readonly number[],
  trend: readonly (number | null)[],
  multiplicative: boolean,
): number[] {
  const sums = new Array<number>(SEASON).fill(0);
  const counts = new Array<number>(SEASON).fill(0);
  trend.forEach((t, i) => {
    if (t === null) return;
    const y = series[i] ?? 0;
    sums[i % SEASON] = (sums[i % SEASON] ?? 0) + (multiplicative ? y / t : y - t);
    counts[i % SEASON] = (counts[i % SEASON] ?? 0) + 1;
  });
  const raw = sums.map((sum, j) => ((counts[j] ?? 0) === 0 ? (multiplicative ? 1 : 0) : sum / (counts[j] ?? 1)));
  const centre = raw.reduce((a, b) => a + b, 0) / SEASON;
  return raw.map((index) => (multiplicative ? index / centre : index - centre));
}
