import type { Cell, ColumnType, Row, TableSpec } from '../model/table.js';

/**
 * What SQLite would refuse of a row, checked in memory before the batch's single write of it: rows are folded in
 * memory and written once at the end of a batch, so a row a projection got wrong must be refused with the event that
 * wrote it (which is parked), not later with the whole batch. The columns are STRICT, so a value must have its
 * column's type exactly: an integer column takes a safe integer, a text column a string, and only a `NULL` column
 * takes null; the primary key is never null (WITHOUT ROWID tables refuse it).
 */

const fits = (value: unknown, type: ColumnType): boolean => {
  switch (type) {
    case 'TEXT':
      return typeof value === 'string';
    case 'INTEGER':
      return Number.isSafeInteger(value);
    case 'TEXT NULL':
      return value === null || typeof value === 'string';
    case 'INTEGER NULL':
      return value === null || Number.isSafeInteger(value);
  }
};

const shown = (value: unknown): string =>
  value === undefined ? 'missing' : typeof value === 'string' ? JSON.stringify(value) : String(value);

/** A table spec's columns with their types, and its key columns, in declaration order. */
export interface TableShape {
  readonly spec: TableSpec;
  readonly columns: readonly (readonly [string, ColumnType])[];
  readonly key: readonly string[];
}

/** The {@link TableShape} of `spec`. */
export const shapeOf = (spec: TableSpec): TableShape => ({
  spec,
  columns: Object.entries(spec.columns),
  key: spec.primaryKey,
});

/**
 * The row as SQLite will hold it: `row` itself when it has the declared columns in their order and no other (what a
 * projection usually builds, so no copy is made), else a copy of the declared ones in order. Throws when a value does
 * not fit its column.
 */
export function checkedRow(shape: TableShape, row: Row): Row {
  for (const [name, type] of shape.columns) {
    const value = row[name];
    if (!fits(value, type))
      throw new TypeError(`${shape.spec.name}.${name} must be ${type.toLowerCase()}, not ${shown(value)}`);
  }
  for (const name of shape.key)
    if (row[name] === null)
      throw new TypeError(`${shape.spec.name}.${name} is part of the primary key and may not be null`);
  return inDeclaredOrder(shape, row) ? row : declaredCopy(shape, row);
}

/** Whether the enumerable keys of `row` are exactly the declared columns, in order (a row read back looks so). */
function inDeclaredOrder(shape: TableShape, row: Row): boolean {
  let index = 0;
  for (const name in row) {
    if (shape.columns[index]?.[0] !== name) return false;
    index += 1;
  }
  return index === shape.columns.length;
}

function declaredCopy(shape: TableShape, row: Row): Row {
  const copy: Record<string, Cell> = {};
  for (const [name] of shape.columns) copy[name] = row[name] as Cell;
  return copy;
}

/** The values of a checked `row` in column order, as the upsert binds them, written into `values` (one per column). */
export function columnValues(shape: TableShape, row: Row, values: Cell[]): Cell[] {
  const { columns } = shape;
  for (let index = 0; index < columns.length; index += 1)
    values[index] = row[(columns[index] as readonly [string, ColumnType])[0]] as Cell;
  return values;
}

/** The primary-key values of `row` (a row or a key), in key order; throws when one is missing, as a bound statement would. */
export function keyValues(shape: TableShape, row: Row): Cell[] {
  const values = new Array<Cell>(shape.key.length);
  for (let index = 0; index < shape.key.length; index += 1) {
    values[index] = keyCell(shape, row, shape.key[index] as string);
  }
  return values;
}

/**
 * One text per key, equal where SQLite's key comparison is equal: a STRICT column converts `1` and `'1'` to one
 * type before comparing, and `String` does the same here. Each part is prefixed by its length, so no text inside a
 * value can make two keys of several columns meet.
 */
export function keyText(values: readonly Cell[]): string {
  if (values.length === 1) return String(values[0]);
  let text = '';
  for (const value of values) {
    const part = String(value);
    text += `${part.length}:${part}`;
  }
  return text;
}

/** `keyText(keyValues(shape, row))` without the array between them: a read or write of one key makes one string. */
export function keyTextOf(shape: TableShape, row: Row): string {
  const { key } = shape;
  if (key.length === 1) return String(keyCell(shape, row, key[0] as string));
  let text = '';
  for (const name of key) {
    const part = String(keyCell(shape, row, name));
    text += `${part.length}:${part}`;
  }
  return text;
}

function keyCell(shape: TableShape, row: Row, name: string): Cell {
  const value = row[name];
  if (value === undefined) throw new RangeError(`the key of ${shape.spec.name} has no ${name}`);
  return value;
}
