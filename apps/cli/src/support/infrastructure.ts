import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { salesbookEventRegistry } from '@salesbook/domain';
import { createEventCodec, createMemoryEventStore, describeStore, type EventCodec, type EventStore, type StoreDescriptor } from '@salesbook/eventstore';
import { createEsdbEventStore } from '@salesbook/eventstore-esdb';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import type { CliConfig } from './config.js';
import { note } from './output.js';

// The API opens stores and read models the same way (apps/api/src/infrastructure/open-store.ts).

/** Opens the event store `SALESBOOK_EVENTSTORE` names. */
export function openEventStore(descriptor: StoreDescriptor): EventStore {
  switch (descriptor.kind) {
    case 'sqlite':
      return createSqliteEventStore({ path: descriptor.path });
    case 'memory':
      note('SALESBOOK_EVENTSTORE is memory: nothing this command writes is kept after it ends');
      return createMemoryEventStore();
    case 'esdb':
      return createEsdbEventStore({ connectionString: descriptor.connectionString });
  }
}

/** Opens a read-model SQLite file (its folder created when missing), WAL like the API's. */
export function openReadModels(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Whether the read-model file exists (verify never creates one). */
export const readModelsExist = (path: string): boolean => path !== ':memory:' && existsSync(path);

/** The store, its codec and the configuration a command works with. */
export interface StoreContext {
  readonly config: CliConfig;
  readonly store: EventStore;
  readonly codec: EventCodec;
  /** The store for messages: kind and place, never credentials. */
  readonly storeName: string;
}

/** Opens the configured store, runs `work` with it and closes it, whatever happens. */
export async function withStore<T>(config: CliConfig, work: (context: StoreContext) => Promise<T>): Promise<T> {
  const store = openEventStore(config.store);
  try {
    return await work({ config, store, codec: createEventCodec(salesbookEventRegistry), storeName: describeStore(config.store) });
  } finally {
    await store.close();
  }
}
