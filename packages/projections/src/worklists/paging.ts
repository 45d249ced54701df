import type Database from 'better-sqlite3';
import type { Cell } from '../model/table.js';
import { prepared } from '../runner/statements.js';

/** The largest page a list answers. */
export const MAX_PAGE = 200;

/**
 * An opaque cursor: the sort key of the last row of a page, as base64url JSON, with the list's name so a cursor of
 * one list is refused by another. Stable: rows are ordered by a unique key, so paging neither repeats nor skips a
 * row that stays put (a row whose sort key changes between pages may move across the cursor).
 */
export function encodeCursor(list: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');
}

/** The sort key in a cursor of `list` with `size` parts, or `undefined` when the text is not such a cursor. */
export function decodeCursor(list: string, text: string, size: number): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== size + 1 || parsed[0] !== list) return undefined;
    const key = parsed.slice(1);
    return key.every((part): part is string => typeof part === 'string' && part.length <= 200) ? key : undefined;
  } catch {
    return undefined;
  }
}

/** A page of a list: its rows and the cursor of the next page (`null` on the last). */
export interface Page<T> {
  readonly rows: readonly T[];
  readonly nextCursor: string | null;
}

/** WHERE conditions and their named parameters, built from the filters present (so SQLite can use an index for each). */
export class Conditions {
  private readonly parts: string[] = [];
  readonly params: Record<string, Cell> = {};

  /** Adds `sql` with its parameters when `when` holds (by default: every parameter is defined). */
  add(
    sql: string,
    params: Readonly<Record<string, Cell | undefined>> = {},
    when = Object.values(params).every((v) => v !== undefined),
  ): this {
    if (!when) return this;
    this.parts.push(sql);
    for (const [name, value] of Object.entries(params)) this.params[name] = value ?? null;
    return this;
  }

  get sql(): string {
    return this.parts.length === 0 ? '' : `WHERE ${this.parts.join(' AND ')}`;
  }
}

/**
 * Reads one page: `limit + 1` rows in the list's order, the extra one telling whether a next page exists; the
 * cursor is the sort key of the page's last row.
 */
export function readPage<R extends Record<string, Cell>>(
  db: Database.Database,
  query: {
    readonly list: string;
    readonly sql: string;
    readonly params: Record<string, Cell>;
    readonly limit: number;
    readonly keyOf: (row: R) => readonly string[];
  },
): Page<R> {
  const rows = prepared(db, `${query.sql} LIMIT @limit + 0`).all({ ...query.params, limit: query.limit + 1 }) as R[];
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: rows.length > query.limit && last !== undefined ? encodeCursor(query.list, query.keyOf(last)) : null,
  };
}
