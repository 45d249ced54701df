import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's root. */
export const ROOT = join(__dirname, '..', '..');

/** A built file and the sources it is built from (folders or files). */
export interface BuildTarget {
  readonly built: string;
  readonly sources: readonly string[];
}

/** The newest modification time under `path`; specs, `dist` and `node_modules` do not count. */
function newest(path: string): number {
  if (!statSync(path).isDirectory()) return path.endsWith('.spec.ts') ? 0 : statSync(path).mtimeMs;
  const entries = readdirSync(path).filter((name) => name !== 'dist' && name !== 'node_modules');
  return Math.max(0, ...entries.map((name) => newest(join(path, name))));
}

const stale = (target: BuildTarget): boolean =>
  !existsSync(target.built) || Math.max(...target.sources.map(newest)) > statSync(target.built).mtimeMs;

/** A package's built entry and its sources. */
export const packageTarget = (name: string): BuildTarget => ({
  built: join(ROOT, 'packages', name, 'dist', 'index.js'),
  sources: [join(ROOT, 'packages', name, 'src')],
});

/**
 * Tests that run built code (child processes, the binary, the demo) run what a deployment runs. `npm test` builds
 * everything first; when a target is missing or older than its sources (a developer running one spec after an
 * edit), this builds `projects` through Nx, which also builds their dependencies.
 */
export function ensureBuilt(targets: readonly BuildTarget[], projects: readonly string[], timeoutMs = 170_000): void {
  if (!targets.some(stale)) return;
  execFileSync('npx', ['nx', 'run-many', '-t', 'build', '-p', ...projects, '--outputStyle=static'], {
    cwd: ROOT,
    stdio: 'pipe',
    timeout: timeoutMs,
  });
}
