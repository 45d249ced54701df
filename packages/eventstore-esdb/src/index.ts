/**
 * @salesbook/eventstore-esdb: the event store port on EventStoreDB (or KurrentDB), the production
 * store. The only package that imports `@eventstore/db-client`.
 */
export { createEsdbEventStore, openEsdbEventStore, type EsdbEventStoreOptions } from './esdb-event-store.js';
export { DEFAULT_MAX_APPEND_BYTES, eventSize } from './append-size.js';
export { decodePosition, encodePosition, type EsdbPosition } from './position.js';
export { DEFAULT_APPEND_RETRY, type AppendRetry } from './retry.js';
export { MINIMUM_SERVER_VERSION, supportsVersion } from './server-check.js';
export { translateEsdbError, type ErrorContext } from './translate-error.js';
