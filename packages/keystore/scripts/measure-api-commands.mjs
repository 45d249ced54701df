// What the key store costs the API per registration: POST /customers (a new customer, so a first data key each)
// at a fixed offered rate against the built API in its own process (apps/api/dist, bench/dist helpers: run
// `npx nx run-many -t build` first), with the API process's CPU time per request (from /proc) beside latency.
// CPU time per request is steadier than latency on a shared machine. GET /health at the same rate is the baseline.
//   node packages/keystore/scripts/measure-api-commands.mjs [seconds=5] [rate=1000]
// API_NODE_ARGS adds Node flags to the API process only, e.g. API_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'.
// Not a test and not one of bench/'s benchmarks: a figure to compare two builds of @salesbook/keystore in one run.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, drained } from '../../../bench/dist/api-load.js';
import { token } from '../../../bench/dist/api-server.js';

const seconds = Number(process.argv[2] ?? 5);
const rate = Number(process.argv[3] ?? 1000);
const main = fileURLToPath(new URL('../../../apps/api/dist/main.js', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'salesbook-keys-api-'));
const secret = randomBytes(32).toString('base64url');
const env = {
  ...process.env,
  NODE_ENV: 'production',
  SALESBOOK_EVENTSTORE: `sqlite:${path.join(dir, 'events.db')}`,
  SALESBOOK_READMODELS: path.join(dir, 'readmodels.db'),
  SALESBOOK_JWT_SECRET: secret,
  SALESBOOK_MASTER_KEY: randomBytes(32).toString('base64'),
  SALESBOOK_KEYSTORE: path.join(dir, 'keys.db'),
  SALESBOOK_PORT: '0',
  SALESBOOK_LOG_LEVEL: 'warn',
};
const nodeArgs = (process.env.API_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
const api = spawn(process.execPath, [...nodeArgs, main], { env, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let output = '';
  api.once('exit', (code) => reject(new Error(`the API exited (${code}) before listening:\n${output}`)));
  api.stdout.on('data', (chunk) => {
    output += chunk.toString('utf8');
    const match = /listening on (http:\/\/\S+)/.exec(output);
    if (match) resolve(match[1].replace('localhost', '127.0.0.1'));
  });
});
// utime + stime of the API process, in ms (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms).
const cpuMs = () => {
  const fields = readFileSync(`/proc/${api.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
let registered = 0;
const customer = () => {
  registered += 1;
  const id = `measure-${registered}`;
  return JSON.stringify({ customerId: id, companyName: `Measure ${id}`, contact: { name: 'Measure Contact', phone: '+8613800000000', email: 'measure@example.cn' }, region: 'east', segment: 'smb', ownerRepId: 'rep-east-01' });
};
const manager = token(secret, 'sm-01', 'sales_manager');
const run = async (name, target) => {
  await drained(url);
  const before = cpuMs();
  const figures = await load(url, target, seconds, rate);
  const cpu = cpuMs() - before;
  const perRequest = Math.round((cpu / figures.requests) * 1000) / 1000;
  console.log(`${name.padEnd(14)} ${String(figures.rps).padStart(5)} req/s  p50 ${figures.p50Ms} ms  p99 ${figures.p99Ms} ms  API CPU ${perRequest} ms/request  (${figures.requests} requests, ${figures.failures} failed)`);
  return { name, ...figures, apiCpuMsPerRequest: perRequest };
};
try {
  await load(url, { path: '/customers', bearer: manager, body: customer }, 2, rate);
  const results = [await run('GET /health', { path: '/health' }), await run('POST /customers', { path: '/customers', bearer: manager, body: customer })];
  console.log(JSON.stringify({ seconds, rate, results }));
} finally {
  api.kill('SIGTERM');
  await new Promise((done) => (api.exitCode === null ? api.once('exit', done) : done()));
  rmSync(dir, { recursive: true, force: true });
}
