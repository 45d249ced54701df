/**
 * @salesbook/keystore: the data key stores of Salesbook's personal data protection. Data keys per customer, wrapped
 * by a master key (SALESBOOK_MASTER_KEY), never in the event log: in a SQLite file (one host) or in PostgreSQL (shared
 * by every host); crypto-shredding by `forget`, master key rotation, and the personal data read log beside the keys.
 */
export type { ManagedKeyStore } from './key-store.js';
export { createSqliteKeyStore, type SqliteKeyStore, type SqliteKeyStoreOptions } from './sqlite-key-store.js';
export {
  createPostgresKeyStore,
  redactedUrl,
  type PostgresKeyStore,
  type PostgresKeyStoreOptions,
} from './postgres-key-store.js';
export {
  generateMasterKey,
  MASTER_KEY_VARIABLE,
  parseMasterKey,
  resolveMasterKey,
  type ResolvedMasterKey,
  type ResolveMasterKeyInput,
} from './master-key.js';
export { createSqliteReadLog } from './sqlite-read-log.js';
export { parseKeyStoreLocation, type KeyStoreLocation } from './location.js';
export { deferredKeyStore } from './deferred-key-store.js';
export { listPostgresReads } from './postgres/read-log.js';
