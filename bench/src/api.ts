import Database from 'better-sqlite3';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { seedStore } from '@salesbook/generator';
import { drained, quantile, type LoadFigures } from './api-load.js';
import { startApi, token, whenCaughtUp, type ApiProcess } from './api-server.js';
import { customerBodies, loadInChild, type LoadPhase } from './load-child.js';
import { scratchFolder } from './measure.js';

// `npm run bench:api`: a SQLite store seeded with N generated events (1,000,000 by default; `--events N` or
// BENCH_API_EVENTS for a quicker run), the API in its own process on loopback, 50 connections. Reports beside
// GET /health of the same app: closed loop (autocannon), then at a fixed offered 1,000 requests/s (an open-loop
// pacer, see paced-load.ts); commands at 1,000/s; freshness from a command's response to a report that reflects
// it. The report is asked again and again, as a dashboard is: the API computes it once per change of its read
// models and serves that answer until they change (X-Report-Answer: reused); the same report with
// `Cache-Control: no-cache`, computed for every request, is measured beside it. Never fails on time.

const SEED = 20250101;
const SECONDS = Number(process.env['BENCH_API_SECONDS'] ?? 10);
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

async function seed(
  eventsPath: string,
  readModelsPath: string,
  events: number,
): Promise<{ lastDate: string; seconds: number }> {
  const started = performance.now();
  const store = createSqliteEventStore({ path: eventsPath, synchronous: 'NORMAL' });
  let reported = 0;
  const result = await seedStore(store, {
    seed: SEED,
    events,
    validateCommands: false,
    eventsPerAppend: 5_000,
    onProgress: (written) => {
      if (written - reported < 100_000) return;
      reported = written;
      console.error(`  seeded ${written} events`);
    },
  });
  await store.close();
  // The generator ran the order -> receivable policy already: the API's policy starts at the seed's head.
  const db = new Database(readModelsPath);
  db.exec('CREATE TABLE IF NOT EXISTS policy_checkpoints (policy TEXT PRIMARY KEY, position TEXT NOT NULL)');
  db.prepare('INSERT INTO policy_checkpoints VALUES (?, ?)').run('order-to-receivable', String(result.position ?? 0n));
  db.close();
  return { lastDate: result.lastDate ?? '2025-06-30', seconds: (performance.now() - started) / 1_000 };
}

const shiftDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const run = Math.random().toString(36).slice(2, 8);
/** The freshness probes' own customers (the load phases make theirs in their processes, under other prefixes). */
const customer = customerBodies(`bench-${run}-probe`);

