import { randomBytes, randomUUID } from 'node:crypto';
import type { DataKey, DataKeyLookup, DataKeyStore, ForgetResult } from './data-keys.js';

/** A data key store held in memory: for tests, embedders' tests and the `memory:` event store. */
export interface MemoryDataKeyStore extends DataKeyStore {
  /** How many customers have a live key (for tests). */
  readonly liveKeys: () => number;
}

/**
 * The data key store of one process's memory: keys are lost with the process, so use it only with
 * a memory event store, whose events are lost with it too.
 *
 * @example
 * const keys = createMemoryDataKeyStore();
 * const codec = createPersonalDataCodec({ inner: createEventCodec(salesbookEventRegistry), keys });
 */
export function createMemoryDataKeyStore(): MemoryDataKeyStore {
  const byCustomer = new Map<string, { keyId: string; key: Uint8Array | undefined }>();
  const owners = new Map<string, string>();
  const entry = (customerId: string): { keyId: string; key: Uint8Array | undefined } => {
    const existing = byCustomer.get(customerId);
    if (existing) return existing;
    const created = { keyId: randomUUID().replaceAll('-', ''), key: new Uint8Array(randomBytes(32)) };
    byCustomer.set(customerId, created);
    return created;
  };
  const lookup = (customerId: string, stored: { keyId: string; key: Uint8Array | undefined }): DataKeyLookup =>
    stored.key === undefined ? 'forgotten' : ({ keyId: stored.keyId, customerId, key: stored.key } satisfies DataKey);
  return {
    async keysForWriting(customerIds) {
      return new Map(customerIds.map((customerId) => [customerId, lookup(customerId, entry(customerId))]));
    },
    async keysForReading(keyIds) {
      const wanted = new Set(keyIds);
      const found = new Map<string, DataKeyLookup>();
      for (const [customerId, stored] of byCustomer)
        if (wanted.has(stored.keyId)) found.set(stored.keyId, lookup(customerId, stored));
      return found;
    },
    async linkSubjects(links) {
      for (const [subject, customerId] of links) owners.set(subject, customerId);
    },
    async ownersOf(subjects) {
      return new Map(
        subjects.flatMap((subject) => {
          const owner = owners.get(subject);
          return owner === undefined ? [] : [[subject, owner] as const];
        }),
      );
    },
    async forget(customerId): Promise<ForgetResult> {
      const stored = byCustomer.get(customerId) ?? { keyId: randomUUID().replaceAll('-', ''), key: undefined };
      byCustomer.set(customerId, stored);
      const destroyed = stored.key !== undefined;
      stored.key?.fill(0);
      stored.key = undefined;
      return { customerId, destroyed };
    },
    liveKeys: () => [...byCustomer.values()].filter((stored) => stored.key !== undefined).length,
  };
}
