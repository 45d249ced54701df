import type Database from 'better-sqlite3';
import type { ScopeColumns } from '../model/scope-sql.js';
import { prepared } from '../runner/statements.js';

/** How a sales report groups its rows. */
export type SalesGroupBy = 'rep' | 'region' | 'segment';

/** Columns of a source table that hold the rep, the region and (when it has one) the segment. */
export interface GroupColumns extends ScopeColumns {
  readonly segment?: string;
}

/** The SQL expression of the group column for `groupBy` (column names are fixed in code, never user input). */
export function groupColumn(columns: GroupColumns, groupBy: SalesGroupBy): string {
  if (groupBy === 'rep') return columns.rep;
  if (groupBy === 'region') return columns.region;
  if (columns.segment === undefined) throw new Error('this source has no segment column');
  return columns.segment;
}

/** Runs a read that returns typed rows (the row type is the SELECT list of the statement). */
export function select<T>(db: Database.Database, sql: string, params: Record<string, string | number | null>): T[] {
  return prepared(db, sql).all(params) as T[];
}
