import Database from 'better-sqlite3';
import { EVENTS_TABLE_DDL } from '@salesbook/eventstore-sqlite';

/** A row exactly as the adapter stores it: the same columns, JSON text and a 64-hex chain link. */
export interface RawRow {
  readonly streamName: string;
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recordedAt: string;
}

/** Bare better-sqlite3 with the adapter's pragmas: what the store is measured against. */
export interface RawBaseline {
  /** One row, one autocommit (durable) transaction. */
  insertOne(row: RawRow): void;
  /** Many rows in one transaction. */
  insertBatch(rows: readonly RawRow[]): void;
  /** Reads a stream's rows in revision order, parses their JSON and folds them. */
  loadAndFold(streamName: string): number;
  close(): void;
}

/** Opens the baseline on its own file, with WAL and the given synchronous level. */
export function openRawBaseline(path: string, synchronous: 'FULL' | 'NORMAL'): RawBaseline {
  const db = new Database(path);
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  // The adapter's own table, so the baseline pays for the same indexes (position, stream+revision, event id).
  db.exec(EVENTS_TABLE_DDL);
  const insert = db.prepare(
    'INSERT INTO events (stream_name, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const read = db
    .prepare<[string], [number, string, number, string, string, string, string, string]>(
      'SELECT position, stream_name, revision, event_id, type, data, metadata, recorded_at FROM events WHERE stream_name = ? ORDER BY revision',
    )
    .raw(true);
  const insertOne = (row: RawRow): void => {
    insert.run(row.streamName, row.revision, row.eventId, row.type, row.data, row.metadata, row.recordedAt);
  };
  const insertMany = db.transaction((rows: readonly RawRow[]) => {
    for (const row of rows) insertOne(row);
  });
  return {
    insertOne,
    insertBatch: (rows) => insertMany.immediate(rows),
    loadAndFold(streamName) {
      let total = 0;
      for (const row of read.all(streamName)) {
        const data = JSON.parse(row[5]) as { by: number };
        JSON.parse(row[6]);
        total += data.by;
      }
      return total;
    },
    close: () => db.close(),
  };
}
