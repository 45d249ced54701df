import { existsSync } from 'node:fs';
import type { EventCodec } from '@salesbook/eventstore';
import { createMemoryDataKeyStore, createPersonalDataCodec, type DataKeyStore } from '@salesbook/personal-data';
import type { StoreContext } from '../support/infrastructure.js';

/**
 * Keys for a dry run: existing data opens with the real key store (when there is one), new data is sealed
 * with throwaway keys in memory, and subject links stay in memory, so a dry run writes nothing anywhere,
 * the key store included.
 */
function dryRunKeys(real: DataKeyStore | undefined): DataKeyStore {
  const scratch = createMemoryDataKeyStore();
  return {
    keysForWriting: (customerIds) => scratch.keysForWriting(customerIds),
    async keysForReading(keyIds) {
      return new Map([...((await real?.keysForReading(keyIds)) ?? []), ...(await scratch.keysForReading(keyIds))]);
    },
    linkSubjects: (links) => scratch.linkSubjects(links),
    async ownersOf(subjects) {
      return new Map([...((await real?.ownersOf(subjects)) ?? []), ...(await scratch.ownersOf(subjects))]);
    },
    async forget() {
      throw new Error('a dry run forgets nobody');
    },
  };
}

/** What an import seals and opens personal data with, and how it readies the keys of a chunk's customers. */
export interface ImportKeys {
  readonly codec: EventCodec;
  /** Makes the data keys of `customerIds` in one transaction, before the chunk's events are encoded one stream at a time. */
  prepare(customerIds: readonly string[]): Promise<void>;
}

/**
 * The import's codec: the encrypting codec over the key store (made when missing); for a dry run, one that
 * reads through the existing key store but never writes to it.
 */
export function importKeys(context: StoreContext, write: boolean): ImportKeys {
  if (!write) {
    const exists =
      context.config.store.kind === 'memory' ||
      context.config.keyStore.kind === 'postgres' ||
      existsSync(context.config.keyStorePath);
    const keys = dryRunKeys(exists ? context.keyStore('existing') : undefined);
    return { codec: createPersonalDataCodec({ inner: context.plainCodec, keys }), prepare: async () => undefined };
  }
  const keys = context.keyStore('create');
  return {
    codec: createPersonalDataCodec({ inner: context.plainCodec, keys }),
    prepare: async (customerIds) => {
      if (customerIds.length > 0) await keys.keysForWriting(customerIds);
    },
  };
}
