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

/** The row as SQLite will hold it (only the declared columns, in order); throws when a value does not fit its column. */
export function checkedRow(shape: TableShape, row: Row): Row {
  const checked: Record<string, Cell> = {};
  for (const [name, type] of shape.columns) {
    const value = row[name];
    if (!fits(value, type))
      throw new TypeError(`${shape.spec.name}.${name} must be ${type.toLowerCase()}, not ${shown(value)}`);
    checked[name] = value as Cell;
  }
  for (const name of shape.key)
    if (checked[name] === null)
      throw new TypeError(`${shape.spec.name}.${name} is part of the primary key and may not be null`);
  return checked;
}

/** The primary-key values of `row` (a row or a key), in key order; throws when one is missing, as a bound statement would. */
export function keyValues(shape: TableShape, row: Row): Cell[] {
  const values = new Array<Cell>(shape.key.length);
  for (let index = 0; index < shape.key.length; index += 1) {
    const name = shape.key[index] as string;
    const value = row[name];
    if (value === undefined) throw new RangeError(`the key of ${shape.spec.name} has no ${name}`);
    values[index] = value;
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
