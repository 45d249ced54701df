import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** Whether a SQLite path names a file (not an in-memory database). */
const isFile = (path: string): boolean => path !== ':memory:' && path !== '';

/**
 * Makes a data file readable by its owner only before SQLite opens it: missing folders are created 0700 and a missing
 * file 0600 (SQLite gives its `-wal` and `-shm` files the mode of the database file). Existing folders and files keep
 * their mode, so an operator's choice stands. Events, read models and data keys hold business and personal data.
 *
 * @example
 * preparePrivateFile('./data/events.db'); // ./data 0700, ./data/events.db 0600 when new
 */
export function preparePrivateFile(path: string): void {
  if (!isFile(path)) return;
  preparePrivateFolder(dirname(path));
  // 'a' creates the file empty (SQLite takes an empty file for a new database) and never truncates one.
  closeSync(openSync(path, 'a', 0o600));
}

/** Creates `folder` and its missing parents readable by the owner only (0700); an existing folder is left as it is. */
export function preparePrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
}
