import Database from 'better-sqlite3';
import { preparePrivateFile } from '@salesbook/eventstore';

/**
 * `data_keys`: one row per customer, the data key wrapped by the master key; forgetting sets `wrapped`
 * to NULL and keeps the row as a tombstone (so later writes are erased, and an unknown key id is told
 * apart from a destroyed one). `key_subjects` ties e.g. `complaint-<id>` to its customer. `reads` is
 * the personal data read log (ids and times only). `meta` holds the master key check value.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS data_keys (
  key_id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL UNIQUE,
  wrapped BLOB,
  created_at TEXT NOT NULL,
  forgotten_at TEXT
);
CREATE TABLE IF NOT EXISTS key_subjects (subject TEXT PRIMARY KEY, customer_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reads (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  role TEXT NOT NULL,
  purpose TEXT NOT NULL,
  customer_ids TEXT NOT NULL,
  streams TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS read_customers (seq INTEGER NOT NULL, customer_id TEXT NOT NULL, PRIMARY KEY (customer_id, seq));
`;

/**
 * Opens the key store file in WAL mode with `secure_delete` (freed bytes are zeroed) and `synchronous=FULL`
 * for what the store writes while opening (schema, master key check); the store then drops to NORMAL and
 * syncs the -wal itself, off the event loop (see `durability.ts`). WAL lets the API and the CLI share the file
 * (readers never wait for the writer); the price is that old page versions stay in the -wal until a
 * checkpoint, so `forget` and master key rotation end with `wal_checkpoint(TRUNCATE)`.
 */
export function openKeyStoreFile(path: string, busyTimeoutMs: number): Database.Database {
  preparePrivateFile(path);
  const db = new Database(path, { timeout: busyTimeoutMs });
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    // Switching a file to WAL needs a moment of exclusive access; busy_timeout above covers a concurrent opener.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.exec(SCHEMA);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Whether the connection is in WAL mode (a file; `:memory:` is not). */
export const inWalMode = (db: Database.Database): boolean =>
  String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
