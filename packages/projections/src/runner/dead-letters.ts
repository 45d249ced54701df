import type { RecordedEvent } from '@salesbook/eventstore';
import type Database from 'better-sqlite3';
import { decodePosition, encodePosition } from './schema.js';
import { deserializeEvent, serializeEvent } from './stored-event.js';

/**
 * A parked event. `error` is set on the first event of a stream that could not be applied; events of the
 * same stream that arrived after it wait behind it with `error: null`, so the stream's order is kept.
 */
export interface ParkedEvent {
  readonly position: bigint;
  readonly streamName: string;
  readonly eventId: string;
  readonly type: string;
  readonly error: string | null;
  readonly attempts: number;
  readonly event: RecordedEvent;
}

interface ParkedRow {
  position: string;
  stream_name: string;
  event_id: string;
  type: string;
  event: string;
  error: string | null;
  attempts: number;
}

const toParked = (row: ParkedRow): ParkedEvent => ({
  position: decodePosition(row.position),
  streamName: row.stream_name,
  eventId: row.event_id,
  type: row.type,
  error: row.error,
  attempts: row.attempts,
  event: deserializeEvent(row.event),
});

const COLUMNS = 'position, stream_name, event_id, type, event, error, attempts';

/** Statements over `projection_parked` for one generation of one projection. */
export class DeadLetters {
  private readonly insert: Database.Statement;
  private readonly listAll: Database.Statement<[string, number], ParkedRow>;
  private readonly listStream: Database.Statement<[string, number, string], ParkedRow>;
  private readonly streams: Database.Statement<[string, number], { stream_name: string }>;
  private readonly count: Database.Statement<[string, number], { n: number }>;
  private readonly removeOne: Database.Statement;
  private readonly failAgain: Database.Statement;
  private readonly removeAll: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly projection: string,
    private readonly generation: number,
  ) {
    const scope = 'projection = ? AND generation = ?';
    this.insert = db.prepare(
      `INSERT INTO projection_parked (projection, generation, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)`,
    );
    this.listAll = db.prepare(`SELECT ${COLUMNS} FROM projection_parked WHERE ${scope} ORDER BY position`);
    this.listStream = db.prepare(
      `SELECT ${COLUMNS} FROM projection_parked WHERE ${scope} AND stream_name = ? ORDER BY position`,
    );
    this.streams = db.prepare(`SELECT DISTINCT stream_name FROM projection_parked WHERE ${scope} ORDER BY stream_name`);
    this.count = db.prepare(`SELECT count(*) AS n FROM projection_parked WHERE ${scope}`);
    this.removeOne = db.prepare(`DELETE FROM projection_parked WHERE ${scope} AND position = ?`);
    this.failAgain = db.prepare(
      `UPDATE projection_parked SET error = ?, attempts = attempts + 1 WHERE ${scope} AND position = ?`,
    );
    this.removeAll = db.prepare(`DELETE FROM projection_parked WHERE ${scope}`);
  }

  /** Parks `event` with the reason it failed, or `null` when it only waits behind an earlier one. */
  park(event: RecordedEvent, error: string | null): void {
    this.insert.run(
      this.projection,
      this.generation,
      encodePosition(event.position),
      event.streamName,
      event.eventId,
      event.type,
      serializeEvent(event),
      error,
    );
  }

  list(streamName?: string): ParkedEvent[] {
    const rows =
      streamName === undefined
        ? this.listAll.all(this.projection, this.generation)
        : this.listStream.all(this.projection, this.generation, streamName);
    return rows.map(toParked);
  }

  /** Streams that have parked events (and so are blocked). */
  blockedStreams(): string[] {
    return this.streams.all(this.projection, this.generation).map((row) => row.stream_name);
  }

  size(): number {
    return this.count.get(this.projection, this.generation)?.n ?? 0;
  }

  release(position: bigint): void {
    this.removeOne.run(this.projection, this.generation, encodePosition(position));
  }

  failedAgain(position: bigint, error: string): void {
    this.failAgain.run(error, this.projection, this.generation, encodePosition(position));
  }

  clear(): void {
    this.removeAll.run(this.projection, this.generation);
  }
}
