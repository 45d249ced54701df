import { median } from './measure.js';

/** One figure over the rounds of one side: its median and range. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** One figure of both sides over paired rounds. */
export interface FigureComparison {
  readonly a: Spread;
  readonly b: Spread;
  /** B's median over A's (undefined when A's median is 0). */
  readonly ratio: number | undefined;
  /** Rounds in which B's figure was above A's of the same round, and below it. */
  readonly bHigher: number;
  readonly bLower: number;
  /** Rounds in which both sides printed the figure. */
  readonly rounds: number;
}

/** The numeric fields of a bench's last JSON line (nested objects and lists are left out). */
export function figuresOf(line: string): Map<string, number> {
  const parsed: unknown = JSON.parse(line);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`the bench's last line is not a JSON object: ${line.slice(0, 200)}`);
  const figures = new Map<string, number>();
  for (const [key, value] of Object.entries(parsed))
    if (typeof value === 'number' && Number.isFinite(value)) figures.set(key, value);
  return figures;
}

const spread = (values: readonly number[]): Spread => ({
  median: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
});

/**
 * Each figure that both sides printed in at least one common round, over the rounds where both did: `a[i]` and `b[i]`
 * are the figures of round `i` (one run of each side, taken in turn).
 */
export function compareRounds(
  a: readonly ReadonlyMap<string, number>[],
  b: readonly ReadonlyMap<string, number>[],
): Map<string, FigureComparison> {
  if (a.length !== b.length) throw new Error(`rounds differ: ${a.length} of A, ${b.length} of B`);
  const keys = new Set(a.flatMap((round) => [...round.keys()]));
  const compared = new Map<string, FigureComparison>();
  for (const key of keys) {
    const pairs = a.flatMap((round, index) => {
      const x = round.get(key);
      const y = b[index]?.get(key);
      return x === undefined || y === undefined ? [] : [[x, y] as const];
    });
    if (pairs.length === 0) continue;
    const ofA = spread(pairs.map(([x]) => x));
    const ofB = spread(pairs.map(([, y]) => y));
    compared.set(key, {
      a: ofA,
      b: ofB,
      ratio: ofA.median === 0 ? undefined : ofB.median / ofA.median,
      bHigher: pairs.filter(([x, y]) => y > x).length,
      bLower: pairs.filter(([x, y]) => y < x).length,
      rounds: pairs.length,
    });
  }
  return compared;
}

const figure = (value: number): string =>
  Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
const side = ({ median: m, min, max }: Spread): string => `${figure(m)} [${figure(min)}-${figure(max)}]`;

/** The comparison as aligned text lines, a header first. */
export function comparisonLines(compared: ReadonlyMap<string, FigureComparison>): string[] {
  const rows = [...compared].map(([key, c]) => [
    key,
    side(c.a),
    side(c.b),
    c.ratio === undefined ? '-' : c.ratio.toFixed(2),
    `${c.bHigher} higher, ${c.bLower} lower of ${c.rounds}`,
  ]);
  const table = [['figure', 'A median [range]', 'B median [range]', 'B/A', 'B in the same round'], ...rows];
  const widths = table[0]?.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length))) ?? [];
  return table.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}
