// Unit-level timing of first data keys (each request a new customer, as POST /customers asks), on a real file.
// Phase "sequential": one request at a time. Phase "open loop": requests offered at `rate`/s whatever the answers
// (as the API is under load): latency of each answer, how long the event loop was blocked (its delay p99/max) and
// the event loop's active time per request. A figure to compare two builds of @salesbook/keystore in one session.
//   npm run bench:keys -- [module] [requests=2000] [rate=1000]
// `module` defaults to the built @salesbook/keystore; pass another build's dist/index.js to compare.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { quantile } from './api-load.js';

type KeyStoreModule = typeof import('@salesbook/keystore');
type KeyStore = ReturnType<KeyStoreModule['createSqliteKeyStore']>;

const moduleArg = process.argv[2];
const modulePath =
  moduleArg === undefined || moduleArg === '' ? '@salesbook/keystore' : pathToFileURL(path.resolve(moduleArg)).href;
const requests = Number(process.argv[3] ?? 2000);
const rate = Number(process.argv[4] ?? 1000);
const { createSqliteKeyStore } = (await import(modulePath)) as KeyStoreModule;

const ms = (value: number): number => Math.round(value * 1000) / 1000;
const figures = (latencies: readonly number[]): { p50: number; p99: number; max: number } => ({
  p50: ms(quantile(latencies, 0.5)),
  p99: ms(quantile(latencies, 0.99)),
  max: ms(Math.max(...latencies)),
});

let customer = 0;
async function ask(keys: KeyStore): Promise<number> {
  customer += 1;
  const asked = performance.now();
  await keys.keysForWriting([`customer-${customer}`]);
  return performance.now() - asked;
}

async function sequential(keys: KeyStore): Promise<number[]> {
  const latencies: number[] = [];
  for (let index = 0; index < requests; index += 1) latencies.push(await ask(keys));
  return latencies;
}

// Offers `rate` requests per second by the clock (catching up after a late timer), never waiting for answers.
function openLoop(keys: KeyStore): Promise<number[]> {
  return new Promise((resolve) => {
    const answers: Promise<number>[] = [];
    const start = performance.now();
    let offered = 0;
    const tick = (): void => {
      const due = Math.min(requests, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
      for (; offered < due; offered += 1) answers.push(ask(keys));
      if (offered < requests) setTimeout(tick, 1);
      else void Promise.all(answers).then(resolve);
    };
    tick();
  });
}

async function phase(name: string, run: (keys: KeyStore) => Promise<number[]>): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'salesbook-keys-measure-'));
  const keys = createSqliteKeyStore({ path: path.join(dir, 'keys.db'), masterKey: randomBytes(32) });
  await keys.keysForWriting(['warm-up']);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const before = performance.eventLoopUtilization();
  delay.enable();
  const started = performance.now();
  const latencies = await run(keys);
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  const used = performance.eventLoopUtilization(before);
  await keys.close();
  rmSync(dir, { recursive: true, force: true });
  const result = {
    phase: name,
    perSecond: Math.round(latencies.length / seconds),
    latencyMs: figures(latencies),
    loopDelayMs: { p99: ms(delay.percentile(99) / 1e6), max: ms(delay.max / 1e6) },
    loopActiveMsPerRequest: ms(used.active / latencies.length),
  };
  console.log(
    `${name.padEnd(22)} ${String(result.perSecond).padStart(6)}/s  latency p50 ${result.latencyMs.p50} p99 ${result.latencyMs.p99} max ${result.latencyMs.max} ms` +
      `  loop delay p99 ${result.loopDelayMs.p99} max ${result.loopDelayMs.max} ms  loop active ${result.loopActiveMsPerRequest} ms/request`,
  );
  return result;
}

const results = [await phase('sequential', sequential), await phase(`open loop at ${rate}/s`, openLoop)];
console.log(JSON.stringify({ module: modulePath, requests, rate, results }));
