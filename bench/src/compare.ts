import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { compareRounds, comparisonLines, figuresOf } from './compare-summary.js';

// `npm run bench:compare -- BENCH DIR_A DIR_B [--rounds N] [-- ARGS...]`: runs `bench/dist/BENCH.js` (append, api, ...)
// of two built checkouts of this repository (say main and a branch's git worktree) in turns, A then B in one round and
// B then A in the next, so that a machine's drift falls on both; each run gets ARGS and this process's environment.
// Prints every numeric figure of the runs' last JSON lines: each side's median and range, B's median over A's, and in
// how many rounds B's figure was above or below A's of the same round. A figure that moves by less than the rounds
// spread, or that B wins in about half the rounds, did not move. The last line is one JSON object.

interface Options {
  readonly bench: string;
  readonly dirs: readonly [string, string];
  readonly rounds: number;
  readonly args: readonly string[];
}

const Rounds = z.coerce.number().int().min(1).max(100);
const Bench = z.string().regex(/^[a-z][a-z0-9-]*$/, "a bench's name (append, api, ...)");

function parse(argv: readonly string[]): Options {
  // What follows `--` is the bench's own; parseArgs would take it as positionals.
  const split = argv.indexOf('--');
  const own = split < 0 ? argv : argv.slice(0, split);
  const { values, positionals } = parseArgs({
    args: [...own],
    options: { rounds: { type: 'string', default: '4' } },
    allowPositionals: true,
  });
  const [bench, a, b, ...rest] = positionals;
  if (bench === undefined || a === undefined || b === undefined || rest.length > 0)
    throw new Error('usage: compare BENCH DIR_A DIR_B [--rounds N] [-- ARGS...]');
  const rounds = Rounds.safeParse(values.rounds);
  if (!rounds.success) throw new Error(`--rounds must be a whole number from 1 to 100, not ${values.rounds}`);
  const name = Bench.safeParse(bench);
  if (!name.success) throw new Error(`BENCH is a bench's name (append, api, ...), not ${bench}`);
  // Through npm the script runs in bench/; INIT_CWD is where npm was called, which relative folders are relative to.
  const from = process.env['INIT_CWD'] ?? process.cwd();
  return {
    bench: name.data,
    dirs: [resolve(from, a), resolve(from, b)],
    rounds: rounds.data,
    args: split < 0 ? [] : argv.slice(split + 1),
  };
}

const script = (dir: string, bench: string): string => join(dir, 'bench', 'dist', `${bench}.js`);

/** One run of one side: its figures, after it ended well. */
function run(dir: string, { bench, args }: Options): Map<string, number> {
  const result = spawnSync(process.execPath, [script(dir, bench), ...args], {
    cwd: join(dir, 'bench'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`${script(dir, bench)} failed (exit ${String(result.status ?? result.signal)})`);
  return figuresOf(result.stdout.trim().split('\n').at(-1) ?? '');
}

function main(argv: readonly string[]): void {
  const options = parse(argv);
  for (const dir of options.dirs)
    if (!existsSync(script(dir, options.bench)))
      throw new Error(`${script(dir, options.bench)} does not exist: build that checkout's bench first`);
  const [dirA, dirB] = options.dirs;
  console.log(
    `A: ${dirA}\nB: ${dirB}\n${options.rounds} rounds of bench/dist/${options.bench}.js, A first in odd ones`,
  );
  const a: Map<string, number>[] = [];
  const b: Map<string, number>[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    const aFirst = round % 2 === 0;
    const first = run(aFirst ? dirA : dirB, options);
    const second = run(aFirst ? dirB : dirA, options);
    a.push(aFirst ? first : second);
    b.push(aFirst ? second : first);
    console.log(`round ${round + 1} of ${options.rounds} done (${aFirst ? 'A, B' : 'B, A'})`);
  }
  const compared = compareRounds(a, b);
  for (const line of comparisonLines(compared)) console.log(line);
  // Four decimals at most: a median of two rounds is their mean, which floats print with a long tail.
  const rounded = (_key: string, value: unknown): unknown =>
    typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 10_000) / 10_000 : value;
  console.log(
    JSON.stringify({ bench: options.bench, rounds: options.rounds, figures: Object.fromEntries(compared) }, rounded),
  );
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
