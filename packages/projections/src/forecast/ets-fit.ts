import { centredMovingAverage, seasonalIndices } from './decomposition.js';
import { etsForecast, runEts, type EtsParameters, type EtsSpec, type EtsStates } from './ets.js';
import { nelderMead } from './nelder-mead.js';

const SEASON = 12;
/** Iterations and relative tolerance of the simplex search per model (the defaults of R's `optim`, which `forecast::ets` uses). */
const MAX_ITERATIONS = 2000;
const TOLERANCE = 1e-8;
/** A module binding, not a global lookup: globals are slow where the code runs in a `vm` context (as under Jest). */
const INFINITY = Number.POSITIVE_INFINITY;

/** A fitted ETS model: its spec, parameters, last states, AICc and the months it was fitted on. */
export interface EtsFit {
  readonly spec: EtsSpec;
  readonly parameters: EtsParameters;
  readonly final: EtsStates;
  readonly aicc: number;
  readonly months: number;
}

/**
 * The 15 models `forecast::ets` considers by default: additive or multiplicative error, no, additive or damped trend,
 * no, additive or multiplicative season, less additive error with multiplicative season (infinite variance).
 */
export const ETS_MODELS: readonly EtsSpec[] = (['A', 'M'] as const).flatMap((error) =>
  (['N', 'A', 'Ad'] as const).flatMap((trend) =>
    (['N', 'A', 'M'] as const)
      .filter((season) => error === 'M' || season !== 'M')
      .map((season): EtsSpec => ({ error, trend, season })),
  ),
);

/**
 * Automatic ETS (Hyndman et al., 2002/2008): every admissible model of `ETS_MODELS` fitted by maximum likelihood,
 * smoothing constants and initial states together, the one with the least AICc kept. Multiplicative models only for
 * a series above 0 throughout; seasonal ones only from 24 months. `null` when no model can be fitted.
 */
export function autoEts(series: readonly number[]): EtsFit | null {
  const positive = series.every((value) => value > 0);
  let best: EtsFit | null = null;
  for (const spec of ETS_MODELS) {
    if (!positive && (spec.error === 'M' || spec.season === 'M')) continue;
    if (spec.season !== 'N' && series.length < 2 * SEASON) continue;
    const fit = fitEts(series, spec);
    if (fit !== null && (best === null || fit.aicc < best.aicc)) best = fit;
  }
  return best;
}

/** The forecast of a fitted model `horizon` months after its series. */
export function forecastEts(fit: EtsFit, horizon: number): number[] {
  return etsForecast(fit.spec, fit.parameters, fit.final, fit.months, horizon);
}

/**
 * One model by maximum likelihood: Nelder-Mead over the smoothing constants and the initial states from fixed starts
 * (constants 0.1 or 0.2, 0.01, 0.01, 0.97; states from the first years' decomposition). AICc = -2 log L + 2k +
 * 2k(k + 1) / (n - k - 1), k counting constants, free initial states and the variance. `null` if none is admissible.
 */
export function fitEts(series: readonly number[], spec: EtsSpec): EtsFit | null {
  const start = startingStates(series, spec);
  const scale = Math.abs(start.level) || 1;
  const codec = stateCodec(spec, scale);
  const constants = startingConstants(spec);
  const f = (x: readonly number[]): number => {
    const p = constantsOf(spec, x);
    if (!admissible(spec, p)) return INFINITY;
    const states = codec.decode(x, constants.start.length);
    return states === null ? INFINITY : (runEts(series, spec, p, states)?.likelihood ?? INFINITY);
  };
  const encoded = codec.encode(start);
  const steps = [
    ...constants.steps,
    ...encoded.map((_, i) => (i === 0 ? 0.1 : spec.trend !== 'N' && i === 1 ? 0.01 : 0.05)),
  ];
  const minimum = nelderMead(f, [...constants.start, ...encoded], steps, MAX_ITERATIONS, TOLERANCE);
  const p = constantsOf(spec, minimum.point);
  const initial = codec.decode(minimum.point, constants.start.length);
  const run = initial === null ? null : runEts(series, spec, p, initial);
  if (run === null || !Number.isFinite(minimum.value)) return null;
  const n = series.length;
  const k = minimum.point.length + 1;
  const aicc = n - k - 1 > 0 ? run.likelihood + 2 * k + (2 * k * (k + 1)) / (n - k - 1) : Number.POSITIVE_INFINITY;
  return Number.isFinite(aicc) ? { spec, parameters: p, final: run.final, aicc, months: n } : null;
}

