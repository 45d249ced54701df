export * from './data-keys.js';
export { createMemoryDataKeyStore, type MemoryDataKeyStore } from './memory-data-keys.js';
export * from './personal-data-codec.js';
export * from './read-log.js';
export { ERASED_PERSONAL_DATA, isSealed, SEALED_PREFIX } from './sealed-value.js';
export * from './forget-customer.js';
