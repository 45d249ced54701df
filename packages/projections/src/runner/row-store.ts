import type Database from 'better-sqlite3';
import type { KeyOf, Row, RowOf, RowReader, RowWrite, TableSpec } from '../model/table.js';
import { physicalName } from './schema.js';

/** Prepared statements of one table set: reads for projections and the writes they return. */
export interface RowStore extends RowReader {
  write(writes: readonly RowWrite[]): void;
}

interface TableStatements {
  readonly get: Database.Statement;
  readonly upsert: Database.Statement;
  readonly remove: Database.Statement;
}

function prepare(db: Database.Database, physical: string, spec: TableSpec): TableStatements {
  const columns = Object.keys(spec.columns);
  const where = spec.primaryKey.map((key) => `${key} = @${key}`).join(' AND ');
  return {
    get: db.prepare(`SELECT ${columns.join(', ')} FROM ${physical} WHERE ${where}`),
    upsert: db.prepare(`INSERT OR REPLACE INTO ${physical} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`),
    remove: db.prepare(`DELETE FROM ${physical} WHERE ${where}`),
  };
}

/** Lookups, upserts and deletes of every table of a generation, each prepared once. */
export function createRowStore(db: Database.Database, projection: string, generation: number, tables: readonly TableSpec[]): RowStore {
  const declared = new Set(tables.map((spec) => spec.name));
  const statements = new Map<string, TableStatements>();
  // Prepared on first use: a generation of an older version may lack columns it never writes again.
  const of = (spec: TableSpec): TableStatements => {
    const found = statements.get(spec.name);
    if (found !== undefined) return found;
    if (!declared.has(spec.name)) throw new Error(`table ${spec.name} is not declared by projection ${projection}`);
    const prepared = prepare(db, physicalName(projection, generation, spec.name), spec);
    statements.set(spec.name, prepared);
    return prepared;
  };
  const keyParams = (spec: TableSpec, row: Row): Row => Object.fromEntries(spec.primaryKey.map((key) => [key, row[key] ?? null]));
  return {
    get<T extends TableSpec>(spec: T, key: KeyOf<T>): RowOf<T> | undefined {
      return of(spec).get.get(keyParams(spec, key)) as RowOf<T> | undefined;
    },
    write(writes) {
      for (const write of writes) {
        if (write.kind === 'upsert') of(write.table).upsert.run(write.row);
        else of(write.table).remove.run(keyParams(write.table, write.key));
      }
    },
  };
}
