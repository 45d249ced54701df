import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The API's folder (`apps/api`): the nearest folder up from this module with a `package.json`, wherever the module is
 * (its source in `src/dashboard`, tsc's output in `out-tsc/dashboard`, or a chunk of the bundle in `dist`).
 */
function apiFolder(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

/** Where `apps/dashboard` builds to. */
export const DASHBOARD_DIST = join(apiFolder(), '..', 'dashboard', 'dist') + sep;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The page may load and call nothing but this origin: no CDN, no remote font, no beacon. Chart.js draws on a canvas
 * and sets element styles from script (CSSOM), which `style-src 'self'` does not restrict.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A file of the built dashboard: its bytes and content type. */
export interface DashboardFile {
  readonly body: Buffer;
  readonly type: string;
}

// Names the build emits (index.html, assets/index-<hash>.js): letters, digits, dot, dash, underscore, one folder deep.
const SAFE = /^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)?[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * The file `relative` of the built dashboard in `root`, or `undefined` when the name is not one the build makes,
 * has an unknown type, leaves the folder (`..`, a symlink out) or does not exist. An empty name is the page.
 */
export function readDashboardFile(root: string, relative: string): DashboardFile | undefined {
  const name = relative === '' ? 'index.html' : relative;
  const type = TYPES[extname(name)];
  if (!SAFE.test(name) || name.includes('..') || type === undefined) return undefined;
  try {
    const base = realpathSync(root);
    const path = realpathSync(join(base, name));
    if (!path.startsWith(base + sep) || !statSync(path).isFile()) return undefined;
    return { body: readFileSync(path), type };
  } catch {
    return undefined;
  }
}
