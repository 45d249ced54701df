import { decompose } from './decomposition.js';
import type { EtsSpec } from './ets.js';
import { forecastEts } from './ets-fit.js';
import { memoisedAutoEts } from './ets-memo.js';
import { isSeasonal } from './seasonality.js';
import { thetaLine } from './theta.js';

/** Months in a season. */
export const SEASON = 12;

/**
 * How a forecast was made: no history, a flat mean of a short history, the equal-weight mean of automatic ETS and
 * the Theta method, or the Theta method alone (when no ETS model can be fitted).
 */
export type ForecastMethod = 'none' | 'flat' | 'ets-theta' | 'theta';

/** The season taken out before the Theta line and put back after it (`none`: the series has no season to follow). */
export type Seasonality = 'none' | 'multiplicative' | 'additive';

/** A statistical forecast of monthly booked sales (integer minor units, never below 0) and how it was made. */
export interface SeasonalForecast {
  readonly method: ForecastMethod;
  /** The forecast of each month after the history, the first month first. */
  readonly values: readonly number[];
  readonly seasonality: Seasonality;
  /** Smoothing constant of the level (0 without the Theta method). */
  readonly alpha: number;
  /** Drift per month of the deseasonalised series (0 without the Theta method). */
  readonly drift: number;
  /** The ETS model chosen by AICc and averaged with the Theta forecast (`null` unless `ets-theta`). */
  readonly ets: EtsSpec | null;
}

/** Seasons of history the Theta method needs (a season cannot be estimated from less than two). */
const MIN_THETA = 2 * SEASON;
/** Months the flat forecast of a short history averages. */
const FLAT_WINDOW = 6;

/**
 * Forecasts `horizon` months after `history` (whole months, oldest first, integer minor units): from 24 months the
 * equal-weight mean of two differently built forecasts, automatic ETS (the model of least AICc, `ets-fit.ts`) and
 * the Theta method on the series without its season (classical decomposition, kept only when the series is
 * seasonal); the mean of the last 6 months below that, zeros without history. Pure and deterministic: the same
 * history always gives the same figures (docs/reports.md, "Statistical forecast").
 */
export function seasonalForecast(history: readonly number[], horizon: number): SeasonalForecast {
  const none = { seasonality: 'none', alpha: 0, drift: 0, ets: null } as const;
  if (history.length === 0) return { method: 'none', values: new Array<number>(horizon).fill(0), ...none };
  if (history.length < MIN_THETA) {
    const last = history.slice(-FLAT_WINDOW);
    const mean = toMinor(last.reduce((sum, value) => sum + value, 0) / last.length);
    return { method: 'flat', values: new Array<number>(horizon).fill(mean), ...none };
  }
  const theta = thetaForecast(history, horizon);
  const ets = memoisedAutoEts(history);
  if (ets === null) return { method: 'theta', ...theta, values: theta.values.map(toMinor), ets: null };
  const values = forecastEts(ets, horizon).map((value, i) => toMinor((value + (theta.values[i] ?? 0)) / 2));
  return { method: 'ets-theta', ...theta, values, ets: ets.spec };
}

/** The Theta method on the series without its season (when it has one), the season put back; not rounded. */
function thetaForecast(
  history: readonly number[],
  horizon: number,
): { values: number[]; seasonality: Seasonality; alpha: number; drift: number } {
  if (!isSeasonal(history)) {
    const line = thetaLine(history, horizon);
    return { values: [...line.values], seasonality: 'none', alpha: line.alpha, drift: line.drift };
  }
  const fit = decompose(history);
  const line = thetaLine(fit.deseasonalised, horizon);
  const n = history.length;
  const values = line.values.map((value, i) => {
    const index = fit.indices[(n + i) % SEASON] ?? (fit.kind === 'multiplicative' ? 1 : 0);
    return fit.kind === 'multiplicative' ? value * index : value + index;
  });
  return { values, seasonality: fit.kind, alpha: line.alpha, drift: line.drift };
}

/**
 * Mean absolute percentage error of `forecast` against `actual` (a fraction: 0.1 is 10%), over the months whose
 * actual is not 0 (their percentage error is undefined); `null` when there is none.
 */
export function meanAbsolutePercentageError(actual: readonly number[], forecast: readonly number[]): number | null {
  let sum = 0;
  let count = 0;
  actual.forEach((value, i) => {
    if (value === 0) return;
    sum += Math.abs(value - (forecast[i] ?? 0)) / Math.abs(value);
    count += 1;
  });
  return count === 0 ? null : sum / count;
}

/** The seasonal-naive forecast the model is measured against: each month's value a season before it. */
export function seasonalNaive(history: readonly number[], horizon: number): number[] {
  const n = history.length;
  return Array.from({ length: horizon }, (_, i) => (n < SEASON ? 0 : (history[n - SEASON + (i % SEASON)] ?? 0)));
}

/** A forecast in integer minor units: rounded half to even, never below 0 (a month cannot be forecast to unbook). */
export function toMinor(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0;
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
