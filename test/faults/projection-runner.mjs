// Child process of projection-crash.spec.ts: runs the real projection runner (built packages) over a
// SQLite event store until every projection is live, printing one JSON line per milestone.
// Usage: node projection-runner.mjs <events.db> <readmodels.db> <batchSize>
import Database from 'better-sqlite3';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { allProjections, ProjectionRunner } from '@salesbook/projections';

const [eventsPath, readModelsPath, batchSize] = process.argv.slice(2);
const store = createSqliteEventStore({ path: eventsPath });
const db = new Database(readModelsPath);
db.pragma('journal_mode = WAL');
const runner = new ProjectionRunner({ db, store, projections: allProjections, batchSize: Number(batchSize) });
await runner.start();
process.stdout.write(`${JSON.stringify({ started: true })}\n`);
await runner.whenLive();
const status = await runner.status();
const digests = Object.fromEntries(allProjections.map(({ name }) => [name, runner.digest(name).digest]));
process.stdout.write(
  `${JSON.stringify({ live: true, digests, status: status.map((s) => ({ name: s.name, position: s.position, head: s.head, parked: s.parked })) })}\n`,
);
await runner.stop();
await store.close();
db.close();
