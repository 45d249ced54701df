import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const API_MAIN = join(root, 'apps', 'api', 'dist', 'main.js');

/** A child process of the multi-host test and how to end it. */
export interface Child {
  readonly process: ChildProcess;
  /** SIGKILL (a crash, or a host gone) and wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

const ending =
  (child: ChildProcess) =>
  async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };

const childOf = (process: ChildProcess): Child => ({
  process,
  kill: () => ending(process)('SIGKILL'),
  stop: () => ending(process)('SIGTERM'),
});

/** The EventStoreDB double in a process of its own (its log kept in `logFile` across restarts); resolves with its port. */
export async function startDoubleProcess(port: number, logFile: string): Promise<Child & { readonly port: number }> {
  const child = spawn(process.execPath, [join(__dirname, 'double-process.mjs'), String(port), logFile], {
    // Its stderr is read here, not inherited: a double that outlived the run would hold the test runner's own pipe.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const started = new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      const line = /\{"port":(\d+)\}/.exec(printed);
      if (line?.[1] !== undefined) resolve(Number(line[1]));
    });
    child.once('exit', (code) =>
      reject(new Error(`the double exited (${String(code)}) before it listened: ${errors}`)),
    );
  });
  return { ...childOf(child), port: await started };
}

/** An HTTP call's outcome: the status, and the parsed body (`any`: tests assert shapes field by field). */
export type Reply = { readonly status: number; readonly body: any };

/** The built API (`apps/api/dist/main.js`) in a process of its own, its output in `<dir>/api.log`. */
export interface ApiProcess extends Child {
  readonly url: string;
  call(method: string, path: string, actor: Actor, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
}

/** Who calls: the claims of an HS256 bearer token. */
export interface Actor {
  readonly id: string;
  readonly role: string;
  readonly region?: string;
}

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/** An HS256 token as the API verifies it (subject, role, region, an expiry). */
export function token(secret: string, actor: Actor): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: actor.id,
    role: actor.role,
    ...(actor.region === undefined ? {} : { region: actor.region }),
    iat: now,
    exp: now + 3600,
  };
  const unsigned = `${base64url(JSON.stringify({ alg: 'HS256' }))}.${base64url(JSON.stringify(claims))}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** Starts the built API with `env` (and the test's secret) and resolves once it listens. */
export async function startApiProcess(env: Record<string, string>, secret: string, dir: string): Promise<ApiProcess> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: build first (npm run build)`);
  const logFile = join(dir, 'api.log');
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [API_MAIN], {
    env: {
      PATH: process.env['PATH'] ?? '',
      SALESBOOK_JWT_SECRET: secret,
      SALESBOOK_SURVEY_LINK_SECRET: `${secret}-survey-links-0123456789abcdef`,
      SALESBOOK_PORT: '0',
      SALESBOOK_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  let url: string | undefined;
  for (let waited = 0; url === undefined; waited += 100) {
    if (child.exitCode !== null || waited > 30_000)
      throw new Error(`the API did not start:\n${readFileSync(logFile, 'utf8')}`);
    await new Promise((wait) => setTimeout(wait, 100));
    url = /listening on (http:\/\/\S+)/.exec(readFileSync(logFile, 'utf8'))?.[1];
  }
  const at = url;
  return {
    ...childOf(child),
    url: at,
    async call(method, path, actor, body, headers = {}) {
      const response = await fetch(`${at}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token(secret, actor)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
    },
  };
}
