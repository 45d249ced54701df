import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { seedStore } from '@salesbook/generator';
import { startApi, token, whenCaughtUp } from './api-server.js';

/** What was seeded, as kept in `seed.json` beside a kept store. */
export interface Seeded {
  readonly seed: number;
  /** Events asked of the generator. */
  readonly events: number;
  /** Events it wrote (it may stop short of the count asked). */
  readonly written: number;
  readonly lastDate: string;
  readonly seconds: number;
}

/** The store a run measures, as files the API is started on. */
export interface RunStore {
  readonly eventsPath: string;
  readonly readModelsPath: string;
  readonly seeded: Seeded;
}

const FILES = ['events.db', 'readmodels.db'] as const;

/**
 * Seeds `events` generated events into `dir`/events.db, and starts the order -> receivable policy of
 * `dir`/readmodels.db at the seed's head (the generator ran that policy already).
 */
export async function seedInto(dir: string, events: number, seed: number): Promise<Seeded> {
  const started = performance.now();
  const store = createSqliteEventStore({ path: join(dir, 'events.db'), synchronous: 'NORMAL' });
  let reported = 0;
  const result = await seedStore(store, {
    seed,
    events,
    validateCommands: false,
    eventsPerAppend: 5_000,
    onProgress: (written) => {
      if (written - reported < 100_000) return;
      reported = written;
      console.error(`  seeded ${written} events`);
    },
  });
  const written = Number((await store.headPosition()) ?? 0n);
  await store.close();
  const db = new Database(join(dir, 'readmodels.db'));
  db.exec('CREATE TABLE IF NOT EXISTS policy_checkpoints (policy TEXT PRIMARY KEY, position TEXT NOT NULL)');
  db.prepare('INSERT INTO policy_checkpoints VALUES (?, ?)').run('order-to-receivable', String(result.position ?? 0n));
  db.close();
  const seconds = (performance.now() - started) / 1_000;
  return { seed, events, written, lastDate: result.lastDate ?? '2025-06-30', seconds };
}

/** Events in a store file (its head position), read without the store's code. */
function eventsIn(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    const row = db.prepare('SELECT MAX(position) AS head FROM events').get() as { head: number | null };
    return row.head ?? 0;
  } finally {
    db.close();
  }
}

/**
 * Brings the kept read models up to the kept log: the API started on the kept files and stopped once every
 * projection is live (minutes the first time, seconds after; a projection added or changed since is rebuilt
 * here once rather than in every run). Refuses a start that wrote to the log, which would change the store measured.
 */
async function catchUp(dir: string): Promise<void> {
  const eventsPath = join(dir, 'events.db');
  const before = eventsIn(eventsPath);
  const started = performance.now();
  const api = await startApi(eventsPath, join(dir, 'readmodels.db'));
  try {
    await whenCaughtUp(api.url, token(api.secret, 'sm-01', 'sales_manager'), 60 * 60_000);
  } finally {
    await api.stop();
    // A key store made for this start only: every run gets a fresh one beside its copy.
    for (const name of ['keys.db', 'keys.db-wal', 'keys.db-shm']) rmSync(join(dir, name), { force: true });
  }
  const after = eventsIn(eventsPath);
  if (after !== before) throw new Error(`starting the API on the kept store ${dir} appended ${after - before} events`);
  console.log(`  kept read models up to date in ${((performance.now() - started) / 1_000).toFixed(1)} s`);
}

/**
 * The kept store in `dir` (seeded there first if it holds none, which takes minutes), its read models brought up
 * to date, copied into `scratch` for this run: the commands a run sends must not grow the kept store, so every run
 * measures the same history.
 */
export async function keptStore(
  dir: string,
  scratch: (name: string) => string,
  events: number,
  seed: number,
): Promise<RunStore> {
  const meta = join(dir, 'seed.json');
  if (!existsSync(meta)) {
    console.log(`seeding ${events} generated events (seed ${seed}) into the kept store ${dir}...`);
    if (existsSync(join(dir, 'events.db'))) throw new Error(`${dir} holds an events.db but no seed.json: delete it`);
    writeFileSync(meta, `${JSON.stringify(await seedInto(dir, events, seed))}\n`);
  }
  const seeded = JSON.parse(readFileSync(meta, 'utf8')) as Seeded;
  if (seeded.events !== events || seeded.seed !== seed)
    throw new Error(
      `the kept store ${dir} holds ${seeded.events} events of seed ${seeded.seed}, not ${events} of ${seed}`,
    );
  console.log(`reusing the kept store ${dir} (${seeded.written} events; delete the folder to seed again)`);
  await catchUp(dir);
  for (const name of FILES) {
    copyFileSync(join(dir, name), scratch(name));
    // A WAL left behind holds committed pages; the -shm index is rebuilt from it.
    if (existsSync(join(dir, `${name}-wal`))) copyFileSync(join(dir, `${name}-wal`), scratch(`${name}-wal`));
  }
  return { eventsPath: scratch('events.db'), readModelsPath: scratch('readmodels.db'), seeded };
}
