/**
 * Test support of @salesbook/keystore: the key store contract suite and a real PostgreSQL server in a temporary
 * folder. Imports jest's globals, so load it from test files only.
 */
export { describeKeyStoreContract, type KeyStoreContractSubject } from './key-store-contract.js';
export { freePort, postgresBin, postgresInstalled, startTestPostgres, type TestPostgres } from './postgres-server.js';
