import type { DataKeyLookup } from '@salesbook/eventstore';

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
 * Makes the first data keys asked for during one turn of the event loop in one transaction. The key store is
 * a rollback-journal file at synchronous=FULL (so erased keys leave no stale page behind), which costs several
 * fsyncs per transaction: one transaction per new customer capped the API's registrations at a few hundred per
 * second while every request waited. Each caller gets its own customers' keys once the shared transaction has
 * committed; if it fails, every caller of the batch fails and nothing of it is written.
 */
export function createKeyBatch(write: (customerIds: readonly string[]) => Map<string, DataKeyLookup>): KeyBatch {
  let queue: Waiting[] = [];
  const flush = (): void => {
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    let written: Map<string, DataKeyLookup>;
    try {
      written = write([...new Set(batch.flatMap((waiting) => waiting.customerIds))]);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    for (const waiting of batch) {
      waiting.resolve(new Map(waiting.customerIds.flatMap((customerId) => { const key = written.get(customerId); return key === undefined ? [] : [[customerId, key] as const]; })));
    }
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
