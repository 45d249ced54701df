/**
 * @salesbook/personal-data: Salesbook's personal data protection on top of the event store port. Personal
 * fields (named by the domain's field map) are sealed per customer on write and opened on read, masked for
 * readers who may not see them, and erased for good by destroying the customer's data key.
 */
export * from './data-keys.js';
export { createMemoryDataKeyStore, type MemoryDataKeyStore } from './memory-data-keys.js';
export * from './personal-data-codec.js';
export * from './read-log.js';
export { ERASED_PERSONAL_DATA, isSealed, SEALED_PREFIX } from './sealed-value.js';
export * from './forget-customer.js';