function startingConstants(spec: EtsSpec): { start: number[]; steps: number[] } {
  const start = [spec.season === 'N' ? 0.2 : 0.1];
  const steps = [0.1];
  const add = (value: number, step: number): void => {
    start.push(value);
    steps.push(step);
  };
  if (spec.trend !== 'N') add(0.01, 0.01);
  if (spec.season !== 'N') add(0.01, 0.05);
  if (spec.trend === 'Ad') add(0.97, -0.05);
  return { start, steps };
}

function constantsOf(spec: EtsSpec, x: readonly number[]): EtsParameters {
  let i = 1;
  const beta = spec.trend === 'N' ? 0 : (x[i++] ?? 0);
  const gamma = spec.season === 'N' ? 0 : (x[i++] ?? 0);
  const phi = spec.trend === 'Ad' ? (x[i++] ?? 0) : 1;
  return { alpha: x[0] ?? 0, beta, gamma, phi };
}

/** The usual bounds of `forecast::ets`: 0 < beta < alpha < 1, 0 < gamma < 1 - alpha, 0.8 <= phi <= 0.98. */
function admissible(spec: EtsSpec, p: EtsParameters): boolean {
  const low = 1e-4;
  if (!(p.alpha > low && p.alpha < 1 - low)) return false;
  if (spec.trend !== 'N' && !(p.beta > low && p.beta < p.alpha)) return false;
  if (spec.season !== 'N' && !(p.gamma > low && p.gamma < 1 - p.alpha)) return false;
  return spec.trend !== 'Ad' || (p.phi >= 0.8 && p.phi <= 0.98);
}

/**
 * Starting states as `forecast::ets` takes them: the season from a classical decomposition of the first three years
 * (two when shorter), the level and slope from a least-squares line through the first 24 months without the season.
 */
function startingStates(series: readonly number[], spec: EtsSpec): EtsStates {
  const first = series.slice(0, series.length >= 3 * SEASON ? 3 * SEASON : 2 * SEASON);
  const multiplicative = spec.season === 'M';
  const season = spec.season === 'N' ? [] : seasonalIndices(first, centredMovingAverage(first), multiplicative);
  const adjusted = series
    .slice(0, Math.min(2 * SEASON, series.length))
    .map((y, t) => (season.length === 0 ? y : multiplicative ? y / (season[t] ?? 1) : y - (season[t] ?? 0)));
  const n = adjusted.length;
  const mean = adjusted.reduce((sum, y) => sum + y, 0) / n;
  if (spec.trend === 'N') return { level: mean, slope: 0, season };
  const centre = (n + 1) / 2;
  let covariance = 0;
  let variance = 0;
  adjusted.forEach((y, t) => {
    covariance += (t + 1 - centre) * (y - mean);
    variance += (t + 1 - centre) ** 2;
  });
  const slope = variance === 0 ? 0 : covariance / variance;
  return { level: mean - slope * centre, slope, season };
}

/**
 * Initial states as search coordinates: level and slope over `scale` (the starting level), the first 11 seasonal
 * states (over `scale` when additive), the 12th fixed so the season sums to 0 or averages 1. `decode` reads the
 * coordinates from `offset` on (the search point holds the smoothing constants first), without copying them.
 */
function stateCodec(
  spec: EtsSpec,
  scale: number,
): { encode: (s: EtsStates) => number[]; decode: (x: readonly number[], offset: number) => EtsStates | null } {
  const additive = spec.season === 'A';
  const encode = (s: EtsStates): number[] => [
    s.level / scale,
    ...(spec.trend === 'N' ? [] : [s.slope / scale]),
    ...s.season.slice(0, SEASON - 1).map((v) => (additive ? v / scale : v)),
  ];
  const decode = (x: readonly number[], offset: number): EtsStates | null => {
    const level = (x[offset] ?? 0) * scale;
    const slope = spec.trend === 'N' ? 0 : (x[offset + 1] ?? 0) * scale;
    if (spec.season === 'N') return { level, slope, season: [] };
    const season: number[] = [];
    // Summed from 0 in order, as the fold this replaced did: the same floating-point result.
    let sum = 0;
    for (let i = offset + (spec.trend === 'N' ? 1 : 2); i < x.length; i += 1) {
      const v = x[i] ?? 0;
      const state = additive ? v * scale : v;
      season.push(state);
      sum += state;
    }
    season.push(additive ? -sum : SEASON - sum);
    if (!additive && season.some((v) => !(v > 0))) return null;
    return { level, slope, season };
  };
  return { encode, decode };
}
