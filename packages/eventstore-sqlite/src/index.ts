/**
 * @salesbook/eventstore-sqlite: the embedded default event store, one SQLite file behind the
 * event store port (the only package that imports better-sqlite3 for events).
 */
export { createSqliteEventStore, type SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store.js';
export type { AppliedPragmas, SqliteSynchronous } from './schema.js';
/** The events table's DDL, for tools that must measure or read the same table (the bench's raw baseline). */
export { SCHEMA as EVENTS_TABLE_DDL } from './schema.js';
export type { GroupCommitStats } from './group-commit.js';
