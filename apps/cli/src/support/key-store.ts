import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StoreConfigurationError } from '@salesbook/eventstore';
import {
  createPostgresKeyStore,
  createSqliteKeyStore,
  deferredKeyStore,
  redactedUrl,
  resolveMasterKey,
  type ManagedKeyStore,
  type ResolvedMasterKey,
} from '@salesbook/keystore';
import { CliError } from './cli-error.js';
import type { CliConfig } from './config.js';
import { note } from './output.js';

/** Whether a command may make a new key store (writes) or needs the one that exists (reads, forget, rotation). */
export type KeyStoreMode = 'create' | 'existing';

/** Where development mode keeps its master key: beside the key store, as the API does. */
export const developmentKeyFile = (config: CliConfig): string => join(dirname(config.keyStorePath), 'master.key');

/** Runs `work`, turning the key store's configuration errors (no key, wrong key) into one line. */
export function oneLine<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof StoreConfigurationError) throw new CliError(error.message);
    throw error;
  }
}

/** SALESBOOK_MASTER_KEY, or in development mode the key file beside the key store (with a warning on stderr). */
export const resolveCliMasterKey = (config: CliConfig): ResolvedMasterKey =>
  // A PostgreSQL key store is shared by every host: its master key is never a file made on one of them.
  oneLine(() =>
    resolveMasterKey({
      value: config.masterKey,
      development: config.development && config.keyStore.kind === 'sqlite',
      developmentKeyFile: developmentKeyFile(config),
      warn: note,
    }),
  );

/**
 * Opens the key store SALESBOOK_KEYSTORE names with the master key. `existing` refuses a missing file: a
 * read, an erasure or a rotation against a new empty key store would be wrong silently (forgetting there
 * would leave the real key alive). The `memory:` event store gets a key store in memory, gone with it. A
 * PostgreSQL key store connects on first use (its tables are made when missing).
 */
export function openKeyStore(config: CliConfig, mode: KeyStoreMode): ManagedKeyStore {
  if (config.store.kind === 'memory') return createSqliteKeyStore({ path: ':memory:', masterKey: randomBytes(32) });
  if (config.keyStore.kind === 'postgres') {
    const { url } = config.keyStore;
    return deferredKeyStore(
      createPostgresKeyStore({ url, masterKey: resolveCliMasterKey(config).key }),
      redactedUrl(url),
    );
  }
  if (mode === 'existing' && !existsSync(config.keyStorePath)) {
    throw new CliError(
      `SALESBOOK_KEYSTORE: no key store at ${config.keyStorePath}; point SALESBOOK_KEYSTORE at the key store of this event store`,
    );
  }
  const masterKey = resolveCliMasterKey(config).key;
  return oneLine(() => createSqliteKeyStore({ path: config.keyStorePath, masterKey }));
}
