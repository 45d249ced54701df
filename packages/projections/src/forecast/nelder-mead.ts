/** Module bindings, not global lookups: globals are slow where the code runs in a `vm` context (as under Jest). */
const { abs } = Math;
const INFINITY = Number.POSITIVE_INFINITY;

/** The best point found by `nelderMead` and its value. */
export interface Minimum {
  readonly point: readonly number[];
  readonly value: number;
}

/**
 * Nelder-Mead simplex minimisation (reflection 1, expansion 2, contraction 1/2, shrink 1/2) from a fixed start and
 * fixed first steps: deterministic, no randomness. `f` may answer +Infinity for points outside the admissible region.
 * Stops after `maxIterations` or when the simplex's values agree to a relative `tolerance`.
 */
export function nelderMead(
  f: (point: readonly number[]) => number,
  start: readonly number[],
  steps: readonly number[],
  maxIterations: number,
  tolerance = 1e-10,
): Minimum {
  const n = start.length;
  let simplex: number[][] = [[...start], ...steps.map((step, i) => start.map((x, j) => (i === j ? x + step : x)))];
  let values = simplex.map(f);
  const order = values.map((_, i) => i);
  const byValue = (a: number, b: number): number => (values[a] ?? 0) - (values[b] ?? 0) || a - b;
  for (let iteration = 0; iteration < maxIterations; iteration += 1) {
    for (let i = 0; i <= n; i += 1) order[i] = i;
    order.sort(byValue);
    simplex = order.map((i) => simplex[i] ?? []);
    values = order.map((i) => values[i] ?? INFINITY);
    const best = values[0] ?? 0;
    const worst = values[n] ?? 0;
    if (abs(worst - best) <= tolerance * (abs(best) + tolerance)) break;
    const replaced = step(f, simplex, values);
    if (!replaced) shrink(f, simplex, values);
  }
  const best = values.reduce((b, value, i) => (value < (values[b] ?? 0) ? i : b), 0);
  return { point: simplex[best] ?? [...start], value: values[best] ?? INFINITY };
}

/** One reflection, expansion or contraction of the worst point (sorted simplex); false when none improves it. */
function step(f: (point: readonly number[]) => number, simplex: number[][], values: number[]): boolean {
  const n = simplex.length - 1;
  const worst = simplex[n] ?? [];
  const centroid = worst.map((_, j) => {
    // Summed in simplex order from 0, as a fold would, with no copy of the simplex per coordinate.
    let sum = 0;
    for (let i = 0; i < n; i += 1) sum += simplex[i]?.[j] ?? 0;
    return sum / n;
  });
  const along = (t: number): number[] => centroid.map((c, j) => c + t * ((worst[j] ?? 0) - c));
  const accept = (point: number[], value: number): true => {
    simplex[n] = point;
    values[n] = value;
    return true;
  };
  const reflected = along(-1);
  const fr = f(reflected);
  if (fr < (values[0] ?? 0)) {
    const expanded = along(-2);
    const fe = f(expanded);
    return fe < fr ? accept(expanded, fe) : accept(reflected, fr);
  }
  if (fr < (values[n - 1] ?? 0)) return accept(reflected, fr);
  const outside = fr < (values[n] ?? 0);
  const contracted = along(outside ? -0.5 : 0.5);
  const fc = f(contracted);
  return fc < (outside ? fr : (values[n] ?? 0)) ? accept(contracted, fc) : false;
}

function shrink(f: (point: readonly number[]) => number, simplex: number[][], values: number[]): void {
  const best = simplex[0] ?? [];
  for (let i = 1; i < simplex.length; i += 1) {
    const point = (simplex[i] ?? []).map((x, j) => (best[j] ?? 0) + 0.5 * (x - (best[j] ?? 0)));
    simplex[i] = point;
    values[i] = f(point);
  }
}
