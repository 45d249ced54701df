import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The API under test, in its own process (as deployed), on loopback. */
export interface ApiProcess {
  readonly url: string;
  readonly secret: string;
  /** CPU time the API process has used so far, in seconds (Linux `/proc`); undefined where that cannot be read. */
  cpuSeconds(): number | undefined;
  stop(): Promise<void>;
}

/** The built API; BENCH_API_MAIN names another build's `main.js` (e.g. a copy of `dist` beside it) to compare two builds. */
const MAIN = process.env['BENCH_API_MAIN'] ?? fileURLToPath(new URL('../../apps/api/dist/main.js', import.meta.url));

/** Node flags for the API process only (`API_NODE_ARGS`, e.g. `--cpu-prof --cpu-prof-dir=DIR`). */
export const apiNodeArgs = (): string[] => (process.env['API_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg !== '');

/** Starts `apps/api/dist/main.js` on the given store files (with Node flags `nodeArgs`) and resolves with its URL once it listens. */
export function startApi(
  eventsPath: string,
  readModelsPath: string,
  nodeArgs: readonly string[] = [],
): Promise<ApiProcess> {
  const secret = randomBytes(32).toString('base64url');
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    SALESBOOK_EVENTSTORE: `sqlite:${eventsPath}`,
    SALESBOOK_READMODELS: readModelsPath,
    SALESBOOK_JWT_SECRET: secret,
    SALESBOOK_SURVEY_LINK_SECRET: randomBytes(32).toString('base64url'),
    // Outside development the API needs the key store's master key; the key store sits beside the read models.
    SALESBOOK_MASTER_KEY: randomBytes(32).toString('base64'),
    SALESBOOK_KEYSTORE: join(dirname(readModelsPath), 'keys.db'),
    SALESBOOK_PORT: '0',
    SALESBOOK_LOG_LEVEL: 'warn',
    // The load comes from one address with a few tokens at thousands of requests a second: no rate limit.
    SALESBOOK_RATE_LIMIT: '0',
  };
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, MAIN], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`the API exited (${String(code)}) before listening:\n${output}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1] === undefined) return;
      child.removeAllListeners('exit');
      const stop = (): Promise<void> =>
        new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        });
      resolve({
        url: match[1].replace('localhost', '127.0.0.1'),
        secret,
        stop,
        cpuSeconds: () => (child.pid === undefined ? undefined : processCpuSeconds(child.pid)),
      });
    });
  });
}

/**
 * User plus system CPU time of process `pid`, in seconds, from `/proc/<pid>/stat` (fields 14 and 15, in USER_HZ
 * ticks, which Linux fixes at 100 for user space); undefined off Linux or once the process is gone.
 */
function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An HS256 bearer token for an actor, signed with the API's secret (what the dev tokens are, without a library). */
export function token(secret: string, sub: string, role: string, region?: string): string {
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${base64url({ alg: 'HS256' })}.${base64url({ sub, role, ...(region === undefined ? {} : { region }), iat: now, exp: now + 3_600 })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** Resolves once every projection is live with no lag (the API replays the read models at start). */
export async function whenCaughtUp(url: string, bearer: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${url}/projections/status`, { headers: { authorization: `Bearer ${bearer}` } });
    const { projections } = (await response.json()) as { projections: { state: string; lag: number }[] };
    if (projections.every((p) => p.state === 'live' && p.lag === 0)) return;
    if (Date.now() > deadline)
      throw new Error(`read models did not catch up in ${timeoutMs} ms: ${JSON.stringify(projections)}`);
    await new Promise((wait) => setTimeout(wait, 500));
  }
}
