import { dirname } from 'node:path';
import { commandPhases, commandRounds, figuresLine, issueLine } from './api-commands.js';
import { freshnessUnderLoad } from './api-freshness.js';
import { drained, type LoadFigures } from './api-load.js';
import { apiNodeArgs, startApi, token, whenCaughtUp, type ApiProcess } from './api-server.js';
import { keptStore, seedInto, type RunStore } from './api-store.js';
import { loadInChild, type LoadPhase } from './load-child.js';
import { median, scratchFolder } from './measure.js';

// `npm run bench:api`: a SQLite store seeded with N generated events (1,000,000 by default; `--events N` or
// BENCH_API_EVENTS for a quicker run), the API in its own process on loopback, 50 connections. Reports beside
// GET /health of the same app: closed loop (autocannon), then at a fixed offered 1,000 requests/s (an open-loop
// pacer, see paced-load.ts); commands at 1,000/s; freshness from a command's response to a report that reflects
// it. The report is asked again and again, as a dashboard is: the API computes it once per change of its read
// models and serves that answer until they change (X-Report-Answer: reused); the same report with
// `Cache-Control: no-cache`, computed for every request, is measured beside it. Never fails on time.

const SEED = 20250101;
const SECONDS = Number(process.env['BENCH_API_SECONDS'] ?? 10);
/** Measured command phases (each after the one before, one warm-up first): their median p99 is the figure. */
const ROUNDS = Number(process.env['BENCH_API_ROUNDS'] ?? 3);
/** `commands`: only the command phases (warm-up and ROUNDS measured), for comparing builds on the command path. */
const ONLY = process.env['BENCH_API_ONLY'];
const RATE = 1_000;

function eventsWanted(argv: readonly string[]): number {
  // `npm run bench:api -- --events N` reaches here as a bare N (npm takes `--events` for itself).
  const flag = argv.indexOf('--events');
  const bare = argv.slice(2).find((arg) => /^\d[\d_]*$/.test(arg));
  const text = flag >= 0 ? argv[flag + 1] : (bare ?? process.env['BENCH_API_EVENTS']);
  const events = Number((text ?? '1000000').replace(/_/g, ''));
  if (!Number.isInteger(events) || events < 1)
    throw new Error(`--events must be a positive whole number, not ${String(text)}`);
  return events;
}

const shiftDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const run = Math.random().toString(36).slice(2, 8);

/** A closed loop's figures with the API's CPU over it, as a share of one core. */
type ClosedLoopFigures = LoadFigures & { readonly apiCpu?: number };

const line = figuresLine;

/**
 * A closed-loop phase with the API's CPU share over it: with two cores shared by the API and the load tool, the
 * side near a whole core set the rate. The window includes the load tool's start-up (a few tenths of a second of
 * the phase), so the API's share reads slightly low.
 */
async function closedLoop(api: ApiProcess, phase: LoadPhase): Promise<ClosedLoopFigures> {
  const before = api.cpuSeconds();
  const started = performance.now();
  const figures = await loadInChild(phase);
  const after = api.cpuSeconds();
  const apiCpu =
    before === undefined || after === undefined
      ? undefined
      : Math.round(((after - before) / ((performance.now() - started) / 1_000)) * 100) / 100;
  return { ...figures, ...(apiCpu === undefined ? {} : { apiCpu }) };
}

/** The store files of this run: copied from a kept store (`--store DIR` or BENCH_API_STORE), or seeded afresh. */
async function runStore(argv: readonly string[], scratch: (name: string) => string): Promise<RunStore> {
  const events = eventsWanted(argv);
  const flag = argv.indexOf('--store');
  const kept = flag >= 0 ? argv[flag + 1] : process.env['BENCH_API_STORE'];
  if (kept !== undefined) return keptStore(kept, scratch, events, SEED);
  console.log(`seeding ${events} generated events (seed ${SEED}) into a SQLite store...`);
  const seeded = await seedInto(dirname(scratch('events.db')), events, SEED);
  console.log(`  done in ${seeded.seconds.toFixed(1)} s; history ends ${seeded.lastDate}`);
  return { eventsPath: scratch('events.db'), readModelsPath: scratch('readmodels.db'), seeded };
}

