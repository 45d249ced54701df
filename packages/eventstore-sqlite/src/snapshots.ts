import type { Json, SnapshotStore } from '@salesbook/eventstore';
import type Database from 'better-sqlite3';

/**
 * The store's snapshots (table `snapshots`, see schema.ts). A write is its own small autocommit, at the
 * connection's `synchronous=NORMAL` and without the WAL fsync of appends: a snapshot lost to a power cut costs
 * only the time of folding again.
 */
export function createSqliteSnapshots(db: Database.Database, guard: <T>(work: () => T) => T): SnapshotStore {
  const read = db
    .prepare<[string, string], [number, string]>(
      'SELECT revision, state FROM snapshots WHERE stream_name = ? AND schema = ?',
    )
    .raw(true);
  const write = db.prepare<[string, string, number, string]>(
    `INSERT INTO snapshots (stream_name, schema, revision, state) VALUES (?, ?, ?, ?)
     ON CONFLICT (stream_name, schema) DO UPDATE SET revision = excluded.revision, state = excluded.state
     WHERE excluded.revision > snapshots.revision`,
  );
  return {
    async readSnapshot(streamName, schema) {
      const row = guard(() => read.get(streamName, schema));
      if (row === undefined) return undefined;
      try {
        return { revision: row[0], state: JSON.parse(row[1]) as Json };
      } catch {
        // Not part of the log: a damaged snapshot is one the load does without.
        return undefined;
      }
    },
    async writeSnapshot(streamName, schema, snapshot) {
      const state = JSON.stringify(snapshot.state);
      guard(() => write.run(streamName, schema, snapshot.revision, state));
    },
  };
}
