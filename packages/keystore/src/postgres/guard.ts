import { StoreUnavailableError } from '@salesbook/eventstore';

// SQLSTATE classes that say "the server or the connection is not there now", not "this request is wrong":
// 08 connection exception, 53 insufficient resources, 57 operator intervention (shutdown, cancel), 40 rollbacks.
const UNAVAILABLE_CLASSES = new Set(['08', '53', '57', '40']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Whether a PostgreSQL client error means the server is unreachable or shutting down (worth a retry later). */
export function isUnavailable(error: unknown): boolean {
  // Not `instanceof Error`: errors of Node's own sockets may come from another realm (a test sandbox).
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (
    typeof code === 'string' &&
    (NETWORK_CODES.has(code) || (code.length === 5 && UNAVAILABLE_CLASSES.has(code.slice(0, 2))))
  )
    return true;
  // pg reports a connection closed under it and a connect timeout with plain messages.
  return (
    typeof message === 'string' &&
    /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(message)
  );
}

/** Runs a PostgreSQL call, turning "the server is not there" into the port's "unavailable" error. */
export async function pgGuarded<T>(location: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUnavailable(error))
      throw new StoreUnavailableError(
        `the key store ${location} is unavailable: ${String((error as { message?: unknown }).message)}`,
        { cause: error },
      );
    throw error;
  }
}
