import { existsSync } from 'node:fs';
import { salesbookEventRegistry } from '@salesbook/domain';
import {
  createEventCodec,
  createMemoryEventStore,
  describeStore,
  type EventCodec,
  type EventStore,
  type StoreDescriptor,
} from '@salesbook/eventstore';
import { createPersonalDataCodec } from '@salesbook/personal-data';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import type { ManagedKeyStore } from '@salesbook/keystore';
import type { CliConfig } from './config.js';
import { openKeyStore, type KeyStoreMode } from './key-store.js';
import { note } from './output.js';

// The API opens event stores the same way (apps/api/src/infrastructure/open-store.ts), only waiting longer for EventStoreDB.

/**
 * Opens the event store `SALESBOOK_EVENTSTORE` names; EventStoreDB after its check (23.10 or later, `$all` readable;
 * an unreachable server waited for up to 10 s).
 */
export async function openEventStore(descriptor: StoreDescriptor): Promise<EventStore> {
  switch (descriptor.kind) {
    case 'sqlite':
      return createSqliteEventStore({ path: descriptor.path });
    case 'memory':
      note('SALESBOOK_EVENTSTORE is memory: nothing this command writes is kept after it ends');
      return createMemoryEventStore();
    case 'esdb': {
      // Loaded only for an EventStoreDB URL: its gRPC client costs every other command about 0.2 s of start-up.
      const { openEsdbEventStore } = await import('@salesbook/eventstore-esdb');
      return openEsdbEventStore({
        connectionString: descriptor.connectionString,
        maxAppendBytes: descriptor.maxAppendBytes,
        waitMs: 10_000,
      });
    }
  }
}

/** Whether the read-model file exists (verify never creates one). */
export const readModelsExist = (path: string): boolean => path !== ':memory:' && existsSync(path);

/** The store, the codecs and the configuration a command works with. */
export interface StoreContext {
  readonly config: CliConfig;
  readonly store: EventStore;
  /** The plain codec (versions, upcasting, validation); personal fields pass through as stored. */
  readonly plainCodec: EventCodec;
  /** The store for messages: kind and place, never credentials. */
  readonly storeName: string;
  /** The key store, opened on first use (only commands that touch personal data need the master key). */
  keyStore(mode: KeyStoreMode): ManagedKeyStore;
}

/**
 * The codec of the system's own reads and writes (imports, erasure): personal fields sealed with each
 * customer's data key on write and opened on read, with no read logged (no person reads them).
 */
export const systemCodec = (context: StoreContext, mode: KeyStoreMode): EventCodec =>
  createPersonalDataCodec({ inner: context.plainCodec, keys: context.keyStore(mode) });

/** Opens the configured store, runs `work` with it and closes it (and the key store, if opened), whatever happens. */
export async function withStore<T>(config: CliConfig, work: (context: StoreContext) => Promise<T>): Promise<T> {
  const store = await openEventStore(config.store);
  let keys: ManagedKeyStore | undefined;
  const keyStore = (mode: KeyStoreMode): ManagedKeyStore => (keys ??= openKeyStore(config, mode));
  try {
    return await work({
      config,
      store,
      plainCodec: createEventCodec(salesbookEventRegistry),
      storeName: describeStore(config.store),
      keyStore,
    });
  } finally {
    await keys?.close();
    await store.close();
  }
}
