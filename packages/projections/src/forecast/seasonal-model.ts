import { decompose, type Decomposition } from './decomposition.js';

/** Months in a season. */
export const SEASON = 12;

/** How a forecast was made: no history, a flat mean of a short history, or the seasonal decomposition. */
export type ForecastMethod = 'none' | 'flat' | 'multiplicative' | 'additive';

/** A statistical forecast of monthly booked sales (integer minor units, never below 0) and how it was made. */
export interface SeasonalForecast {
  readonly method: ForecastMethod;
  /** The forecast of each month after the history, the first month first. */
  readonly values: readonly number[];
  /** Months averaged for the level (0 without a decomposition). */
  readonly window: number;
  /** Damping of the trend (0: no trend). */
  readonly phi: number;
  /** Whether the seasonal indices were applied (the holdout may find the series has no season worth following). */
  readonly seasonal: boolean;
}

/** Parameters of a projection: months in the level, damping of the trend, and whether the seasonal indices apply. */
export type Parameters = readonly [window: number, phi: number, seasonal: boolean];

/** The parameters the holdout chooses from, in the order ties are settled (seasonal first). */
export const GRID: readonly Parameters[] = [true, false].flatMap((seasonal) =>
  [6, 12].flatMap((window) => [0, 0.5, 0.8, 0.9, 0.95].map((phi): Parameters => [window, phi, seasonal])),
);
/** The parameters used when the history is too short for a holdout. */
export const DEFAULT_PARAMETERS: Parameters = [12, 0.8, true];

/** Seasons of history a decomposition needs, and the holdout's extra season. */
const MIN_DECOMPOSE = 2 * SEASON;
const MIN_HOLDOUT = MIN_DECOMPOSE + SEASON;
/** Months the flat forecast of a short history averages. */
const FLAT_WINDOW = 6;

/**
 * Forecasts `horizon` months after `history` (whole months, oldest first, integer minor units): the seasonal
 * decomposition with a damped trend when there are 24 months or more (its window and damping chosen on a 12-month
 * holdout from 36 months on), the mean of the last 6 months below that, zeros without history. Pure and
 * deterministic: the same history always gives the same figures (docs/reports.md, "Statistical forecast").
 */
export function seasonalForecast(history: readonly number[], horizon: number): SeasonalForecast {
  if (history.length === 0)
    return { method: 'none', values: new Array<number>(horizon).fill(0), window: 0, phi: 0, seasonal: false };
  if (history.length < MIN_DECOMPOSE) {
    const last = history.slice(-FLAT_WINDOW);
    const mean = toMinor(last.reduce((sum, value) => sum + value, 0) / last.length);
    return { method: 'flat', values: new Array<number>(horizon).fill(mean), window: 0, phi: 0, seasonal: false };
  }
  const parameters = history.length >= MIN_HOLDOUT ? chooseParameters(history) : DEFAULT_PARAMETERS;
  const fit = decompose(history);
  const [window, phi, seasonal] = parameters;
  return { method: fit.kind, values: project(fit, parameters, horizon).map(toMinor), window, phi, seasonal };
}

/** The grid's parameters whose forecast of the last 12 months from the months before them has the lowest error. */
export function chooseParameters(history: readonly number[]): Parameters {
  const training = history.slice(0, -SEASON);
  const holdout = history.slice(-SEASON);
  const fit = decompose(training);
  let best: { error: number; parameters: Parameters } | undefined;
  for (const parameters of GRID) {
    const error = holdoutError(holdout, project(fit, parameters, SEASON).map(toMinor));
    if (best === undefined || error < best.error) best = { error, parameters };
  }
  return best?.parameters ?? DEFAULT_PARAMETERS;
}

/** MAPE over the months with sales, or the mean absolute error when no month had any. */
function holdoutError(actual: readonly number[], forecast: readonly number[]): number {
  return (
    meanAbsolutePercentageError(actual, forecast) ??
    actual.reduce((sum, value, i) => sum + Math.abs(value - (forecast[i] ?? 0)), 0) / actual.length
  );
}

/**
 * The decomposition carried forward: level L (mean of the last `window` deseasonalised months) plus the slope b
 * (L less the mean of the `window` months before, per month) damped by `phi` over the distance from the window's
 * centre, times (or plus) the month's seasonal index; without the season, the same on the series as it is.
 */
export function project(fit: Decomposition, [window, phi, seasonal]: Parameters, horizon: number): number[] {
  const deseasonalised = seasonal ? fit.deseasonalised : fit.series;
  const n = deseasonalised.length;
  const level = mean(deseasonalised.slice(n - window));
  const slope = n >= 2 * window ? (level - mean(deseasonalised.slice(n - 2 * window, n - window))) / window : 0;
  const values: number[] = [];
  for (let k = 1; k <= horizon; k += 1) {
    const trend = level + slope * dampedSum(phi, k + (window - 1) / 2);
    const index = fit.indices[(n - 1 + k) % SEASON] ?? (fit.kind === 'multiplicative' ? 1 : 0);
    if (!seasonal) values.push(trend);
    else values.push(fit.kind === 'multiplicative' ? trend * index : trend + index);
  }
  return values;
}

/** phi + phi^2 + ... + phi^x for a real x >= 0 (x itself when phi is 1, 0 when phi is 0). */
export function dampedSum(phi: number, x: number): number {
  if (phi === 0) return 0;
  if (phi === 1) return x;
  return (phi * (1 - phi ** x)) / (1 - phi);
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

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
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
