/**
 * @salesbook/eventstore: the event store port, its errors, the hash chain, the in-memory store
 * and command handling. Knows nothing of NestJS or of any database client.
 */
export * from './canonical-json.js';
export * from './errors.js';
export * from './hash-chain.js';
export * from './port.js';
export * from './count-events.js';
export * from './idempotency-keys.js';
export { createMemoryEventLog, type MemoryEventLog } from './memory-log.js';
export * from './memory-store.js';
export * from './polling-subscription.js';
export * from './event-codec.js';
export * from './to-json.js';
export * from './command-handler.js';
export * from './state-cache.js';
export * from './event-id.js';
export * from './repeat.js';
export * from './load-aggregate.js';
export * from './snapshots.js';
export * from './store-url.js';
export * from './private-files.js';