/** Reports beside /health: closed loops, then at the fixed rate. */
async function reportPhases(api: ApiProcess, manager: string, lastDate: string) {
  // Reports are asked as the dashboard's browser asks, accepting gzip (the 147 KB answer goes out as 16 KB, zipped
  // once per answer); the closed loop is also run for the plain answer, printed beside it. Neither load tool
  // unzips or keeps the bodies (see discardBodies in api-load.ts).
  const report: Omit<LoadPhase, 'seconds'> = {
    url: api.url,
    path: `/reports/sales/daily?date=${shiftDays(lastDate, -15)}&groupBy=rep`,
    bearer: manager,
  };
  const reportGzip: Omit<LoadPhase, 'seconds'> = { ...report, headers: { 'accept-encoding': 'gzip' } };
  const computed: Omit<LoadPhase, 'seconds'> = { ...report, headers: { 'cache-control': 'no-cache' } };
  const health = { url: api.url, path: '/health' };
  console.log(`report: GET ${report.path} (manager: every rep); baseline: GET /health`);
  await loadInChild({ ...reportGzip, seconds: 3 });
  // fetch asks for gzip of its own accord, so this shows what a browser gets; autocannon asks for the plain answer.
  for (const [name, target] of [
    ['report', reportGzip],
    ['report, no-cache', computed],
  ] as const) {
    const answer = await fetch(`${api.url}${target.path}`, {
      headers: { authorization: `Bearer ${manager}`, ...target.headers },
    });
    console.log(
      `  ${name}: ${answer.status}, ${(await answer.arrayBuffer()).byteLength} bytes of JSON (Content-Encoding: ${answer.headers.get('content-encoding') ?? 'none'}), X-Report-Answer: ${answer.headers.get('x-report-answer') ?? 'none'}`,
    );
  }
  const closed = async (phase: Omit<LoadPhase, 'seconds'>): Promise<ClosedLoopFigures> => {
    await drained(api.url);
    return closedLoop(api, { ...phase, seconds: SECONDS });
  };
  const reportMax = await closed(reportGzip);
  const plainMax = await closed(report);
  const computedMax = await closed(computed);
  const baselineMax = await closed(health);
  console.log(line('closed loop, 50 connections: report (gzip)', reportMax));
  console.log(line('closed loop, 50 connections: report, plain', plainMax));
  console.log(line('closed loop, 50 connections: report, no-cache', computedMax));
  console.log(line('closed loop, 50 connections: baseline', baselineMax));
  console.log(
    `  report / baseline throughput: ${(reportMax.rps / baselineMax.rps).toFixed(3)} (target >= 0.5); computed every time: ${(computedMax.rps / baselineMax.rps).toFixed(3)}`,
  );
  await drained(api.url);
  const reportFixed = await loadInChild({ ...reportGzip, seconds: SECONDS, rate: RATE });
  await drained(api.url);
  const baselineFixed = await loadInChild({ ...health, seconds: SECONDS, rate: RATE });
  return { report, reportMax, plainMax, computedMax, baselineMax, reportFixed, baselineFixed };
}

