import { StoreError, StoreUnavailableError } from '@salesbook/eventstore';

const codeOf = (error: unknown): string =>
  error !== null && typeof error === 'object' && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : '';

/**
 * Turns whatever better-sqlite3 threw into the port's errors, so nothing above the adapter sees a
 * vendor error. The port's own errors (conflicts raised inside a transaction) pass through.
 */
export function translateSqliteError(error: unknown, path: string): StoreError {
  if (error instanceof StoreError) return error;
  const code = codeOf(error);
  // Duck-typed: errors from the native addon may come from another realm (see append.ts).
  const message = (error as { message?: unknown } | null)?.message;
  const detail = typeof message === 'string' ? message : String(error);
  const where = `SQLite event store ${path}`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreUnavailableError(`${where} is locked by another writer (${code}); retry`, { cause: error });
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new StoreError('STORE_CORRUPT', `${where} is damaged (${code}): ${detail}`, { cause: error });
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) {
    return new StoreError('STORE_ACCESS_DENIED', `${where} may not be written (${code}): ${detail}`, { cause: error });
  }
  return new StoreUnavailableError(`${where} failed${code === '' ? '' : ` (${code})`}: ${detail}`, { cause: error });
}
