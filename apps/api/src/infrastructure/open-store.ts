import { dirname, join } from 'node:path';
import { createMemoryEventStore, type EventStore, type StoreDescriptor } from '@salesbook/eventstore';
import { openEsdbEventStore } from '@salesbook/eventstore-esdb';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import {
  createPostgresKeyStore,
  createSqliteKeyStore,
  generateMasterKey,
  parseMasterKey,
  resolveMasterKey,
  type ManagedKeyStore,
  type SqliteKeyStore,
} from '@salesbook/keystore';
import type { KeyStoreConfig } from '../config/config.js';

/**
 * Opens the event store `SALESBOOK_EVENTSTORE` names. EventStoreDB is checked first (23.10 or later, `$all` readable
 * by the connection string's user; an unreachable server is waited for up to 30 s), so start-up stops with the reason.
 */
export async function openEventStore(descriptor: StoreDescriptor): Promise<EventStore> {
  switch (descriptor.kind) {
    case 'sqlite':
      return createSqliteEventStore({ path: descriptor.path });
    case 'memory':
      return createMemoryEventStore();
    case 'esdb':
      return openEsdbEventStore({
        connectionString: descriptor.connectionString,
        maxAppendBytes: descriptor.maxAppendBytes,
      });
  }
}

/**
 * Opens the key store (customers' data keys and the personal data read log), apart from the event log: PostgreSQL for
 * several hosts, else a SQLite file. In development mode without SALESBOOK_MASTER_KEY the master key of a SQLite key
 * store is kept in `master.key` beside it, made on first use, and `warn` says so once (an in-memory key store gets a
 * random key for the run instead).
 */
export async function openKeyStore(config: KeyStoreConfig, warn: (line: string) => void): Promise<ManagedKeyStore> {
  if (config.kind === 'postgres') return createPostgresKeyStore({ url: config.url, masterKey: config.masterKey });
  return openSqliteKeyStore(config, warn);
}

function openSqliteKeyStore(config: KeyStoreConfig & { kind: 'sqlite' }, warn: (line: string) => void): SqliteKeyStore {
  if (config.masterKey !== 'development')
    return createSqliteKeyStore({ path: config.path, masterKey: config.masterKey });
  // An in-memory key store lives as long as the process: a random key for the run, no file to leave behind.
  if (config.path === ':memory:')
    return createSqliteKeyStore({ path: config.path, masterKey: parseMasterKey(generateMasterKey()) });
  const masterKey = resolveMasterKey({
    value: undefined,
    development: true,
    developmentKeyFile: join(dirname(config.path), 'master.key'),
    warn,
  }).key;
  return createSqliteKeyStore({ path: config.path, masterKey });
}
