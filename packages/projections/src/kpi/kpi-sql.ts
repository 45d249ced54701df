import type Database from 'better-sqlite3';
import type { ReportScope } from '../model/report-filter.js';
import { prepared } from '../runner/statements.js';

/** How a sales report groups its rows. */
export type SalesGroupBy = 'rep' | 'region' | 'segment';

/** Columns of a source table that hold the rep, the region and (when it has one) the segment. */
export interface GroupColumns {
  readonly rep: string;
  readonly region: string;
  readonly segment?: string;
}

/** The SQL expression of the group column for `groupBy` (column names are fixed in code, never user input). */
export function groupColumn(columns: GroupColumns, groupBy: SalesGroupBy): string {
  if (groupBy === 'rep') return columns.rep;
  if (groupBy === 'region') return columns.region;
  if (columns.segment === undefined) throw new Error('this source has no segment column');
  return columns.segment;
}

/** The role-scope condition on a source's rep and region columns (parameters `@repId`, `@region`). */
export const scopeCondition = (columns: GroupColumns): string =>
  `(@repId IS NULL OR ${columns.rep} = @repId) AND (@region IS NULL OR ${columns.region} = @region)`;

/** Named parameters of the scope condition. */
export const scopeParams = (scope: ReportScope | undefined): { repId: string | null; region: string | null } => ({
  repId: scope?.repId ?? null,
  region: scope?.region ?? null,
});

/** Runs a read that returns typed rows (the row type is the SELECT list of the statement). */
export function select<T>(db: Database.Database, sql: string, params: Record<string, string | number | null>): T[] {
  return prepared(db, sql).all(params) as T[];
}
