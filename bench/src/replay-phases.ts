import Database from 'better-sqlite3';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { seedStore } from '@salesbook/generator';
import { allProjections, ProjectionRunner } from '@salesbook/projections';

/** What a phase reports, as one JSON line on stdout. */
export interface PhaseResult {
  readonly events: number;
  readonly seconds: number;
  /** Highest RSS seen by sampling (every 100 ms, and inside synchronous loops). */
  readonly sampledPeakRssMb: number;
  /** The process's peak resident set as the OS counts it (getrusage maxrss). */
  readonly peakRssMb: number;
  readonly detail?: Record<string, unknown>;
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Samples RSS every 100 ms (and whenever `sample` is called) until `stop`. */
function rssSampler(): { sample(): void; stop(): { sampledPeakRssMb: number; peakRssMb: number } } {
  let peak = process.memoryUsage().rss;
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 100);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      // ru_maxrss is in kilobytes on Linux.
      return { sampledPeakRssMb: mb(peak), peakRssMb: mb(process.resourceUsage().maxRSS * 1024) };
    },
  };
}

const secondsSince = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e9;

/**
 * Writes `events` generated events into a fresh SQLite store. `synchronous=NORMAL` for this setup phase only
 * (it is not what is measured); commands are not re-validated (the generator's tests do that), which gives
 * the same events faster.
 */
export async function seedPhase(path: string, events: number, seed: number): Promise<PhaseResult> {
  const rss = rssSampler();
  const started = process.hrtime.bigint();
  const store = createSqliteEventStore({ path, synchronous: 'NORMAL' });
  let reported = 0;
  const result = await seedStore(store, {
    seed,
    events,
    validateCommands: false,
    eventsPerAppend: 5_000,
    onProgress: (written) => {
      rss.sample();
      if (written - reported >= 100_000) {
        reported = written;
        console.error(`  seeded ${written} events (${Math.round(secondsSince(started))} s)`);
      }
    },
  });
  await store.close();
  return {
    events: result.events,
    seconds: secondsSince(started),
    ...rss.stop(),
    detail: { lastDate: result.lastDate, commands: result.commands },
  };
}

/** The baseline: every row of the events table in position order, `data` and `metadata` parsed, nothing else. */
export function baselinePhase(path: string): PhaseResult {
  const rss = rssSampler();
  const started = process.hrtime.bigint();
  const db = new Database(path, { readonly: true });
  const rows = db.prepare(
    'SELECT position, stream_name, revision, event_id, type, data, metadata, recorded_at FROM events ORDER BY position',
  );
  let events = 0;
  let checksum = 0;
  for (const row of rows.iterate() as IterableIterator<{ data: string; metadata: string }>) {
    const data = JSON.parse(row.data) as object;
    const metadata = JSON.parse(row.metadata) as { schemaVersion?: number };
    checksum += Object.keys(data).length + (metadata.schemaVersion ?? 0);
    events += 1;
    // The loop is synchronous: the 100 ms timer cannot fire inside it, so sample here.
    if (events % 10_000 === 0) rss.sample();
  }
  db.close();
  return { events, seconds: secondsSince(started), ...rss.stop(), detail: { checksum } };
}

/**
 * The measured phase: every projection of `allProjections` rebuilt from the first event by the real
 * ProjectionRunner, reading the store through its catch-up subscription, into a fresh read-model file
 * (WAL and `synchronous=NORMAL`, as `salesbook replay` opens it), exactly as `salesbook replay` runs it.
 */
export async function replayPhase(path: string, readModels: string): Promise<PhaseResult> {
  const rss = rssSampler();
  const started = process.hrtime.bigint();
  const store = createSqliteEventStore({ path, synchronous: 'NORMAL' });
  const db = new Database(readModels);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const runner = new ProjectionRunner({ db, store, projections: allProjections });
  await Promise.all(allProjections.map((projection) => runner.rebuild(projection.name)));
  await runner.stop();
  const seconds = secondsSince(started);
  const head = await store.headPosition();
  const parked = Object.fromEntries(
    allProjections.map((projection) => [projection.name, runner.parked(projection.name).length]),
  );
  const rowsOf = db.prepare("SELECT name FROM sqlite_master WHERE type = 'view'").all() as { name: string }[];
  db.close();
  await store.close();
  return {
    events: Number(head ?? 0n),
    seconds,
    ...rss.stop(),
    detail: { projections: allProjections.map((projection) => projection.name), parked, views: rowsOf.length },
  };
}

/** The batch size of the runner's catch-up: the bare insert below commits as often. */
const ROWS_PER_TRANSACTION = 2_000;

/**
 * A lower bound on the writes a replay must do, for the second ratio `bench:replay` prints: every row of every table
 * of the rebuilt read-model file, inserted once into a fresh file with the same tables and indexes (WAL and
 * `synchronous=NORMAL`, as the replay's file), 2,000 rows per transaction. Each table's rows are read before its
 * inserts are timed. The replay writes more than this: a row changed by many events is written once per batch that
 * changes it, and its checkpoints on top.
 */
export function bareRowsPhase(readModels: string, out: string): PhaseResult {
  const rss = rssSampler();
  const source = new Database(readModels, { readonly: true });
  const target = new Database(out);
  target.pragma('journal_mode = WAL');
  target.pragma('synchronous = NORMAL');
  const schema = source
    .prepare<[], { type: string; name: string; sql: string }>(
      "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type = 'table' DESC, rowid",
    )
    .all();
  for (const entry of schema) target.exec(entry.sql);
  let rows = 0;
  let nanos = 0n;
  const tables = schema.filter((entry) => entry.type === 'table');
  for (const { name } of tables) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    const all = source.prepare(`SELECT * FROM ${quoted}`).raw(true).all() as unknown[][];
    rss.sample();
    const width = all[0]?.length ?? 0;
    if (width === 0) continue;
    const insert = target.prepare(`INSERT INTO ${quoted} VALUES (${Array(width).fill('?').join(', ')})`);
    const insertMany = target.transaction((batch: readonly unknown[][]) => {
      for (const row of batch) insert.run(...row);
    });
    const started = process.hrtime.bigint();
    for (let from = 0; from < all.length; from += ROWS_PER_TRANSACTION)
      insertMany(all.slice(from, from + ROWS_PER_TRANSACTION));
    nanos += process.hrtime.bigint() - started;
    rows += all.length;
    const copied = target.prepare(`SELECT COUNT(*) FROM ${quoted}`).pluck().get();
    if (copied !== all.length) throw new Error(`${name}: ${String(copied)} rows copied of ${all.length}`);
  }
  source.close();
  target.close();
  return { events: rows, seconds: Number(nanos) / 1e9, ...rss.stop(), detail: { tables: tables.length } };
}
