import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBuilt, ROOT } from '../support/ensure-built.js';

// `npm run bench:compare` (bench/src/compare.ts), run for real on two stand-in checkouts whose bench prints figures the
// test chose: it must alternate the sides, pair the rounds and summarize each numeric figure, and refuse what it
// cannot run.
const COMPARE = path.join(ROOT, 'bench', 'dist', 'compare.js');

/** A checkout with one bench, `fake`, that logs its side and prints `x` (base + its run's number) and other fields. */
function checkout(root: string, side: string, base: number): string {
  const dir = path.join(root, side);
  mkdirSync(path.join(dir, 'bench', 'dist'), { recursive: true });
  const script = `
const fs = require('node:fs');
const log = process.argv[2];
const runs = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\\n').filter(Boolean).length : 0;
fs.appendFileSync(log, ${JSON.stringify(side)} + '\\n');
if (process.env.FAKE_FAIL === ${JSON.stringify(side)}) process.exit(3);
console.log('progress first');
console.log(JSON.stringify({ x: ${base} + runs, same: 7, text: 'not a figure', nested: { y: 1 }, list: [1, 2] }));
`;
  // CommonJS: no package.json above the temporary folder says otherwise.
  writeFileSync(path.join(dir, 'bench', 'dist', 'fake.js'), script);
  return dir;
}

const compare = (args: readonly string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [COMPARE, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('bench:compare', () => {
  let root: string;
  beforeAll(() => ensureBuilt([{ built: COMPARE, sources: [path.join(ROOT, 'bench', 'src')] }], ['@salesbook/bench']));
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'salesbook-compare-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('runs the sides in turns and summarizes each numeric figure over the paired rounds', () => {
    const a = checkout(root, 'a', 100);
    const b = checkout(root, 'b', 200);
    const log = path.join(root, 'runs.log');
    const result = compare(['fake', a, b, '--rounds', '3', '--', log]);
    expect(result.status).toBe(0);
    expect(readFileSync(log, 'utf8').split('\n').filter(Boolean)).toEqual(['a', 'b', 'b', 'a', 'a', 'b']);
    const summary = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as {
      rounds: number;
      figures: Record<string, unknown>;
    };
    expect(summary.rounds).toBe(3);
    // A ran as runs 0, 3 and 4; B as runs 1, 2 and 5.
    expect(summary.figures).toEqual({
      x: {
        a: { median: 103, min: 100, max: 104 },
        b: { median: 202, min: 201, max: 205 },
        ratio: 1.9612,
        bHigher: 3,
        bLower: 0,
        rounds: 3,
      },
      same: {
        a: { median: 7, min: 7, max: 7 },
        b: { median: 7, min: 7, max: 7 },
        ratio: 1,
        bHigher: 0,
        bLower: 0,
        rounds: 3,
      },
    });
    expect(result.stdout).toMatch(/^x +103 \[100-104\] +202 \[201-205\] +1\.96 +3 higher, 0 lower of 3$/m);
  });

  it('stops at a run that fails, and refuses what it cannot run', () => {
    const a = checkout(root, 'a', 1);
    const b = checkout(root, 'b', 2);
    const failed = compare(['fake', a, b, '--', path.join(root, 'runs.log')], { FAKE_FAIL: 'b' });
    expect([failed.status, failed.stderr]).toEqual([
      2,
      expect.stringMatching(/b\/bench\/dist\/fake\.js failed \(exit 3\)/),
    ]);
    expect(compare(['fake', a, path.join(root, 'nowhere')]).stderr).toMatch(/does not exist: build that checkout/);
    expect(compare(['fake', a]).stderr).toMatch(/^usage: compare BENCH DIR_A DIR_B/);
    expect(compare(['fake', a, b, '--rounds', '0']).stderr).toMatch(/--rounds must be a whole number from 1 to 100/);
    expect(compare(['../x', a, b]).status).toBe(2);
  });
});
