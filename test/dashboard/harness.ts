import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureBuilt as ensureBuiltTargets } from '../support/ensure-built.js';

const root = join(__dirname, '..', '..');

/** Screenshots of the browser tests (gitignored). */
export const ARTIFACTS = join(root, 'test-results', 'dashboard');

/** The demo as `npm start` prints it: the dashboard's URL and one token per role. */
export interface StartedDemo {
  readonly url: string;
  readonly dashboard: string;
  readonly tokens: Readonly<Record<string, string>>;
  /** Everything it has printed so far, stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Builds the API and the dashboard when their output is missing or older than their sources (`npm test` has built
 * them already; this is for a developer running this spec alone after an edit).
 */
export function ensureBuilt(): void {
  const app = (name: string) => join(root, 'apps', name);
  const api = { built: join(app('api'), 'dist', 'demo.js'), sources: [join(app('api'), 'src')] };
  const page = {
    built: join(app('dashboard'), 'dist', 'index.html'),
    sources: [join(app('dashboard'), 'src'), join(app('dashboard'), 'index.html')],
  };
  ensureBuiltTargets([api, page], ['@salesbook/api', '@salesbook/dashboard'], 240_000);
}

/**
 * Runs the built start command (`node apps/api/dist/demo.js`, what `npm start` runs) as a child process on a fresh
 * temp dir and a free port, and reads the URL and the tokens from what it prints, as a person would. `waitMs` bounds
 * seeding and catching up (a loaded machine may need longer than the default).
 */
export async function startDemo(env: Readonly<Record<string, string>> = {}, waitMs = 90_000): Promise<StartedDemo> {
  const dir = mkdtempSync(join(tmpdir(), 'salesbook-dashboard-'));
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [join(root, 'apps', 'api', 'dist', 'demo.js')],
    {
      cwd: dir,
      env: {
        PATH: process.env['PATH'] ?? '',
        SALESBOOK_PORT: '0',
        SALESBOOK_LOG_LEVEL: 'warn',
        SALESBOOK_EVENTSTORE: `sqlite:${join(dir, 'events.db')}`,
        SALESBOOK_READMODELS: join(dir, 'readmodels.db'),
        ...env,
      },
    },
  );
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const printed = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the demo printed no dashboard URL in ${waitMs / 1_000} s:\n${output}`)),
      waitMs,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/^Dashboard: \S+/m.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    });
    child.on('exit', (code) => reject(new Error(`the demo exited (${code}):\n${output}`)));
  });
  const dashboard = /^Dashboard: (\S+)/m.exec(printed)?.[1] ?? '';
  const tokens = Object.fromEntries(
    [...printed.matchAll(/^ {2}([a-z_]+) +(ey[\w-]+\.[\w-]+\.[\w-]+)$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']),
  );
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: dashboard.replace(/\/dashboard$/, ''), dashboard, tokens, output: () => output, stop };
}

/**
 * Debian's Chromium, headless, with the flags that keep it off the network (without the background-networking
 * flags it keeps calling Google's services). Playwright gives every launch a fresh temporary profile (it refuses
 * `--user-data-dir` in `args`).
 */
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return { browser, close: () => browser.close() };
}

/**
 * A new page of `browser` in `locale`, signed in to the demo's dashboard with `token`, once the board is drawn; every
 * script error and console error goes to `problems`.
 */
export async function signInPage(
  browser: Browser,
  demo: StartedDemo,
  token: string,
  locale = 'en-US',
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => (message.type() === 'error' ? problems.push(message.text()) : undefined));
  await page.goto(demo.dashboard);
  await page.fill('#token', token);
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForSelector('#status[data-loaded]');
  return { page, problems };
}
