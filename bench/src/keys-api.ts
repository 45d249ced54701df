// What the key store costs the API per registration: POST /customers (a new customer, so a first data key each)
// at a fixed offered rate against the built API in its own process, with the API process's CPU time per request
// beside latency (CPU per request is steadier than latency on a shared machine). GET /health at the same rate is
// the baseline. A figure to compare two builds of @salesbook/keystore in one session, not one of the targets.
//   npm run bench:keys-api -- [seconds=5] [rate=1000]
// API_NODE_ARGS adds Node flags to the API process only, e.g. API_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { drained, load, type LoadFigures, type Target } from './api-load.js';
import { apiNodeArgs, startApi, token, type ApiProcess } from './api-server.js';

const seconds = Number(process.argv[2] ?? 5);
const rate = Number(process.argv[3] ?? 1000);

let registered = 0;
const customer = (): string => {
  registered += 1;
  const id = `measure-${registered}`;
  const contact = { name: 'Measure Contact', phone: '+8613800000000', email: 'measure@example.cn' };
  return JSON.stringify({
    customerId: id,
    companyName: `Measure ${id}`,
    contact,
    region: 'east',
    segment: 'smb',
    ownerRepId: 'rep-east-01',
  });
};

async function run(
  api: ApiProcess,
  name: string,
  target: Target,
): Promise<LoadFigures & { name: string; apiCpuMsPerRequest: number | null }> {
  await drained(api.url);
  const before = api.cpuSeconds();
  const figures = await load(api.url, target, seconds, rate);
  const after = api.cpuSeconds();
  const perRequest =
    before === undefined || after === undefined ? null : Math.round(((after - before) * 1e6) / figures.requests) / 1000;
  console.log(
    `${name.padEnd(14)} ${String(figures.rps).padStart(5)} req/s  p50 ${figures.p50Ms} ms  p99 ${figures.p99Ms} ms  API CPU ${String(perRequest)} ms/request  (${figures.requests} requests, ${figures.failures} failed)`,
  );
  return { name, ...figures, apiCpuMsPerRequest: perRequest };
}

const dir = mkdtempSync(path.join(tmpdir(), 'salesbook-keys-api-'));
const api = await startApi(path.join(dir, 'events.db'), path.join(dir, 'readmodels.db'), apiNodeArgs());
try {
  const commands: Target = { path: '/customers', bearer: token(api.secret, 'sm-01', 'sales_manager'), body: customer };
  await load(api.url, commands, 2, rate);
  const results = [await run(api, 'GET /health', { path: '/health' }), await run(api, 'POST /customers', commands)];
  console.log(JSON.stringify({ seconds, rate, results }));
} finally {
  await api.stop();
  rmSync(dir, { recursive: true, force: true });
}
