/** Latency figures of one timed call site, in milliseconds (3 decimals), with the size of what it answered. */
export interface Timing {
  readonly calls: number;
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly meanMs: number;
  /** Mean rows per answer. */
  readonly meanRows: number;
  /** Mean size of the answer as JSON, kilobytes (measured outside the timed part). */
  readonly meanKb: number;
}

const round = (ms: number): number => Math.round(ms * 1_000) / 1_000;

/** Nearest-rank quantile of ascending `sorted` values. */
const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;

/**
 * Calls `call(i)` for i = 0..calls-1 and times each call alone (after a warm-up of a tenth of the calls, at least
 * 5, with other parameters, not counted). The answer's rows are counted and serialised after the clock stops.
 */
export function timeCalls(calls: number, call: (i: number) => readonly unknown[]): Timing {
  const warmUp = Math.max(5, Math.floor(calls / 10));
  for (let i = 0; i < warmUp; i += 1) call(calls + i);
  const times: number[] = [];
  let rows = 0;
  let bytes = 0;
  for (let i = 0; i < calls; i += 1) {
    const started = performance.now();
    const answer = call(i);
    times.push(performance.now() - started);
    rows += answer.length;
    bytes += JSON.stringify(answer).length;
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    calls,
    medianMs: round(quantile(sorted, 0.5)),
    p99Ms: round(quantile(sorted, 0.99)),
    maxMs: round(sorted.at(-1) ?? 0),
    meanMs: round(times.reduce((a, b) => a + b, 0) / calls),
    meanRows: Math.round(rows / calls),
    meanKb: Math.round(bytes / calls / 102.4) / 10,
  };
}
