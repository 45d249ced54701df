// Unit-level timing of first data keys (each request a new customer, as POST /customers asks), on a real file.
// Not a test and not a benchmark of bench/: it prints figures to compare two builds of this package in one run.
//   node packages/keystore/scripts/measure-first-keys.mjs [module] [requests] [rate/s]
// `module` defaults to this package's dist/index.js (build it first); pass another build's index.js to compare.
// Phase "sequential": one request at a time. Phase "open loop": requests offered at `rate`/s whatever the answers
// (like the API under load): latency of each answer, how long the event loop was blocked (its delay p99/max), and
// the event-loop active time per request.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const modulePath = process.argv[2] ? pathToFileURL(path.resolve(process.argv[2])).href : new URL('../dist/index.js', import.meta.url).href;
const requests = Number(process.argv[3] ?? 2000);
const rate = Number(process.argv[4] ?? 1000);
const { createSqliteKeyStore } = await import(modulePath);

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const ms = (value) => Math.round(value * 1000) / 1000;
const figures = (latencies) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: ms(quantile(sorted, 0.5)), p99: ms(quantile(sorted, 0.99)), max: ms(sorted[sorted.length - 1]) };
};

async function phase(name, run) {
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
  return {
    phase: name,
    requests: latencies.length,
    perSecond: Math.round(latencies.length / seconds),
    latencyMs: figures(latencies),
    loopDelayMs: { p99: ms(delay.percentile(99) / 1e6), max: ms(delay.max / 1e6) },
    loopActiveMsPerRequest: ms(used.active / latencies.length),
  };
}

let customer = 0;
const ask = async (keys) => {
  customer += 1;
  const asked = performance.now();
  await keys.keysForWriting([`customer-${customer}`]);
  return performance.now() - asked;
};

const sequential = (keys) =>
  (async () => {
    const latencies = [];
    for (let index = 0; index < requests; index += 1) latencies.push(await ask(keys));
    return latencies;
  })();

// Offers `rate` requests per second by the clock (catching up after a late timer), never waiting for answers.
const openLoop = (keys) =>
  new Promise((resolve) => {
    const answers = [];
    const start = performance.now();
    let offered = 0;
    const tick = () => {
      const due = Math.min(requests, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
      for (; offered < due; offered += 1) answers.push(ask(keys));
      if (offered < requests) setTimeout(tick, 1);
      else void Promise.all(answers).then(resolve);
    };
    tick();
  });

const results = [await phase('sequential', sequential), await phase(`open loop at ${rate}/s`, openLoop)];
for (const result of results) {
  console.log(
    `${result.phase.padEnd(22)} ${String(result.perSecond).padStart(6)}/s  latency p50 ${result.latencyMs.p50} p99 ${result.latencyMs.p99} max ${result.latencyMs.max} ms` +
      `  loop delay p99 ${result.loopDelayMs.p99} max ${result.loopDelayMs.max} ms  loop active ${result.loopActiveMsPerRequest} ms/request`,
  );
}
console.log(JSON.stringify({ module: modulePath, requests, rate, results }));
