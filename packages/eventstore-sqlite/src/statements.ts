import { StoreError, type RecordedEvent } from '@salesbook/eventstore';
import type Database from 'better-sqlite3';

/**
 * A stored event as one JSON text, assembled by SQLite from the columns: the JSON columns are
 * spliced in as they are, so the whole row costs one string and one `JSON.parse` (the load of a
 * 10,000-event stream is mostly parsing; column by column it is about a quarter slower).
 */
export type EventRow = string;

/** A stream's head: its last revision, that event's chain link and its position. */
export type HeadRow = [revision: number, hash: string, position: number];

/** Where an already stored event id lives. */
export type StoredIdRow = [streamName: string, revision: number, position: number];

// data and metadata are spliced in as stored (canonical JSON written by this adapter); the columns
// that place an event come after them, so even a hand-edited JSON column cannot override them.
const EVENT_JSON = `'{"data":' || data || ',"metadata":' || metadata || ',"streamName":' || json_quote(stream_name) ||
  ',"revision":' || revision || ',"position":' || position || ',"eventId":' || json_quote(event_id) ||
  ',"type":' || json_quote(type) || ',"recordedAt":' || json_quote(recorded_at) || '}'`;

/**
 * A bound row limit. SQLite (3.47 on) plans with the value of a bare `LIMIT ?` and marks the statement to be
 * compiled again whenever that parameter is bound, which better-sqlite3 does at every call: every read of a
 * stream or page of the log was parsed and planned afresh (about a third of a 10 µs stream read, and 5% of the
 * API's thread under 1,000 commands/s, in `perf`). As an expression, `? + 0` is left alone by the planner; the
 * plans here are index and rowid range scans whatever the limit. The lint config refuses a bare `LIMIT ?`.
 */
const BOUND_LIMIT = 'LIMIT ? + 0';

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
  readonly countAfter: Database.Statement<[number | bigint, number], [number]>;
}

/** Prepares {@link Statements}; small rows come as arrays (raw mode), events as one JSON text each (pluck). */
export function prepareStatements(db: Database.Database): Statements {
  const raw = <P extends unknown[], R>(sql: string): Database.Statement<P, R> => db.prepare<P, R>(sql).raw(true);
  const pluck = <P extends unknown[]>(sql: string): Database.Statement<P, EventRow> =>
    db.prepare<P, EventRow>(sql).pluck(true);
  return {
    head: raw(
      "SELECT revision, json_extract(metadata, '$.hash'), position FROM events WHERE stream_name = ? ORDER BY revision DESC LIMIT 1",
    ),
    insert: db.prepare(
      'INSERT INTO events (stream_name, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    storedId: raw('SELECT stream_name, revision, position FROM events WHERE event_id = ?'),
    readForwards: pluck(
      `SELECT ${EVENT_JSON} FROM events WHERE stream_name = ? AND revision >= ? ORDER BY revision ASC ${BOUND_LIMIT}`,
    ),
    readBackwards: pluck(
      `SELECT ${EVENT_JSON} FROM events WHERE stream_name = ? AND revision <= ? ORDER BY revision DESC ${BOUND_LIMIT}`,
    ),
    readAll: pluck(`SELECT ${EVENT_JSON} FROM events WHERE position > ? ORDER BY position ASC ${BOUND_LIMIT}`),
    streamExists: raw('SELECT 1 FROM events WHERE stream_name = ? LIMIT 1'),
    headPosition: raw('SELECT MAX(position) FROM events'),
    // The same events a subscription delivers (system types never are), counted along the rowid without parsing them.
    countAfter: raw(
      `SELECT count(*) FROM (SELECT 1 FROM events WHERE position > ? AND type NOT LIKE '$%' ${BOUND_LIMIT})`,
    ),
  };
}

/** An event as its row's JSON reads: SQLite writes the position as a JSON number. */
type ParsedEvent = Omit<RecordedEvent, 'position'> & { readonly position: number };

/** Turns rows into the port's events; a row that does not parse means the file was edited by hand. */
export function toRecordedEvents(rows: readonly EventRow[]): RecordedEvent[] {
  const events = new Array<RecordedEvent>(rows.length);
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index] as EventRow;
    let event: ParsedEvent;
    try {
      event = JSON.parse(row) as ParsedEvent;
    } catch (error) {
      throw new StoreError('STORE_CORRUPT', `a stored event is not valid JSON: ${row.slice(0, 160)}`, { cause: error });
    }
    // A fresh literal of one shape, rather than a field changed from number to bigint in place.
    const { data, metadata, streamName, revision, position, eventId, type, recordedAt } = event;
    events[index] = { data, metadata, streamName, revision, position: BigInt(position), eventId, type, recordedAt };
  }
  return events;
}
