import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

interface Assertion {
  readonly ancestorTitles: readonly string[];
  readonly title: string;
  readonly status: string;
}

// The contract suite in a real child Jest run: which tests an adapter's options register, and how they end.
function runFixture(): Assertion[] {
  const root = join(__dirname, '..');
  const jest = require.resolve('jest/bin/jest');
  const out = execFileSync(
    process.execPath,
    [
      jest,
      '-c',
      join(root, 'jest.config.cjs'),
      '--json',
      '--runInBand',
      '--testMatch',
      '**/registration.fixture.ts',
      '--testPathIgnorePatterns',
      '/node_modules/',
    ],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(out) as { testResults: { assertionResults: Assertion[] }[] };
  return report.testResults.flatMap((file) => file.assertionResults);
}

const under = (results: readonly Assertion[], prefix: string): Assertion[] =>
  results.filter((result) => result.ancestorTitles[0]?.startsWith(prefix) === true);

describe('the contract suite registers what an adapter can run', () => {
  const results = runFixture();
  const hooked = under(results, 'with hooks');
  const hookless = under(results, 'without hooks');
  const skipped = under(results, 'not here');
  const needsHook = (result: Assertion): boolean =>
    result.ancestorTitles.includes('several instances on one log') ||
    result.title.includes('second instance') ||
    result.title.startsWith('never delivers system events');

  it('registers the tests that need a hook only when the adapter gives it, and runs them', () => {
    expect(hooked.filter(needsHook).length).toBeGreaterThanOrEqual(3);
    expect(hooked.every((result) => result.status === 'passed')).toBe(true);
    expect(hookless.filter(needsHook)).toEqual([]);
    expect(hookless.map((result) => result.title).sort()).toEqual(
      hooked
        .filter((result) => !needsHook(result))
        .map((result) => result.title)
        .sort(),
    );
  });

  it('registers a skipped suite whole, every test skipped, with its reason in the title', () => {
    expect(skipped.map((result) => result.title).sort()).toEqual(hookless.map((result) => result.title).sort());
    expect(skipped.every((result) => result.status === 'pending')).toBe(true);
    expect(skipped[0]?.ancestorTitles[0]).toBe('not here event store contract (skipped: no server in this fixture)');
  });
});
