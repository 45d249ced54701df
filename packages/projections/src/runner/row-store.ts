import type Database from 'better-sqlite3';
import type { Cell, KeyOf, Row, RowOf, RowReader, RowWrite, TableSpec } from '../model/table.js';
import { KeyFilter } from './key-filter.js';
import { checkedRow, columnValues, keyText, keyTextOf, keyValues, shapeOf, type TableShape } from './row-check.js';
import { physicalName } from './schema.js';

/** Rows of one table kept in memory: the batch's pending writes, and rows known to be as they are in the file. */
class TableRows {
  /** Written by the batch being applied, not yet in the file (`null`: deleted). Keyed by {@link keyTextOf}. */
  readonly pending = new Map<string, Row | null>();
  /** The key of each pending delete, as the statement binds it (an upsert's key is in its row). */
  readonly deleted = new Map<string, Cell[]>();
  /** As in the file (`null`: no such row), from a read or a flushed write; the oldest are dropped past the bound. */
  readonly known = new Map<string, Row | null>();
  /** The upsert's parameters, filled for each row it writes (the statement copies them when it binds). */
  readonly values: Cell[];

  constructor(
    readonly shape: TableShape,
    readonly get: Database.Statement,
    readonly upsert: Database.Statement,
    readonly remove: Database.Statement,
    /** Every key this store has written, when the table started empty: a key it lacks is certainly absent. */
    readonly written: KeyFilter | undefined,
  ) {
    this.values = new Array<Cell>(shape.columns.length);
  }
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
  /** One event's writes as checked by `take` (rows, or the keys of deletes), reused from event to event. */
  private readonly checked: (Row | Cell[])[] = [];

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
    const text = keyTextOf(table.shape, key);
    const pending = table.pending.get(text);
    if (pending !== undefined) return (pending ?? undefined) as RowOf<T> | undefined;
    const known = table.known.get(text);
    if (known !== undefined) return (known ?? undefined) as RowOf<T> | undefined;
    if (table.written?.mightHave(text) === false) return undefined;
    const row = table.get.get(keyValues(table.shape, key)) as RowOf<T> | undefined;
    this.remember(table, text, row ?? null);
    return row;
  }

  /** Takes the writes of one event into the batch: all of them, or (when one does not fit its table) none, and throws. */
  take(writes: readonly RowWrite[]): void {
    // Checked first, all of them, into an array kept for the next event: the checks allocate nothing when rows fit.
    const checked = this.checked;
    checked.length = 0;
    for (const write of writes) {
      const { shape } = this.of(write.table);
      checked.push(write.kind === 'upsert' ? checkedRow(shape, write.row) : keyValues(shape, write.key));
    }
    for (let index = 0; index < writes.length; index += 1) {
      const table = this.of((writes[index] as RowWrite).table);
      const change = checked[index] as Row | Cell[];
      if (!Array.isArray(change)) table.pending.set(keyTextOf(table.shape, change), change);
      else {
        const text = keyText(change);
        table.pending.set(text, null);
        table.deleted.set(text, change);
      }
    }
    checked.length = 0;
  }

  /** Writes each row the batch changed, once (inside the batch's transaction); they are then known as written. */
  flush(): void {
    for (const table of this.tables.values()) {
      // Only the last `keep` rows written stay known: an earlier one is forgotten rather than remembered and dropped.
      let unkept = table.pending.size - this.keep;
      for (const [text, row] of table.pending) {
        if (row === null) table.remove.run(table.deleted.get(text));
        else {
          table.upsert.run(columnValues(table.shape, row, table.values));
          // Kept past a rollback too (`forget`): a key wrongly in the filter costs a read, never a wrong answer.
          table.written?.add(text);
        }
        if (unkept > 0) {
          unkept -= 1;
          table.known.delete(text);
        } else this.remember(table, text, row);
      }
      table.pending.clear();
      table.deleted.clear();
    }
  }

  /** Drops every pending write and every known row: a transaction failed, and the file is the only truth. */
  forget(): void {
    for (const table of this.tables.values()) {
      table.pending.clear();
      table.deleted.clear();
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
