import type Database from 'better-sqlite3';
import { StoreConfigurationError, StoreUnavailableError } from '@salesbook/eventstore';
import { MASTER_CHECK_CONTEXT, unwrap, wrap } from './wrap.js';

const CHECK = Buffer.from('salesbook key store', 'utf8');

/** The value in `meta` that proves `masterKey` opens the key store: a known text wrapped by it. */
export const masterCheckValue = (masterKey: Uint8Array): Buffer => wrap(masterKey, CHECK, MASTER_CHECK_CONTEXT);

/** Whether `value` (from {@link masterCheckValue}) was made with `masterKey`. */
export const checkValueOpens = (masterKey: Uint8Array, value: Uint8Array): boolean =>
  unwrap(masterKey, value, MASTER_CHECK_CONTEXT)?.equals(CHECK) === true;

/** Runs a SQLite call, turning a locked database into the port's "unavailable" error. */
export function guarded<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY'))
      throw new StoreUnavailableError('the key store is locked by another process', { cause: error });
    throw error;
  }
}

/** Checks (or, on a new file, records) that `masterKey` opens this key store. */
export function checkMasterKey(db: Database.Database, masterKey: Uint8Array, path: string): void {
  const row = db.prepare<[], { value: Buffer }>("SELECT value FROM meta WHERE name = 'master_check'").get();
  if (row === undefined) {
    const keys = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM data_keys').get()?.n ?? 0;
    if (keys > 0)
      throw new StoreConfigurationError(`the key store ${path} holds keys but no master key check: it is damaged`);
    db.prepare("INSERT INTO meta (name, value) VALUES ('master_check', ?)").run(masterCheckValue(masterKey));
    return;
  }
  if (!checkValueOpens(masterKey, row.value)) {
    throw new StoreConfigurationError(
      `SALESBOOK_MASTER_KEY does not open the key store ${path}: it was made (or last rotated) with another master key`,
    );
  }
}
