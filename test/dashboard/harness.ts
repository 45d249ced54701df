import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureBuilt as ensureBuiltTargets } from '../support/ensure-built.js';
import { RUN_FOLDER } from '../support/global-setup.js';

const root = join(__dirname, '..', '..');

/** A business date `days` from today in the demo's time zone (the demo runs on the real clock). */
export const shanghaiDate = (days: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));

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

const DEMO = join(root, 'apps', 'api', 'dist', 'demo.js');

/**
 * Runs the built start command (`node apps/api/dist/demo.js`, what `npm start` runs) as a child process on a fresh
 * temp dir (a copy of `seeded` when given) and a free port, and reads the URL and the tokens from what it prints, as a
 * person would. `waitMs` bounds seeding and catching up: a few seconds on a quiet machine, minutes on one shared by
 * several test runs. `stop` ends it and removes the folder.
 */
export async function startDemo(
  env: Readonly<Record<string, string>> = {},
  waitMs = 240_000,
  seeded?: string,
): Promise<StartedDemo> {
  const dir = mkdtempSync(join(tmpdir(), 'salesbook-dashboard-'));
  if (seeded !== undefined) cpSync(seeded, dir, { recursive: true });
  const demo = await runDemo(dir, env, waitMs);
  return {
    ...demo,
    stop: async () => {
      await demo.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The demo on `dir` (its data where `npm start` keeps it, under `dir`): running once it printed its dashboard URL. */
async function runDemo(dir: string, env: Readonly<Record<string, string>>, waitMs: number): Promise<StartedDemo> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [DEMO], {
    cwd: dir,
    env: {
      PATH: process.env['PATH'] ?? '',
      SALESBOOK_PORT: '0',
      SALESBOOK_LOG_LEVEL: 'warn',
      SALESBOOK_EVENTSTORE: `sqlite:${join(dir, 'events.db')}`,
      SALESBOOK_READMODELS: join(dir, 'readmodels.db'),
      ...env,
    },
  });
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
  };
  return { url: dashboard.replace(/\/dashboard$/, ''), dashboard, tokens, output: () => output, stop };
}

/**
 * A data folder the demo has seeded and caught up, made once per test run and business day, which each browser spec
 * copies and starts the demo on. Seeding its 23,000 events and projecting them took most of each spec's time and CPU,
 * while what the specs look at is the board over that data: a start on seeded data (what `npm start` does every time
 * after the first) serves the same. The first start is tested where it matters (the demo's own specs and
 * `test/start`). The first spec to ask makes the folder under a lock (a folder holding its process id, taken over once
 * that process is gone); the others wait. It is in the run's folder, which Jest's global teardown removes.
 */
export async function seededDemoFolder(waitMs: number): Promise<string> {
  const run = process.env[RUN_FOLDER] ?? join(tmpdir(), `salesbook-test-run-pid-${process.pid}`);
  mkdirSync(run, { recursive: true });
  const folder = join(run, `demo-seed-${shanghaiDate(0)}`);
  const lock = `${folder}.lock`;
  for (const since = Date.now(); !existsSync(folder); await new Promise((wait) => setTimeout(wait, 250))) {
    if (!takeLock(lock)) {
      if (Date.now() - since > waitMs) throw new Error(`no seeded demo folder after ${waitMs / 1_000} s (${lock})`);
      continue;
    }
    try {
      if (existsSync(folder)) break;
      const partial = mkdtempSync(`${folder}.partial-`);
      const demo = await runDemo(partial, {}, waitMs);
      await demo.stop();
      renameSync(partial, folder);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return folder;
}

/** Takes `lock` (a folder with this process's id in it), or takes it over from a process that has ended. */
function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), String(process.pid));
    return true;
  } catch {
    const owner = Number(readFileSafely(join(lock, 'pid')));
    if (owner > 0 && !alive(owner)) rmSync(lock, { recursive: true, force: true });
    return false;
  }
}

const readFileSafely = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

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

/** What a page opened by a spec is: the page, and every script error, console error and off-origin request on it. */
export interface SignedInPage {
  readonly page: Page;
  readonly problems: string[];
}

/** How a spec opens the board: its language, a context of its own (cookies, storage), a taller window. */
export interface SignInOptions {
  readonly locale?: string;
  readonly context?: BrowserContext;
  readonly height?: number;
}

/**
 * A new page signed in to the demo's dashboard with `token`, once the board is drawn. Every script error, console error
 * and request to another origin goes to `problems` (the dashboard is served whole by the API and calls nothing else).
 */
export async function signInPage(
  browser: Browser,
  demo: StartedDemo,
  token: string,
  { locale = 'en-US', context, height = 1000 }: SignInOptions = {},
): Promise<SignedInPage> {
  const page = await (context ?? browser).newPage(
    context === undefined ? { viewport: { width: 1400, height }, locale } : {},
  );
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => (message.type() === 'error' ? problems.push(message.text()) : undefined));
  page.on('request', (request) =>
    new URL(request.url()).origin === demo.url ? undefined : problems.push(`request to ${request.url()}`),
  );
  await page.goto(demo.dashboard);
  await page.fill('#token', token);
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForSelector('#status[data-loaded]');
  return { page, problems };
}

/** One spec file's demo and browser, and the calls every browser spec makes on them. */
export interface DemoSession {
  readonly demo: StartedDemo;
  readonly browser: Browser;
  /** The API's JSON answer to a GET with `role`'s token (the test fails unless it is 200). */
  get(role: string, path: string, query?: Readonly<Record<string, string>>): Promise<any>;
  /** The board signed in as `role`. */
  signIn(role: string, options?: SignInOptions): Promise<SignedInPage>;
}

/**
 * Starts the demo and Chromium before a spec file's tests (then runs `setUp`, to add what the spec needs) and stops
 * both after them. The session's members may be read from the tests and from `setUp` on.
 */
export function useDemoAndBrowser(
  options: {
    readonly env?: Readonly<Record<string, string>>;
    readonly waitMs?: number;
    readonly setUp?: (demo: StartedDemo) => Promise<void>;
  } = {},
): DemoSession {
  let demo: StartedDemo | undefined;
  let chromium: { browser: Browser; close(): Promise<void> } | undefined;
  const waitMs = options.waitMs ?? 240_000;
  beforeAll(
    async () => {
      ensureBuilt();
      demo = await startDemo(options.env, waitMs, await seededDemoFolder(waitMs));
      chromium = await launchChromium();
      await options.setUp?.(demo);
    },
    2 * waitMs + 150_000,
  );
  afterAll(async () => {
    await chromium?.close();
    await demo?.stop();
  });
  const started = (): { demo: StartedDemo; browser: Browser } => {
    if (demo === undefined || chromium === undefined) throw new Error('the demo and the browser are not started yet');
    return { demo, browser: chromium.browser };
  };
  return {
    get demo() {
      return started().demo;
    },
    get browser() {
      return started().browser;
    },
    async get(role, path, query = {}) {
      const { url, tokens } = started().demo;
      const search = new URLSearchParams(query).toString();
      const response = await fetch(`${url}${path}${search === '' ? '' : `?${search}`}`, {
        headers: { authorization: `Bearer ${tokens[role]}` },
      });
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      return response.json();
    },
    signIn(role, signInOptions) {
      const { demo: started_, browser } = started();
      return signInPage(browser, started_, started_.tokens[role] ?? '', signInOptions);
    },
  };
}
