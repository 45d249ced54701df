import { centredMovingAverage, decompose } from './decomposition.js';

const SEASON = 12;
/** Months from which the seasonal strength is measured: with two years each month of the year has one ratio only. */
const MIN_STRENGTH_MONTHS = 3 * SEASON;
/** One-sided 90% normal quantile of the autocorrelation test. */
const Z_90 = 1.645;
/** Seasonal strength above which the season is followed even when the autocorrelation test misses it. */
const MIN_STRENGTH = 0.5;

/**
 * Whether a series (24 months or more) has a season worth following: its autocorrelation at lag 12 is significant
 * at 90% (|r12| > 1.645 sqrt((1 + 2 (r1^2 + ... + r11^2)) / n), the test of the M3 and M4 forecasting benchmarks),
 * or, from 36 months, the decomposition's season explains at least half of what the trend leaves (strength >= 0.5).
 */
export function isSeasonal(series: readonly number[]): boolean {
  if (series.length < 2 * SEASON) return false;
  return (
    autocorrelationTest(series) || (series.length >= MIN_STRENGTH_MONTHS && seasonalStrength(series) >= MIN_STRENGTH)
  );
}

/** The 90% autocorrelation test at lag 12 (false for a constant series, which has no autocorrelation). */
export function autocorrelationTest(series: readonly number[]): boolean {
  const n = series.length;
  const mean = series.reduce((sum, value) => sum + value, 0) / n;
  const variance = series.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  if (variance === 0) return false;
  const r = (lag: number): number => {
    let sum = 0;
    for (let t = lag; t < n; t += 1) sum += ((series[t] ?? 0) - mean) * ((series[t - lag] ?? 0) - mean);
    return sum / variance;
  };
  let spread = 1;
  for (let lag = 1; lag < SEASON; lag += 1) spread += 2 * r(lag) ** 2;
  return Math.abs(r(SEASON)) > Z_90 * Math.sqrt(spread / n);
}

/**
 * Seasonal strength (Wang, Smith and Hyndman, 2006): 1 - Var(R) / Var(S + R), R the remainder once the centred
 * moving average and the season are taken out, S + R what the moving average leaves; 0 when nothing is left.
 */
export function seasonalStrength(series: readonly number[]): number {
  const fit = decompose(series);
  const multiplicative = fit.kind === 'multiplicative';
  const detrended: number[] = [];
  const remainder: number[] = [];
  centredMovingAverage(series).forEach((trend, t) => {
    if (trend === null) return;
    const y = series[t] ?? 0;
    const index = fit.indices[t % SEASON] ?? (multiplicative ? 1 : 0);
    detrended.push(multiplicative ? y / trend - 1 : y - trend);
    remainder.push(multiplicative ? y / trend / index - 1 : y - trend - index);
  });
  const total = variance(detrended);
  return total === 0 ? 0 : Math.max(0, 1 - variance(remainder) / total);
}

function variance(values: readonly number[]): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
}
