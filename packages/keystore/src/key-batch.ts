import type { DataKeyLookup } from '@salesbook/personal-data';

interface Waiting {
  readonly customerIds: readonly string[];
  readonly resolve: (keys: Map<string, DataKeyLookup>) => void;
  readonly reject: (error: unknown) => void;
}

/** Queues first-key requests and writes them together; {@link KeyBatch.flush} writes what is queued now. */
export interface KeyBatch {
  request(customerIds: readonly string[]): Promise<Map<string, DataKeyLookup>>;
  flush(): void;
}

/**
 * Makes the first data keys asked for during one turn of the event loop in one transaction (`write`, a COMMIT
 * that only writes WAL frames), then hands them out once `durable` says that commit is on disk (the -wal's fsync,
 * off the event loop; the next batch may commit meanwhile). Each caller gets its own customers' keys. If the
 * transaction fails, every caller of the batch fails and nothing of it is written; if the sync fails, every
 * caller fails and no key of the batch is handed out (the rows may be in the file, but not known to be durable).
 */
export function createKeyBatch(
  write: (customerIds: readonly string[]) => Map<string, DataKeyLookup>,
  durable: (customerIds: readonly string[]) => Promise<void>,
): KeyBatch {
  let queue: Waiting[] = [];
  const flush = (): void => {
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    const customerIds = [...new Set(batch.flatMap((waiting) => waiting.customerIds))];
    let written: Map<string, DataKeyLookup>;
    try {
      written = write(customerIds);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    const handOut = (): void => {
      for (const waiting of batch) {
        waiting.resolve(
          new Map(
            waiting.customerIds.flatMap((customerId) => {
              const key = written.get(customerId);
              return key === undefined ? [] : [[customerId, key] as const];
            }),
          ),
        );
      }
    };
    durable(customerIds).then(handOut, (error: unknown) => {
      for (const waiting of batch) waiting.reject(error);
    });
  };
  return {
    request(customerIds) {
      return new Promise((resolve, reject) => {
        queue.push({ customerIds, resolve, reject });
        if (queue.length === 1) setImmediate(flush);
      });
    },
    flush,
  };
}
