import type { Json, RecordedEvent } from '@salesbook/eventstore';
import type Database from 'better-sqlite3';

/** A stored event as SQLite returns it in raw mode, in the column order of {@link EVENT_COLUMNS}. */
export type EventRow = [
  position: number,
  streamName: string,
  revision: number,
  eventId: string,
  type: string,
  data: string,
  metadata: string,
  recordedAt: string,
];

/** A stream's head: its last revision and that event's chain link. */
export type HeadRow = [revision: number, hash: string];

/** Where an already stored event id lives. */
export type StoredIdRow = [streamName: string, revision: number, position: number];

const EVENT_COLUMNS = 'position, stream_name, revision, event_id, type, data, metadata, recorded_at';

/** Every statement the adapter runs, prepared once per connection. */
export interface Statements {
  readonly head: Database.Statement<[string], HeadRow>;
  readonly insert: Database.Statement<[string, number, string, string, string, string, string]>;
  readonly storedId: Database.Statement<[string], StoredIdRow>;
  readonly readForwards: Database.Statement<[string, number, number], EventRow>;
  readonly readBackwards: Database.Statement<[string, number, number], EventRow>;
  readonly readAll: Database.Statement<[number | bigint, number], EventRow>;
  readonly streamExists: Database.Statement<[string], [number]>;
  readonly headPosition: Database.Statement<[], [number | null]>;
}

/** Prepares {@link Statements}; raw mode (rows as arrays) is the cheapest shape better-sqlite3 returns. */
export function prepareStatements(db: Database.Database): Statements {
  const raw = <P extends unknown[], R>(sql: string): Database.Statement<P, R> => db.prepare<P, R>(sql).raw(true);
  return {
    head: raw(
      "SELECT revision, json_extract(metadata, '$.hash') FROM events WHERE stream_name = ? ORDER BY revision DESC LIMIT 1",
    ),
    insert: db.prepare(
      'INSERT INTO events (stream_name, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    storedId: raw('SELECT stream_name, revision, position FROM events WHERE event_id = ?'),
    readForwards: raw(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_name = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
    ),
    readBackwards: raw(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_name = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ),
    readAll: raw(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`),
    streamExists: raw('SELECT 1 FROM events WHERE stream_name = ? LIMIT 1'),
    headPosition: raw('SELECT MAX(position) FROM events'),
  };
}

/** Turns a raw row into the port's event. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamName: row[1],
    revision: row[2],
    position: BigInt(row[0]),
    eventId: row[3],
    type: row[4],
    data: JSON.parse(row[5]) as Json,
    metadata: JSON.parse(row[6]) as RecordedEvent['metadata'],
    recordedAt: row[7],
  };
}
