/**
 * A wire-level EventStoreDB double for tests: a gRPC server speaking the client's protocol over an
 * in-memory log. See server.ts; results against it read "client integration verified; server
 * semantics assumed".
 */
export { startEsdbDouble, type EsdbDouble, type EsdbDoubleOptions, type SubscriptionDrop } from './server.js';
export type { DoubleUser } from './access.js';
export type { FaultKind, FaultTarget } from './faults.js';
export { EsdbLog, type StoredEvent } from './log.js';