/** Last, so a slow report cannot hold up the load phases: one request each, nothing else running, computed afresh. */
async function unloaded(api: ApiProcess, manager: string, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    const before = performance.now();
    try {
      const response = await fetch(`${api.url}${path}`, {
        headers: { authorization: `Bearer ${manager}`, 'cache-control': 'no-cache' },
        signal: AbortSignal.timeout(120_000),
      });
      await response.text();
      console.log(
        `  one request, unloaded: GET ${path}: ${response.status} in ${(performance.now() - before).toFixed(1)} ms`,
      );
    } catch (error) {
      console.log(
        `  one request, unloaded: GET ${path}: no answer after ${(performance.now() - before).toFixed(1)} ms (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
}

async function measure(api: ApiProcess, seeded: RunStore['seeded']): Promise<void> {
  const manager = token(api.secret, 'sm-01', 'sales_manager');
  const commands = commandPhases(api.url, manager, run, RATE);
  const figures = ONLY === 'commands' ? undefined : await reportPhases(api, manager, seeded.lastDate);
  // The command path runs for the first time here (commandRounds warms it up first).
  console.log(`command: POST /customers (one new stream and one new data key each), ${ROUNDS} phases of ${SECONDS} s`);
  const commandFixed = await commandRounds(api, commands, SECONDS, ROUNDS);
  console.log(
    `at a fixed offered rate (open loop, one request every ${1_000 / RATE} ms, latency from when each was due):`,
  );
  if (figures !== undefined) {
    console.log(line(`${RATE} req/s offered: report (gzip)`, figures.reportFixed));
    console.log(line(`${RATE} req/s offered: baseline`, figures.baselineFixed));
  }
  commandFixed.forEach((f, i) => console.log(line(`${RATE} req/s offered: command, phase ${i + 1}`, f)));
  const fresh = figures === undefined ? undefined : await freshnessUnderLoad(api, manager, commands(SECONDS));
  if (fresh !== undefined) {
    console.log(line(`${RATE} req/s offered: command + freshness probes`, fresh.commandWithProbes));
    console.log(
      `freshness under the command load: ${fresh.fresh.samples.length} probes, p50 ${fresh.p50Ms} ms, p99 ${fresh.p99Ms} ms, ${fresh.fresh.stale} stale`,
    );
  }
  if (figures !== undefined) {
    await unloaded(api, manager, [
      figures.report.path,
      `/reports/sales/monthly?month=${seeded.lastDate.slice(0, 7)}&groupBy=region`,
      `/reports/collections/aging?asOf=${seeded.lastDate}&groupBy=rep`,
    ]);
    console.log(
      'targets (bench/README.md): report >= 0.5x baseline; at 1,000 req/s report p99 < 10 ms, command p99 < 25 ms; freshness p99 < 50 ms',
    );
  }
  console.log(issueLine(seeded.written, RATE, commandFixed, figures?.baselineFixed));
  const p99s = commandFixed.map((f) => f.p99Ms);
  const all = [...(figures === undefined ? [] : Object.values(figures).filter(isFigures)), ...commandFixed];
  console.log(
    JSON.stringify({
      events: seeded.written,
      eventsAsked: seeded.events,
      reportMaxRps: figures?.reportMax.rps,
      baselineMaxRps: figures?.baselineMax.rps,
      reportComputedMaxRps: figures?.computedMax.rps,
      reportPlainMaxRps: figures?.plainMax.rps,
      reportMaxApiCpu: figures?.reportMax.apiCpu,
      reportMaxLoadToolCpu: figures?.reportMax.loadToolCpu,
      baselineMaxApiCpu: figures?.baselineMax.apiCpu,
      baselineMaxLoadToolCpu: figures?.baselineMax.loadToolCpu,
      reportP50Ms: figures?.reportFixed.p50Ms,
      reportP99Ms: figures?.reportFixed.p99Ms,
      commandRate: RATE,
      commandRps: tenth(median(commandFixed.map((f) => f.rps))),
      commandP50Ms: tenth(median(commandFixed.map((f) => f.p50Ms))),
      commandP99Ms: tenth(median(p99s)),
      commandP99sMs: p99s,
      commandApiCpuMs: commandFixed.map((f) => f.apiCpuMsPerCommand),
      // The median as a figure of its own, so bench:compare (which compares numbers, not lists) can pair it.
      commandApiCpuMsMedian: apiCpuMedian(commandFixed),
      freshnessP99Ms: fresh?.p99Ms,
      baselineP99Ms: figures?.baselineFixed.p99Ms,
      freshnessP50Ms: fresh?.p50Ms,
      freshnessProbes: fresh?.fresh.samples.length,
      freshnessStale: fresh?.fresh.stale,
      failures: [...all, ...(fresh === undefined ? [] : [fresh.commandWithProbes])].reduce((n, f) => n + f.failures, 0),
    }),
  );
}

const tenth = (value: number): number => Math.round(value * 10) / 10;

/** The median of the phases' API CPU per command, or undefined when the API's CPU could not be read. */
function apiCpuMedian(phases: readonly { readonly apiCpuMsPerCommand?: number }[]): number | undefined {
  const read = phases.flatMap((f) => (f.apiCpuMsPerCommand === undefined ? [] : [f.apiCpuMsPerCommand]));
  return read.length === 0 ? undefined : Math.round(median(read) * 1000) / 1000;
}

const isFigures = (value: unknown): value is LoadFigures =>
  typeof value === 'object' && value !== null && 'failures' in value;

async function main(argv: readonly string[]): Promise<void> {
  const scratch = scratchFolder();
  try {
    const { eventsPath, readModelsPath, seeded } = await runStore(argv, scratch.path);
    const api = await startApi(eventsPath, readModelsPath, apiNodeArgs());
    try {
      const started = performance.now();
      await whenCaughtUp(api.url, token(api.secret, 'sm-01', 'sales_manager'), 30 * 60_000);
      console.log(
        `API (own process, SQLite store, synchronous=FULL) listening on ${api.url}; read models replayed at start in ${((performance.now() - started) / 1_000).toFixed(1)} s`,
      );
      await measure(api, seeded);
    } finally {
      await api.stop();
    }
  } finally {
    scratch.dispose();
  }
}

await main(process.argv);
