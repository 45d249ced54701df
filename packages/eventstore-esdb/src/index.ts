/**
 * @salesbook/eventstore-esdb: the event store port on EventStoreDB (or KurrentDB), the production
 * store. The only package that imports `@eventstore/db-client`.
 */
export { createEsdbEventStore, type EsdbEventStoreOptions } from './esdb-event-store.js';
export { decodePosition, encodePosition, type EsdbPosition } from './position.js';
export { translateEsdbError, type ErrorContext } from './translate-error.js';
