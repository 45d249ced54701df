/**
 * Read-model tables as data: a projection declares its tables once and never writes SQL for them.
 * The runner derives the DDL, upserts, deletes, lookups and the digest's canonical order from these specs.
 */

/** A value a read-model column holds. Money is integer minor units; dates are ISO text. */
export type Cell = string | number | null;

/** One row of a read-model table. */
export type Row = Readonly<Record<string, Cell>>;

/** SQLite storage classes a read-model column may use (no REAL: money and counts are integers). */
export type ColumnType = 'TEXT' | 'INTEGER' | 'TEXT NULL' | 'INTEGER NULL';

/** A read-model table: a name unique across projections, typed columns and a primary key. */
export interface TableSpec<R extends Row = Row, K extends keyof R & string = keyof R & string> {
  /** Logical name (`[a-z][a-z0-9_]*`); queries read it through a view of that name. */
  readonly name: string;
  /** Columns in declaration order (the order of the canonical dump). */
  readonly columns: { readonly [C in keyof R & string]: ColumnType };
  readonly primaryKey: readonly K[];
  /**
   * Secondary indexes, each a list of columns (equality columns first, then the range or order column), for the
   * report queries that read the table by something other than its primary key. Every generation's tables get
   * them (a rebuild creates them); they change no row and no digest.
   */
  readonly indexes?: readonly (readonly (keyof R & string)[])[];
}

/** The primary-key part of a row. */
export type KeyOf<T extends TableSpec> = T extends TableSpec<infer R, infer K> ? Pick<R, K> : never;

/** The row type of a table spec. */
export type RowOf<T extends TableSpec> = T extends TableSpec<infer R, infer _K> ? R : never;

const NAME = /^[a-z][a-z0-9_]*$/;

/**
 * Declares a read-model table; checks its names so they are safe to splice into SQL.
 * @example
 * const totals = defineTable<{ day: string; amount: number }, 'day'>({ name: 'totals', columns: { day: 'TEXT', amount: 'INTEGER' }, primaryKey: ['day'] });
 */
export function defineTable<R extends Row, K extends keyof R & string>(spec: TableSpec<R, K>): TableSpec<R, K> {
  const columns = Object.keys(spec.columns);
  for (const name of [spec.name, ...columns]) {
    if (!NAME.test(name)) throw new Error(`read-model name "${name}" must match ${NAME.source}`);
  }
  if (spec.primaryKey.length === 0) throw new Error(`table ${spec.name} needs a primary key`);
  for (const key of spec.primaryKey) {
    if (!columns.includes(key)) throw new Error(`primary key column ${key} is not a column of ${spec.name}`);
  }
  for (const index of spec.indexes ?? []) {
    if (index.length === 0) throw new Error(`an index of ${spec.name} needs a column`);
    for (const column of index)
      if (!columns.includes(column)) throw new Error(`index column ${column} is not a column of ${spec.name}`);
  }
  return spec;
}

/** A change a projection asks for: insert-or-replace a whole row, or delete a row by key. */
export type RowWrite =
  | { readonly kind: 'upsert'; readonly table: TableSpec; readonly row: Row }
  | { readonly kind: 'delete'; readonly table: TableSpec; readonly key: Row };

/** Writes the whole `row` into `table` (replacing the row with the same key). */
export const upsert = <T extends TableSpec>(table: T, row: RowOf<T>): RowWrite => ({ kind: 'upsert', table, row });

/** Deletes the row of `table` with primary key `key`. */
export const remove = <T extends TableSpec>(table: T, key: KeyOf<T>): RowWrite => ({ kind: 'delete', table, key });

/** Read access to the current rows, given to a projection while it decides its writes. */
export interface RowReader {
  get<T extends TableSpec>(table: T, key: KeyOf<T>): RowOf<T> | undefined;
}
