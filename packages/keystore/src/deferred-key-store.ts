import type { ManagedKeyStore } from './key-store.js';

/**
 * A key store usable at once whose opening (a connection, the schema, the master key check) finishes later: every
 * call waits for it and fails with its error. For callers that open synchronously, such as the command line.
 *
 * @example
 * const keys = deferredKeyStore(createPostgresKeyStore({ url, masterKey }), redactedUrl(url));
 */
export function deferredKeyStore(opening: Promise<ManagedKeyStore>, location: string): ManagedKeyStore {
  // Observed here so an opening that fails before the first call is not an unhandled rejection.
  opening.catch(() => undefined);
  const when = async <T>(work: (keys: ManagedKeyStore) => Promise<T>): Promise<T> => work(await opening);
  return {
    location,
    reads: {
      record: (read) => when((keys) => keys.reads.record(read)),
      list: (filter) => when((keys) => keys.reads.list(filter)),
    },
    keysForWriting: (customerIds) => when((keys) => keys.keysForWriting(customerIds)),
    keysForReading: (keyIds) => when((keys) => keys.keysForReading(keyIds)),
    linkSubjects: (links) => when((keys) => keys.linkSubjects(links)),
    ownersOf: (subjects) => when((keys) => keys.ownersOf(subjects)),
    forget: (customerId) => when((keys) => keys.forget(customerId)),
    rotateMasterKey: (next) => when((keys) => keys.rotateMasterKey(next)),
    close: async () => {
      const keys = await opening.catch(() => undefined);
      await keys?.close();
    },
  };
}
