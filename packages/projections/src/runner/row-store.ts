import type Database from 'better-sqlite3';
import type { Cell, KeyOf, Row, RowOf, RowReader, RowWrite, TableSpec } from '../model/table.js';
import { KeyFilter } from './key-filter.js';
import { checkedRow, keyText, keyValues, shapeOf, type TableShape } from './row-check.js';
import { physicalName } from './schema.js';

/** Rows of one table kept in memory: the batch's pending writes, and rows known to be as they are in the file. */
class TableRows {
  /** Written by the batch being applied, not yet in the file (`undefined`: deleted). Keyed by {@link keyText}. */
  readonly pending = new Map<string, { readonly row: Row | undefined; readonly key: readonly Cell[] }>();
  /** As in the file (`null`: no such row), from a read or a flushed write; the oldest are dropped past the bound. */
  readonly known = new Map<string, Row | null>();

  constructor(
    readonly shape: TableShape,
    readonly get: Database.Statement,
    readonly upsert: Database.Statement,
    readonly remove: Database.Statement,
    /** Every key this store has written, when the table started empty: a key it lacks is certainly absent. */
    readonly written: KeyFilter | undefined,
  ) {}
}

function prepare(db: Database.Database, physical: string, spec: TableSpec, empty: boolean): TableRows {
  const columns = Object.keys(spec.columns);
  const where = spec.primaryKey.map((key) => `${key} = ?`).join(' AND ');
  return new TableRows(
    shapeOf(spec),
    db.prepare(`SELECT ${columns.join(', ')} FROM ${physical} WHERE ${where}`),
    db.prepare(
      `INSERT OR REPLACE INTO ${physical} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ),
    db.prepare(`DELETE FROM ${physical} WHERE ${where}`),
    empty ? new KeyFilter() : undefined,
  );
}

/**
 * The rows of one table set as a batch sees them. A projection reads through `get` and its writes are taken into
 * memory (`take`): a row is read from SQLite at most once and written at most once per batch (`flush`), however many
 * events of the batch touch it, through statements prepared once. Rows flushed or read stay known (up to `keep` per
 * table, oldest dropped first) so the next batch need not read them again; only this table set writes its tables, so
 * they stay true until a transaction that wrote them fails (`forget`). When the tables started empty (a generation
 * built from the first event), a read of a key never written is answered "absent" without SQLite (see {@link KeyFilter}).
 */
export class RowStore implements RowReader {
  private readonly tables = new Map<string, TableRows>();
  private readonly declared: ReadonlySet<string>;

  constructor(
    private readonly db: Database.Database,
    private readonly projection: string,
    private readonly generation: number,
    tables: readonly TableSpec[],
    /** Whether the tables are empty now (a fresh generation): then only what this store writes is ever in them. */
    private readonly empty = false,
    /** Rows kept known per table between batches. */
    private readonly keep = 64,
  ) {
    this.declared = new Set(tables.map((spec) => spec.name));
  }

  get<T extends TableSpec>(spec: T, key: KeyOf<T>): RowOf<T> | undefined {
    const table = this.of(spec);
    const values = keyValues(table.shape, key);
    const text = keyText(values);
    const pending = table.pending.get(text);
    if (pending !== undefined) return pending.row as RowOf<T> | undefined;
    const known = table.known.get(text);
    if (known !== undefined) return (known ?? undefined) as RowOf<T> | undefined;
    if (table.written?.mightHave(text) === false) return undefined;
    const row = table.get.get(values) as RowOf<T> | undefined;
    this.remember(table, text, row ?? null);
    return row;
  }

  /** Takes the writes of one event into the batch: all of them, or (when one does not fit its table) none, and throws. */
  take(writes: readonly RowWrite[]): void {
    if (writes.length === 0) return;
    const checked = writes.map((write) => {
      const table = this.of(write.table);
      const row = write.kind === 'upsert' ? checkedRow(table.shape, write.row) : undefined;
      const key = keyValues(table.shape, write.kind === 'upsert' ? write.row : write.key);
      return { table, text: keyText(key), change: { row, key } };
    });
    for (const { table, text, change } of checked) table.pending.set(text, change);
  }

  /** Writes each row the batch changed, once (inside the batch's transaction); they are then known as written. */
  flush(): void {
    for (const table of this.tables.values()) {
      for (const [text, { row, key }] of table.pending) {
        if (row === undefined) table.remove.run(key);
        else {
          table.upsert.run(Object.values(row));
          // Kept past a rollback too (`forget`): a key wrongly in the filter costs a read, never a wrong answer.
          table.written?.add(text);
        }
        this.remember(table, text, row ?? null);
      }
      table.pending.clear();
    }
  }

  /** Drops every pending write and every known row: a transaction failed, and the file is the only truth. */
  forget(): void {
    for (const table of this.tables.values()) {
      table.pending.clear();
      table.known.clear();
    }
  }

  private remember(table: TableRows, text: string, row: Row | null): void {
    table.known.delete(text);
    table.known.set(text, row);
    if (table.known.size <= this.keep) return;
    const oldest = table.known.keys().next();
    if (oldest.done !== true) table.known.delete(oldest.value);
  }

  // Prepared on first use: a generation of an older version may lack columns it never writes again.
  private of(spec: TableSpec): TableRows {
    const found = this.tables.get(spec.name);
    if (found !== undefined) return found;
    if (!this.declared.has(spec.name))
      throw new Error(`table ${spec.name} is not declared by projection ${this.projection}`);
    const physical = physicalName(this.projection, this.generation, spec.name);
    const prepared = prepare(this.db, physical, spec, this.empty);
    this.tables.set(spec.name, prepared);
    return prepared;
  }
}
