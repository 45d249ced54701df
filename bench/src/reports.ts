import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { allProjections, ProjectionRunner, type LagOf } from '@salesbook/projections';
import { scratchFolder } from './measure.js';
import { listCases } from './list-cases.js';
import { caseWorld, reportCases } from './report-cases.js';
import { seedPhase } from './replay-phases.js';
import { timeCalls, type Timing } from './timing.js';

// `npm run bench:reports`: 1,000,000 generated events (`--events N` or BENCH_REPORTS_EVENTS) in a SQLite store
// (`--store PATH` keeps it there and reuses it on the next run: seeding takes minutes), every read model rebuilt by
// the ProjectionRunner into a fresh file, then each report of docs/reports.md called as the API calls it (the
// projections' query functions with the API's parameters, varied dates, groupings and role scopes) `--calls N`
// times (default 200), beside `SELECT 1` and a primary-key lookup through the same connection. Never fails on time.

const SEED = 20250101;
const ZONE = 'Asia/Shanghai';

function option(argv: readonly string[], name: string, env: string): string | undefined {
  const flag = argv.indexOf(`--${name}`);
  return flag >= 0 ? argv[flag + 1] : process.env[env];
}

function wholeNumber(text: string | undefined, fallback: number, what: string): number {
  const value = Number((text ?? String(fallback)).replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${what} must be a positive whole number, not ${String(text)}`);
  return value;
}

/** Seeds the store in a child process (this file with `--seed`), so the measuring process starts with a clean heap. */
function seedInChild(path: string, events: number): void {
  const self = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, [self, '--seed', path, String(events)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`seeding failed (exit ${String(result.status)})`);
}

async function rebuild(
  eventsPath: string,
  readModelsPath: string,
): Promise<{ db: Database.Database; lagOf: LagOf; seconds: number; events: number }> {
  const store = createSqliteEventStore({ path: eventsPath, synchronous: 'NORMAL' });
  // As apps/api opens its read models (infrastructure/open-store.ts).
  const db = new Database(readModelsPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const started = performance.now();
  const runner = new ProjectionRunner({ db, store, projections: allProjections });
  await Promise.all(allProjections.map((projection) => runner.rebuild(projection.name)));
  const seconds = (performance.now() - started) / 1_000;
  await runner.stop();
  const parked = allProjections.map((projection) => runner.parked(projection.name).length).reduce((a, b) => a + b, 0);
  if (parked > 0) throw new Error(`${parked} events were parked: the read models are not the generated history`);
  const events = Number((await store.headPosition()) ?? 0n);
  await store.close();
  // The runner is stopped, so nothing lags: the freshness part of each report is still read and computed.
  return { db, lagOf: (name) => runner.freshness(name).lag, seconds, events };
}

/** The store at `path`: reused when it exists, else seeded with `events` generated events. */
function storeAt(path: string, events: number): string {
  if (existsSync(path)) console.log(`reusing the store ${path} (delete it to seed again)`);
  else {
    console.log(`generating ${events} events (seed ${SEED}) into ${path}...`);
    seedInChild(path, events);
  }
  return path;
}

/** Rebuilds every read model from the store into a fresh file (what is measured by default). */
async function rebuildAll(eventsPath: string, readModelsPath: string): ReturnType<typeof rebuild> {
  console.log('rebuilding every read model with the ProjectionRunner...');
  const built = await rebuild(eventsPath, readModelsPath);
  console.log(
    `  ${built.events} events, ${allProjections.length} projections in ${built.seconds.toFixed(1)} s (${Math.round(built.events / built.seconds)} events/s)`,
  );
  return built;
}

/** `--read-models PATH`: reports over read models already built there (by this code's projections), for quick reruns of the queries. */
function reopen(path: string): Awaited<ReturnType<typeof rebuild>> {
  if (!existsSync(path)) throw new Error(`--read-models ${path} does not exist`);
  console.log(`reusing the read models in ${path} (not rebuilt: no rebuild figure)`);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const events = Number(
    db.prepare('SELECT MAX(CAST(position AS INTEGER)) FROM projection_checkpoints WHERE active = 1').pluck().get() ?? 0,
  );
  return { db, lagOf: () => 0, seconds: 0, events };
}

const row = (name: string, t: Timing): string =>
  `${name.padEnd(22)} median ${t.medianMs.toFixed(3).padStart(9)} ms  p99 ${t.p99Ms.toFixed(3).padStart(9)} ms  max ${t.maxMs.toFixed(3).padStart(9)} ms` +
  `  rows ${String(t.meanRows).padStart(6)}  JSON ${String(t.meanKb).padStart(7)} KB`;

async function main(argv: readonly string[]): Promise<void> {
  const events = wholeNumber(option(argv, 'events', 'BENCH_REPORTS_EVENTS'), 1_000_000, '--events');
  const calls = wholeNumber(option(argv, 'calls', 'BENCH_REPORTS_CALLS'), 200, '--calls');
  const kept = option(argv, 'store', 'BENCH_REPORTS_STORE');
  const scratch = scratchFolder();
  try {
    const reuse = option(argv, 'read-models', 'BENCH_REPORTS_READ_MODELS');
    const built =
      reuse === undefined
        ? await rebuildAll(storeAt(kept ?? scratch.path('events.db'), events), scratch.path('readmodels.db'))
        : reopen(reuse);
    const { db, lagOf, seconds, events: stored } = built;
    const world = caseWorld(db, ZONE);
    console.log(
      `  ${world.days.length} business days (${world.days[0]} to ${world.days.at(-1)}), ${world.reps.length} reps`,
    );
    const select1 = db.prepare('SELECT 1');
    const lookup = db.prepare('SELECT * FROM customer_directory WHERE customer_id = ?');
    const ids = db.prepare('SELECT customer_id FROM customer_directory').pluck().all() as string[];
    const baseline = {
      select1: timeCalls(calls * 10, () => [select1.get()]),
      primaryKeyLookup: timeCalls(calls * 10, (i) => [lookup.get(ids[(i * 7919) % ids.length])]),
    };
    console.log(`baseline, same connection (${calls * 10} calls each):`);
    console.log(row('SELECT 1', baseline.select1));
    console.log(row('primary-key lookup', baseline.primaryKeyLookup));
    console.log(
      `reports (${calls} calls each, varied dates, groupings and role scopes; time of the query function, JSON size of its result):`,
    );
    const reports: Record<string, Timing> = {};
    for (const report of [...reportCases(world), ...listCases(world)]) {
      reports[report.name] = timeCalls(calls, (i) => report.call(db, lagOf, i).rows);
      console.log(row(report.name, reports[report.name] ?? baseline.select1));
    }
    console.log(
      'targets (bench/README.md): a report in about a millisecond at 1,000,000 events, p99 < 10 ms at 1,000 req/s; a list page of 50 p99 < 20 ms',
    );
    db.close();
    console.log(
      JSON.stringify({
        events: stored,
        calls,
        rebuildSeconds: Math.round(seconds * 10) / 10,
        rebuildEventsPerSec: seconds === 0 ? null : Math.round(stored / seconds),
        baseline,
        reports,
      }),
    );
  } finally {
    scratch.dispose();
  }
}

if (process.argv.includes('--seed')) {
  const [, path = '', events = ''] = process.argv.slice(process.argv.indexOf('--seed'));
  await seedPhase(path, Number(events), SEED);
} else await main(process.argv);
