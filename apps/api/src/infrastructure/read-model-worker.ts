import { parentPort, workerData } from 'node:worker_threads';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { allProjections, openReadModels, ProjectionRunner, serveProjectionRunner } from '@salesbook/projections';
import { startWalCheckpointer } from '@salesbook/sqlite-support';

/** What the API thread hands its read-model thread (see `openReadSide`). */
export interface ReadModelWorkerData {
  /** The event store's SQLite file. */
  readonly storePath: string;
  /** The read models' SQLite file. */
  readonly readModelsPath: string;
  readonly zone: string;
  readonly liveBatchMs: number;
  /** How often the store's subscription looks for other processes' appends (default 100 ms); this API's wake it at once. */
  readonly pollIntervalMs?: number;
}

/**
 * The API's read-model thread: its own connections to the event store (it only reads: its subscriptions) and to the
 * read models (every batch's transaction; their WAL checkpoints on a thread of their own), and the projection runner
 * on them, answering the API thread (see `ProjectionThread` in @salesbook/projections). A failure to open either
 * ends the thread, and the API thread reports why.
 */
function serve(port: NonNullable<typeof parentPort>, data: ReadModelWorkerData): void {
  // It never writes, so it needs no fsync thread and no checkpoints of the store's WAL (the API's connection does both).
  const store = createSqliteEventStore({
    path: data.storePath,
    synchronous: 'NORMAL',
    backgroundCheckpoints: false,
    ...(data.pollIntervalMs === undefined ? {} : { pollIntervalMs: data.pollIntervalMs }),
  });
  const db = openReadModels(data.readModelsPath);
  const checkpoints = startWalCheckpointer(db, data.readModelsPath);
  serveProjectionRunner(
    port,
    (onChange) =>
      new ProjectionRunner({
        db,
        store,
        projections: allProjections,
        zone: data.zone,
        liveBatchMs: data.liveBatchMs,
        onChange,
      }),
    {
      wake: () => store.wake(),
      close: async () => {
        await store.close();
        await checkpoints.close();
        db.close();
      },
    },
  );
}

if (parentPort === null) throw new Error('the read-model worker runs as a worker thread');
serve(parentPort, workerData as ReadModelWorkerData);
