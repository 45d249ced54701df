import type Database from 'better-sqlite3';
import type { Projection } from '../model/projection.js';
import type { ColumnType, TableSpec } from '../model/table.js';

/**
 * The runner's own tables (checkpoints and dead letters) and the naming of read-model table sets.
 * Each build of a projection is a generation with its own physical tables; a view named after each
 * logical table points at the active generation, so a rebuild fills fresh tables and a swap repoints the views.
 */
export const RUNNER_DDL = `
CREATE TABLE IF NOT EXISTS projection_checkpoints (
  projection TEXT NOT NULL,
  generation INTEGER NOT NULL,
  version INTEGER NOT NULL,
  position TEXT,
  active INTEGER NOT NULL,
  PRIMARY KEY (projection, generation)
) STRICT;
CREATE TABLE IF NOT EXISTS projection_parked (
  projection TEXT NOT NULL,
  generation INTEGER NOT NULL,
  position TEXT NOT NULL,
  stream_name TEXT NOT NULL,
  event_id TEXT NOT NULL,
  type TEXT NOT NULL,
  event TEXT NOT NULL,
  error TEXT,
  attempts INTEGER NOT NULL,
  PRIMARY KEY (projection, generation, position)
) STRICT;
CREATE INDEX IF NOT EXISTS projection_parked_stream ON projection_parked (projection, generation, stream_name, position);
`;

/** Positions are stored as 20-digit text so text order is numeric order up to 2^64. */
export const encodePosition = (position: bigint): string => position.toString().padStart(20, '0');

/** The inverse of {@link encodePosition}. */
export const decodePosition = (text: string): bigint => BigInt(text);

/** The physical name of `table` in generation `generation` of `projection`. */
export const physicalName = (projection: string, generation: number, table: string): string =>
  `rm_${projection}_g${generation}__${table}`;

const SQL_TYPE: Record<ColumnType, string> = {
  TEXT: 'TEXT NOT NULL',
  INTEGER: 'INTEGER NOT NULL',
  'TEXT NULL': 'TEXT',
  'INTEGER NULL': 'INTEGER',
};

/** `CREATE TABLE` of one read-model table: STRICT (types enforced) and clustered by its primary key. */
export function tableDdl(spec: TableSpec, physical: string): string {
  const columns = Object.entries(spec.columns).map(([name, type]) => `${name} ${SQL_TYPE[type]}`);
  return `CREATE TABLE ${physical} (${columns.join(', ')}, PRIMARY KEY (${spec.primaryKey.join(', ')})) WITHOUT ROWID, STRICT`;
}

/** `CREATE INDEX` of each declared index of one read-model table (named after the physical table and its columns). */
export function indexDdl(spec: TableSpec, physical: string): string[] {
  return (spec.indexes ?? []).map(
    (columns) =>
      `CREATE INDEX IF NOT EXISTS ${physical}__by_${columns.join('_')} ON ${physical} (${columns.join(', ')})`,
  );
}

/** Creates the (empty) tables of a generation, dropping leftovers of an interrupted earlier attempt; without their indexes. */
export function createTableSet(db: Database.Database, projection: Projection, generation: number): void {
  for (const spec of projection.tables) {
    const physical = physicalName(projection.name, generation, spec.name);
    db.exec(`DROP TABLE IF EXISTS ${physical}`);
    db.exec(tableDdl(spec, physical));
  }
}

/**
 * Creates the declared indexes of a generation's tables that do not exist yet. A rebuild fills its tables first and
 * indexes them when it swaps in (one sort instead of an index update per row written); a generation that queries
 * read from the start has them from the start.
 */
export function createIndexes(db: Database.Database, projection: Projection, generation: number): void {
  for (const spec of projection.tables)
    for (const ddl of indexDdl(spec, physicalName(projection.name, generation, spec.name))) db.exec(ddl);
}

/**
 * The logical table that `physical` holds when it belongs to one generation of `projection` (any generation when
 * `generation` is not given), whether or not the projection's version still declares it. Table names never hold
 * `__` in practice; one that does is not taken for another projection's (`rm_a_g1__g2__t` is not `a`'s).
 */
function tableOf(projection: string, physical: string, generation?: number): string | undefined {
  const prefix = `rm_${projection}_g`;
  if (!physical.startsWith(prefix)) return undefined;
  const match = /^(\d+)__([a-z][a-z0-9_]*)$/.exec(physical.slice(prefix.length));
  if (match === null || match[2] === undefined || match[2].includes('__')) return undefined;
  if (generation !== undefined && Number(match[1]) !== generation) return undefined;
  return match[2];
}

const tableNames = (db: Database.Database): string[] =>
  db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();

/**
 * Drops the tables of a generation: those its projection declares and any an earlier version declared that this
 * one no longer does (a retired table would otherwise stay in the file, written by nobody, for ever).
 */
export function dropTableSet(db: Database.Database, projection: Projection, generation: number): void {
  const physical = new Set(projection.tables.map((spec) => physicalName(projection.name, generation, spec.name)));
  for (const name of tableNames(db)) if (tableOf(projection.name, name, generation) !== undefined) physical.add(name);
  for (const name of physical) db.exec(`DROP TABLE IF EXISTS ${name}`);
}

/**
 * Points each logical view of `projection` at generation `generation`, and drops the views of tables this version
 * no longer declares (they read a generation being dropped: a query of one would fail rather than find nothing).
 */
export function pointViews(db: Database.Database, projection: Projection, generation: number): void {
  const declared = new Set(projection.tables.map((spec) => spec.name));
  const views = db.prepare<[], { name: string; sql: string }>(
    "SELECT name, sql FROM sqlite_master WHERE type = 'view'",
  );
  for (const { name, sql } of views.all()) {
    const source = /\bFROM\s+(\w+)\s*$/.exec(sql)?.[1];
    if (!declared.has(name) && source !== undefined && tableOf(projection.name, source) === name)
      db.exec(`DROP VIEW IF EXISTS ${name}`);
  }
  for (const spec of projection.tables) {
    db.exec(`DROP VIEW IF EXISTS ${spec.name}`);
    db.exec(`CREATE VIEW ${spec.name} AS SELECT * FROM ${physicalName(projection.name, generation, spec.name)}`);
  }
}
