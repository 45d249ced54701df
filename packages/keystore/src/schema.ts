import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

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
 * Opens the key store file. A rollback journal (not WAL) and `secure_delete`: a destroyed key's bytes
 * are overwritten in the file at commit and never linger in a -wal file; the journal is deleted after
 * each transaction.
 */
export function openKeyStoreFile(path: string, busyTimeoutMs: number): Database.Database {
  if (path !== ':memory:' && path !== '') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: busyTimeoutMs });
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.exec(SCHEMA);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
