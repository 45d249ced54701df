import { spawn, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PostgreSQL server of this machine's Debian package, in a temporary folder, for tests. */
export interface TestPostgres {
  /** `postgres://salesbook@127.0.0.1:PORT/postgres` (trust authentication on loopback). */
  readonly url: string;
  readonly port: number;
  /** Stops the server (fast shutdown) and leaves its folder, so `start` runs it again on the same data. */
  stop(): Promise<void>;
  /** Starts it again after `stop`, on the same port and data. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

/** Where Debian's `postgresql-15` puts `initdb`, `pg_ctl` and `postgres`; `SALESBOOK_PG_BIN` overrides it. */
export const postgresBin = (): string => process.env['SALESBOOK_PG_BIN'] ?? '/usr/lib/postgresql/15/bin';

/** Whether the PostgreSQL binaries are installed (`.ci/run` installs them when missing). */
export const postgresInstalled = (): boolean => existsSync(join(postgresBin(), 'initdb'));

/** A free loopback port, asked of the kernel. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

// PostgreSQL refuses to run as root: as root, the server runs as `nobody` in a folder it owns.
const NOBODY = 65534;
const asUser = (): SpawnOptions => (process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {});

async function run(command: string, args: readonly string[]): Promise<void> {
  const child = spawn(join(postgresBin(), command), args, {
    ...asUser(),
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_ALL: 'C' },
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${String(code)}): ${errors.trim()}`);
}

/**
 * Creates a cluster with `initdb` in a temporary folder and starts it with `pg_ctl` on a free loopback port (no
 * Unix socket, fsync on as in production). The caller stops it with `dispose`.
 *
 * @example
 * const pg = await startTestPostgres();
 * const keys = await createPostgresKeyStore({ url: pg.url, masterKey });
 * await pg.dispose();
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'salesbook-pg-'));
  const user = asUser();
  if (user.uid !== undefined && user.gid !== undefined) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  await run('initdb', ['-D', data, '-U', 'salesbook', '--auth=trust', '--no-instructions', '-E', 'UTF8']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=60`;
  const start = (): Promise<void> =>
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', '-t', '60', 'start']);
  const stop = (): Promise<void> => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
  await start();
  let running = true;
  return {
    url: `postgres://salesbook@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      if (running) await stop();
      running = false;
    },
    async start() {
      if (!running) await start();
      running = true;
    },
    async dispose() {
      if (running) await stop();
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
