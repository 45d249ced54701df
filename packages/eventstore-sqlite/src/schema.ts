import Database from 'better-sqlite3';
import { preparePrivateFile } from '@salesbook/eventstore';
import { IDEMPOTENCY_SCHEMA } from './idempotency-keys.js';

/** How hard each commit reaches the disk: `FULL` survives power loss, `NORMAL` only a process crash. */
export type SqliteSynchronous = 'FULL' | 'NORMAL';

/** Settings applied to every connection the adapter opens. */
export interface ConnectionSettings {
  readonly path: string;
  readonly synchronous: SqliteSynchronous;
  /** How long a writer waits for another connection's write lock before giving up. */
  readonly busyTimeoutMs: number;
}

/**
 * One table holds the log: `position` is the rowid (the global order), `(stream_name, revision)` is
 * unique and doubles as the index that finds a stream's head, `event_id` is unique store-wide.
 * `metadata` holds the chain link (`hash`), so no second table has to be written on each append.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY,
  stream_name TEXT NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 0),
  event_id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  data TEXT NOT NULL,
  metadata TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  UNIQUE (stream_name, revision)
);
`;

/**
 * Snapshots of folded states, beside the log and not part of it: one per stream and state schema, replaced by
 * later ones, never read with events nor covered by the hash chain. Deleting every row costs only load time.
 */
export const SNAPSHOTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS snapshots (
  stream_name TEXT NOT NULL,
  schema TEXT NOT NULL,
  revision INTEGER NOT NULL,
  state TEXT NOT NULL,
  PRIMARY KEY (stream_name, schema)
) WITHOUT ROWID;
`;

/** Opens (creating when missing, readable by its owner only) the SQLite file with WAL, the chosen durability and the schema. */
export function openConnection(settings: ConnectionSettings): Database.Database {
  preparePrivateFile(settings.path);
  const db = new Database(settings.path, { timeout: settings.busyTimeoutMs });
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(settings.busyTimeoutMs))}`);
    // Switching to WAL needs a moment of exclusive access; busy_timeout above covers a concurrent opener.
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${settings.synchronous}`);
    db.exec(SCHEMA);
    db.exec(IDEMPOTENCY_SCHEMA);
    db.exec(SNAPSHOTS_SCHEMA);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The pragmas in force on a connection, as SQLite reports them (for tests and diagnostics). */
export interface AppliedPragmas {
  readonly journalMode: string;
  /** 2 is FULL, 1 is NORMAL. */
  readonly synchronous: number;
  readonly busyTimeoutMs: number;
}

/** Reads back the pragmas of {@link openConnection}. */
export function readPragmas(db: Database.Database): AppliedPragmas {
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    busyTimeoutMs: Number(db.pragma('busy_timeout', { simple: true })),
  };
}
