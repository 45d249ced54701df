// Child process of projection-crash.spec.ts: runs the real ProjectionRunner (the packages' built dist: `npm test`
// builds every package first; the spec rebuilds a stale one) over a SQLite event store, in small batches, from
// the checkpoints in the read-model file, until every projection is live. The spec SIGKILLs it at seeded
// moments and starts it again; a run that gets to the end prints the digests and checkpoints as one JSON line.
import Database from 'better-sqlite3';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { allProjections, ProjectionRunner } from '@salesbook/projections';

// Type-checked as JavaScript (test/tsconfig.json, checkJs) and linted like the specs.
const [eventsPath, readModelsPath, batchSizeText] = process.argv.slice(2);
if (eventsPath === undefined || readModelsPath === undefined)
  throw new Error('usage: projection-crash-runner.mjs <events.db> <readmodels.db> <batch size>');
const store = createSqliteEventStore({ path: eventsPath, synchronous: 'FULL' });
const db = new Database(readModelsPath);
db.pragma('journal_mode = WAL');
const runner = new ProjectionRunner({ db, store, projections: allProjections, batchSize: Number(batchSizeText) });
process.stdout.write('ready\n');
await runner.start();
await runner.whenLive();
await runner.stop();
const head = await store.headPosition();
const digests = Object.fromEntries(allProjections.map(({ name }) => [name, runner.digest(name).digest]));
const rows = Object.fromEntries(
  allProjections.map(({ name }) => [
    name,
    Object.values(runner.digest(name).tables).reduce((sum, table) => sum + table.rows, 0),
  ]),
);
const positions = Object.fromEntries(allProjections.map(({ name }) => [name, runner.freshness(name).position]));
const parked = Object.fromEntries(allProjections.map(({ name }) => [name, runner.parked(name).length]));
db.close();
await store.close();
process.stdout.write(`${JSON.stringify({ head: head?.toString() ?? null, digests, rows, positions, parked })}\n`);
