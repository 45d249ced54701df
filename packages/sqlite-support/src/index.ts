/**
 * @salesbook/sqlite-support: what every Salesbook SQLite file needs beside its own schema, so the event store,
 * the key store and the read models share one copy: fsync of a WAL on libuv's thread pool, and WAL checkpoints
 * (with their fsyncs) on a worker thread, and writes that never wait for a lock on the event loop.
 */
export * from './file-sync.js';
export * from './wal-checkpointer.js';
export * from './without-waiting.js';
