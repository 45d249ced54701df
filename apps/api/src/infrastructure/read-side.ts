import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { EventStore } from '@salesbook/eventstore';
import {
  allProjections,
  openReadModels,
  ProjectionRunner,
  ProjectionThread,
  type ProjectionHost,
} from '@salesbook/projections';
import { startWalCheckpointer, type WalCheckpointer } from '@salesbook/sqlite-support';
import type { ApiConfig } from '../config/config.js';
import type { ReadModelWorkerData } from './read-model-worker.js';

/** The read models as the API uses them: the connection its queries read, and what keeps them up to date. */
export interface ReadSide {
  /** The API thread's connection to the read models: its queries (and, in process, the runner's batches). */
  readonly db: Database.Database;
  readonly projections: ProjectionHost;
  /** The WAL checkpoints of `db` when the runner writes through it (in process, to a file). */
  readonly checkpoints: WalCheckpointer | undefined;
}

/** A store that can say when it committed (the SQLite store): a read-model thread is woken by it. */
interface CommitSource {
  onCommit(listener: () => void): () => void;
}
const isCommitSource = (store: EventStore): store is EventStore & CommitSource =>
  'onCommit' in store && typeof store.onCommit === 'function';

/**
 * The compiled read-model worker module: beside this code, in the bundle (`dist/`, where this code is in a chunk) as in
 * tsc's output. Run from its TypeScript sources (the API's Jest specs), this file has no compiled neighbour, and a
 * worker thread runs plain JavaScript: the bundle's is used.
 */
export function readModelWorkerModule(): URL {
  const here = new URL('./read-model-worker.js', import.meta.url);
  if (!fileURLToPath(import.meta.url).endsWith('.ts')) return here;
  const built = new URL('../../dist/read-model-worker.js', import.meta.url);
  if (!existsSync(built))
    throw new Error(`the read-model worker is not built (${fileURLToPath(built)}): build the API`);
  return built;
}

/**
 * Opens the read models and what keeps them (every projection: the list `salesbook replay` and `verify` use). With
 * the store and the read models in SQLite files (and `config.readModelThread`), the projection runner runs on a worker
 * thread of its own with its own connections, woken by each of `store`'s commits, so the API's event loop answers
 * requests while batches apply; otherwise (an in-memory store or read models, another store, a store given by a test)
 * the runner runs on this thread over `db`.
 */
export async function openReadSide(
  config: ApiConfig,
  store: EventStore,
  options: { readonly storeFromConfig: boolean },
): Promise<ReadSide> {
  const path = config.readModelsPath;
  const file = path !== ':memory:' && path !== '';
  const sqliteStore = config.store.kind === 'sqlite' ? config.store.path : undefined;
  if (
    config.readModelThread &&
    file &&
    options.storeFromConfig &&
    sqliteStore !== undefined &&
    sqliteStore !== ':memory:' &&
    isCommitSource(store)
  ) {
    const workerData: ReadModelWorkerData = {
      storePath: sqliteStore,
      readModelsPath: path,
      zone: config.timeZone,
      liveBatchMs: config.liveBatchMs,
    };
    const module = readModelWorkerModule();
    // The worker creates the tables: the API's connection is opened once it is up.
    const thread = await ProjectionThread.open({
      spawn: () => new Worker(module, { workerData }),
      wakeOn: (wake) => store.onCommit(wake),
    });
    const db = openReadModels(path);
    // This connection writes only the policies' positions, but a commit of any connection past 1,000 WAL pages copies
    // the WAL into the file and fsyncs it, here on the event loop (8 ms every 100 ms at 1,000 commands/s): the
    // worker's checkpointer does that off both threads.
    db.pragma('wal_autocheckpoint = 0');
    return { db, projections: thread, checkpoints: undefined };
  }
  const db = openReadModels(path);
  // Every batch of every projection commits here: their checkpoints (and fsyncs) go to a thread of their own.
  const checkpoints = file ? startWalCheckpointer(db, path) : undefined;
  const runner = new ProjectionRunner({
    db,
    store,
    projections: allProjections,
    zone: config.timeZone,
    liveBatchMs: config.liveBatchMs,
  });
  return { db, projections: runner, checkpoints };
}

/** Stops and closes a read side the app never took over (its start failed). */
export async function closeReadSide(side: ReadSide): Promise<void> {
  await side.projections.stop();
  await side.checkpoints?.close();
  side.db.close();
}
