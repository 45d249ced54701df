import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Fault tests run real child processes on the packages' built code (`dist`), as a deployment does.
 * `npm test` builds everything first; when a package's dist is missing or older than its sources
 * (a developer running one spec after an edit), this builds it through Nx, which also builds its dependencies.
 */
export function ensureBuilt(packages: readonly string[], project: string): void {
  const stale = packages.some((name) => {
    const built = join(root, 'packages', name, 'dist', 'index.js');
    return !existsSync(built) || newestSource(join(root, 'packages', name, 'src')) > statSync(built).mtimeMs;
  });
  if (stale) execFileSync('npx', ['nx', 'run', `${project}:build`, '--outputStyle=static'], { cwd: root, stdio: 'pipe', timeout: 170_000 });
}
