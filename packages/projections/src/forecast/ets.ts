/** Months in a season. */
const SEASON = 12;
/** A module binding, not a global lookup: globals are slow where the code runs in a `vm` context (as under Jest). */
const { log } = Math;

/** An exponential smoothing model of the ETS framework: error, trend (`Ad` damped) and season, each N, A or M. */
export interface EtsSpec {
  readonly error: 'A' | 'M';
  readonly trend: 'N' | 'A' | 'Ad';
  readonly season: 'N' | 'A' | 'M';
}

/** Smoothing constants (beta 0 without trend, gamma 0 without season, phi 1 unless damped). */
export interface EtsParameters {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
}

/** Level, slope and the 12 seasonal states, `season[j]` the one of the months at positions j, j + 12, ... */
export interface EtsStates {
  readonly level: number;
  readonly slope: number;
  readonly season: readonly number[];
}

/** A pass of the model over a series: -2 log-likelihood up to a constant shared by every model, and the last states. */
export interface EtsRun {
  readonly likelihood: number;
  readonly final: EtsStates;
}

/**
 * The state-space recursion of Hyndman, Koehler, Snyder and Grose (2002): one-step mean mu_t = (l + phi b) + s or
 * (l + phi b) s, error e_t = y_t - mu_t, states updated by alpha, beta, gamma. Both error types share the updates
 * and differ only in the likelihood: n log(sum e_t^2) (additive) or n log(sum (e_t / mu_t)^2) + 2 sum log mu_t
 * (multiplicative). `null` when a multiplicative model's mean is not above 0 (its likelihood is undefined).
 */
export function runEts(series: readonly number[], spec: EtsSpec, p: EtsParameters, initial: EtsStates): EtsRun | null {
  const multiplicative = spec.season === 'M';
  const multiplicativeError = spec.error === 'M';
  const positive = multiplicativeError || multiplicative;
  const missing = multiplicative ? 1 : 0;
  const { alpha, beta, gamma, phi } = p;
  const season = [...initial.season];
  const seasonal = season.length > 0;
  let level = initial.level;
  let slope = spec.trend === 'N' ? 0 : initial.slope;
  let squares = 0;
  let logMeans = 0;
  // The objective of every step of the fit's search: one tight loop, `month` the position in the season (t mod 12).
  for (let t = 0, month = 0; t < series.length; t += 1, month = month === SEASON - 1 ? 0 : month + 1) {
    const base = level + phi * slope;
    const s = season[month] ?? missing;
    const mean = multiplicative ? base * s : base + s;
    const error = (series[t] ?? 0) - mean;
    if (positive && (!(mean > 0) || !(base > 0))) return null;
    if (multiplicativeError) {
      squares += (error / mean) ** 2;
      logMeans += log(mean);
    } else squares += error ** 2;
    const scaled = multiplicative ? error / s : error;
    level = base + alpha * scaled;
    slope = phi * slope + beta * scaled;
    if (seasonal) season[month] = s + gamma * (multiplicative ? error / base : error);
  }
  const likelihood = series.length * Math.log(Math.max(squares, Number.MIN_VALUE)) + 2 * logMeans;
  return { likelihood, final: { level, slope, season } };
}

/** Point forecasts h = 1..horizon months after a series of `months` months that ended in `final`. */
export function etsForecast(
  spec: EtsSpec,
  p: EtsParameters,
  final: EtsStates,
  months: number,
  horizon: number,
): number[] {
  let damped = 0;
  return Array.from({ length: horizon }, (_, i) => {
    damped += spec.trend === 'Ad' ? p.phi ** (i + 1) : 1;
    const base = final.level + (spec.trend === 'N' ? 0 : damped * final.slope);
    const s = final.season[(months + i) % SEASON];
    if (s === undefined) return base;
    return spec.season === 'M' ? base * s : base + s;
  });
}
