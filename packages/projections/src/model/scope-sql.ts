import type { ReportScope } from './report-filter.js';

/** Columns of a read-model source that hold a row's rep and region (SQL names fixed in code, never user input). */
export interface ScopeColumns {
  readonly rep: string;
  readonly region: string;
}

/**
 * The role-scope condition of a query on `columns` (by default `rep_id` and `region`), with the named parameters
 * `@repId` and `@region` that {@link scopeParams} binds: a rep sees their rows, a regional manager their region's.
 * @example `SELECT * FROM orders WHERE ${scopeCondition({ rep: 'o.rep_id', region: 'o.region' })}`
 */
export const scopeCondition = (columns: ScopeColumns = { rep: 'rep_id', region: 'region' }): string =>
  `(@repId IS NULL OR ${columns.rep} = @repId) AND (@region IS NULL OR ${columns.region} = @region)`;

/** The named parameters of {@link scopeCondition} for `scope` (none given: every row). */
export const scopeParams = (scope: ReportScope | undefined): { repId: string | null; region: string | null } => ({
  repId: scope?.repId ?? null,
  region: scope?.region ?? null,
});