/** Command, then the daily report with X-Min-Position of its answer, until `done`: ms from the command's answer to the fresh report. */
async function freshness(
  url: string,
  bearer: string,
  done: () => boolean,
): Promise<{ samples: number[]; stale: number }> {
  const headers = { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' };
  const samples: number[] = [];
  let stale = 0;
  while (!done()) {
    const command = await fetch(`${url}/customers`, { method: 'POST', headers, body: customer() });
    const { position } = (await command.json()) as { position: string };
    const answered = performance.now();
    const report = await fetch(`${url}/reports/sales/daily?date=${today()}&groupBy=region`, {
      headers: { ...headers, 'x-min-position': position },
    });
    const body = (await report.json()) as { stale: boolean };
    samples.push(performance.now() - answered);
    if (body.stale) stale += 1;
    await new Promise((wait) => setTimeout(wait, 20));
  }
  return { samples, stale };
}

/** A closed loop's figures with the API's CPU over it, as a share of one core. */
type ClosedLoopFigures = LoadFigures & { readonly apiCpu?: number };

const percent = (share: number | undefined): string => (share === undefined ? '?' : `${Math.round(share * 100)}%`);

const line = (name: string, f: ClosedLoopFigures): string =>
  `${name.padEnd(44)} ${String(f.rps).padStart(6)} req/s  p50 ${String(f.p50Ms).padStart(4)} ms  p99 ${String(f.p99Ms).padStart(4)} ms  (${f.requests} requests, ${f.failures} failed, ${f.timeouts} of them timed out)` +
  ('apiCpu' in f ? `\n    CPU, share of one core: API ${percent(f.apiCpu)}, load tool ${percent(f.loadToolCpu)}` : '') +
  (f.failureReasons === undefined ? '' : `\n    failed: ${JSON.stringify(f.failureReasons)}`);

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

async function main(argv: readonly string[]): Promise<void> {
  const events = eventsWanted(argv);
  const scratch = scratchFolder();
  const eventsPath = scratch.path('events.db');
  const readModelsPath = scratch.path('readmodels.db');
  try {
    console.log(`seeding ${events} generated events (seed ${SEED}) into a SQLite store...`);
    const seeded = await seed(eventsPath, readModelsPath, events);
    console.log(`  done in ${seeded.seconds.toFixed(1)} s; history ends ${seeded.lastDate}`);
    const api = await startApi(eventsPath, readModelsPath);
    try {
      const manager = token(api.secret, 'sm-01', 'sales_manager');
      const started = performance.now();
      await whenCaughtUp(api.url, manager, 30 * 60_000);
      console.log(
        `API (own process, SQLite store, synchronous=FULL) listening on ${api.url}; read models replayed at start in ${((performance.now() - started) / 1_000).toFixed(1)} s`,
      );
      // Reports are asked as the dashboard's browser asks, accepting gzip (the 147 KB answer goes out as 16 KB, zipped
      // once per answer); the closed loop is also run for the plain answer, printed beside it. Neither load tool
      // unzips or keeps the bodies (see discardBodies in api-load.ts).
      // Each phase's load tool runs in a fresh process of its own (see load-child.ts): its garbage collection is
      // charged to the requests it times, and must not depend on what the phases before it left in its heap.
      const url = api.url;
      const report: Omit<LoadPhase, 'seconds'> = {
        url,
        path: `/reports/sales/daily?date=${shiftDays(seeded.lastDate, -15)}&groupBy=rep`,
        bearer: manager,
      };
      const reportGzip: Omit<LoadPhase, 'seconds'> = { ...report, headers: { 'accept-encoding': 'gzip' } };
      const computed: Omit<LoadPhase, 'seconds'> = { ...report, headers: { 'cache-control': 'no-cache' } };
      const health = { url, path: '/health' };
      const command = { url, path: '/customers', bearer: manager };
      let phases = 0;
      // Each command phase registers customers of its own: ids never repeat across phases.
      const commands = (seconds: number): LoadPhase => ({
        ...command,
        customers: `bench-${run}-${(phases += 1)}`,
        seconds,
        rate: RATE,
      });
      console.log(
        `report: GET ${report.path} (manager: every rep); baseline: GET /health; command: POST /customers (one new stream each)`,
      );
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
      await drained(api.url);
      const reportMax = await closedLoop(api, { ...reportGzip, seconds: SECONDS });
      await drained(api.url);
      const plainMax = await closedLoop(api, { ...report, seconds: SECONDS });
      await drained(api.url);
      const computedMax = await closedLoop(api, { ...computed, seconds: SECONDS });
      await drained(api.url);
      const baselineMax = await closedLoop(api, { ...health, seconds: SECONDS });
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
      let commandsDone = false;
      // The command path runs for the first time here: 3 s of it first, not measured, as the report path got above
      // (its first seconds are mostly JIT compilation and the WAL files growing to their working size).
      await drained(api.url);
      await loadInChild(commands(3));
      await drained(api.url);
      const commandFixed = await loadInChild(commands(SECONDS));
      // Freshness under the same command load, in a run of its own: each probe's report is computed afresh (the
      // command changed its read models) and holds the event loop meanwhile.
      await drained(api.url);
      const probes = freshness(api.url, manager, () => commandsDone);
      const commandWithProbes = await loadInChild(commands(SECONDS));
      commandsDone = true;
      const fresh = await probes;
      console.log(
        `at a fixed offered rate (open loop, one request every ${1_000 / RATE} ms, latency from when each was due):`,
      );
      console.log(line(`${RATE} req/s offered: report (gzip)`, reportFixed));
      console.log(line(`${RATE} req/s offered: baseline`, baselineFixed));
      console.log(line(`${RATE} req/s offered: command`, commandFixed));
      console.log(line(`${RATE} req/s offered: command + freshness probes`, commandWithProbes));
      const freshnessP50Ms = quantile(fresh.samples, 0.5);
      const freshnessP99Ms = quantile(fresh.samples, 0.99);
      console.log(
        `freshness under the command load: ${fresh.samples.length} probes, p50 ${freshnessP50Ms.toFixed(1)} ms, p99 ${freshnessP99Ms.toFixed(1)} ms, ${fresh.stale} stale`,
      );
      // Last, so a slow report cannot hold up the load phases: one request each, nothing else running, computed afresh.
      for (const path of [
        report.path,
        `/reports/sales/monthly?month=${seeded.lastDate.slice(0, 7)}&groupBy=region`,
        `/reports/collections/aging?asOf=${seeded.lastDate}&groupBy=rep`,
      ]) {
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
      console.log(
        'targets (bench/README.md): report >= 0.5x baseline; at 1,000 req/s report p99 < 10 ms, command p99 < 25 ms; freshness p99 < 50 ms',
      );
      console.log(
        JSON.stringify({
          events,
          reportMaxRps: reportMax.rps,
          baselineMaxRps: baselineMax.rps,
          reportComputedMaxRps: computedMax.rps,
          reportPlainMaxRps: plainMax.rps,
          reportMaxApiCpu: reportMax.apiCpu,
          reportMaxLoadToolCpu: reportMax.loadToolCpu,
          baselineMaxApiCpu: baselineMax.apiCpu,
          baselineMaxLoadToolCpu: baselineMax.loadToolCpu,
          reportP50Ms: reportFixed.p50Ms,
          reportP99Ms: reportFixed.p99Ms,
          commandP50Ms: commandFixed.p50Ms,
          commandP99Ms: commandFixed.p99Ms,
          freshnessP99Ms: Math.round(freshnessP99Ms * 10) / 10,
          baselineP99Ms: baselineFixed.p99Ms,
          freshnessP50Ms: Math.round(freshnessP50Ms * 10) / 10,
          freshnessProbes: fresh.samples.length,
          freshnessStale: fresh.stale,
          failures:
            reportMax.failures +
            plainMax.failures +
            computedMax.failures +
            baselineMax.failures +
            reportFixed.failures +
            baselineFixed.failures +
            commandFixed.failures +
            commandWithProbes.failures,
        }),
      );
    } finally {
      await api.stop();
    }
  } finally {
    scratch.dispose();
  }
}

await main(process.argv);
