import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Actor } from '@salesbook/domain';
import { signToken } from '../auth/jwt.js';
import { actor, TEST_TEAM } from './test-app.js';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** The built API (`dist/main.js`) in a child process, its standard output and error in a log file. */
export interface BuiltApi {
  readonly url: string;
  readonly logFile: string;
  /** fetch with a bearer token for `actor`; the parsed JSON body (`any`: tests assert shapes field by field). */
  call(
    method: string,
    path: string,
    actor: Actor,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any }>;
  /** SIGTERM, and wait for the process to end: Nest's shutdown hooks close the stores, then re-raise the signal. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const childEnv = (env: Record<string, string>, secret: string): Record<string, string> => ({
  PATH: process.env['PATH'] ?? '',
  SALESBOOK_JWT_SECRET: secret,
  SALESBOOK_SURVEY_LINK_SECRET: `${secret}-survey-links-0123456789abcdef`,
  SALESBOOK_PORT: '0',
  ...env,
});

/** Runs `dist/main.js` expecting it to refuse to start: its exit code and everything it printed. */
export async function startupRefusal(
  env: Record<string, string>,
  secret: string,
): Promise<{ code: number | null; output: string }> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the API first (npx nx run @salesbook/api:build)`);
  const child = spawn(process.execPath, [MAIN], { env: childEnv(env, secret), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const code = await new Promise<number | null>((done) => child.once('close', (exit) => done(exit)));
  clearTimeout(timer);
  return { code, output };
}

/**
 * Starts `dist/main.js` (build first: `npx nx run @salesbook/api:build`) with `env`, logging into `<logDir>/api.log`,
 * and resolves once it listens. A test of what lands on disk, logs included, needs the real process.
 */
export async function startBuiltApi(env: Record<string, string>, secret: string, logDir: string): Promise<BuiltApi> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the API first (npx nx run @salesbook/api:build)`);
  const logFile = join(logDir, 'api.log');
  const fd = openSync(logFile, 'a');
  // The log may hold earlier runs (a restart appends): look for this run's "listening" line only.
  const from = existsSync(logFile) ? readFileSync(logFile).length : 0;
  const child = spawn(process.execPath, [MAIN], { env: childEnv(env, secret), stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  let url: string | undefined;
  for (let waited = 0; url === undefined; waited += 50) {
    if (child.exitCode !== null || waited > 20_000) {
      // A child left running when the start fails keeps the test process (and so CI) from ever ending.
      child.kill('SIGKILL');
      throw new Error(`the API did not start:\n${readFileSync(logFile, 'utf8')}`);
    }
    await new Promise((wait) => setTimeout(wait, 50));
    url = /listening on (http:\/\/\S+)/.exec(readFileSync(logFile).subarray(from).toString('utf8'))?.[1];
  }
  const base = url;
  const api: BuiltApi = {
    url: base,
    logFile,
    async call(method, path, actor, body, headers = {}) {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await signToken(secret, actor)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  await enterTestTeam(api);
  return api;
}

/**
 * Enters {@link TEST_TEAM} over HTTP as the system (dated 2020-01-01), so the tests' people may act; a member
 * already on the register (a restart on the same store) is left as it is.
 */
async function enterTestTeam(api: BuiltApi): Promise<void> {
  const system = actor('system', 'system');
  for (const member of TEST_TEAM) {
    const response = await api.call('POST', '/team/members', system, {
      ...member,
      joinedOn: '2020-01-01',
      occurredAt: '2020-01-01T00:00:00.000Z',
    });
    if (response.status !== 201 && response.body?.code !== 'TEAM_MEMBER_ALREADY_ACTIVE')
      throw new Error(`test team: ${member.memberId}: ${response.status} ${JSON.stringify(response.body)}`);
  }
}
