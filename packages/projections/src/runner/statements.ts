import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The statement of `sql` on `db`, prepared once per connection and kept: report queries are a fixed set of texts
 * (no user input is spliced in), and preparing a join costs more than running it on an index. SQLite re-prepares a
 * kept statement by itself after a schema change (a generation swap repoints the views).
 */
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** The active checkpoint (20-digit text) of a projection, `null` before its first event, `undefined` if unknown. */
export function activePosition(db: Database.Database, projection: string): string | null | undefined {
  const row = prepared(db, 'SELECT position FROM projection_checkpoints WHERE projection = ? AND active = 1').get(
    projection,
  ) as { position: string | null } | undefined;
  return row?.position;
}
