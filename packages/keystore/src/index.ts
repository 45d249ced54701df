/**
 * @salesbook/keystore: the embedded data key store of Salesbook's personal data protection. Data keys
 * per customer, wrapped by a master key (SALESBOOK_MASTER_KEY), in a SQLite file of their own, never
 * the event log; crypto-shredding by `forget`, master key rotation, and the personal data read log.
 */
export { createSqliteKeyStore, type SqliteKeyStore, type SqliteKeyStoreOptions } from './sqlite-key-store.js';
export { generateMasterKey, MASTER_KEY_VARIABLE, parseMasterKey, resolveMasterKey, type ResolvedMasterKey, type ResolveMasterKeyInput } from './master-key.js';
export { createSqliteReadLog } from './sqlite-read-log.js';
