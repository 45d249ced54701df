import Database from 'better-sqlite3';
import { preparePrivateFile } from '@salesbook/eventstore';

/**
 * Opens the read-model SQLite file (it and its folder created readable by the owner only when missing), WAL so
 * reports read while batches apply. `synchronous=NORMAL`: read models are derived data and each batch commits with
 * its checkpoint, so a power cut can only lose the last batches, which are replayed from the log; an fsync per
 * projection per batch is not needed. The API and the command line both open read models here.
 *
 * @example
 * const db = openReadModels('/var/lib/salesbook/readmodels.db');
 */
export function openReadModels(path: string): Database.Database {
  preparePrivateFile(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return db;
}
