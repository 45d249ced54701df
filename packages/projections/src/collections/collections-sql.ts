import type { ReportScope } from '../model/report-filter.js';

/** How a collections report groups its rows (`none`: one group, `all`). */
export type CollectionsGroupBy = 'rep' | 'region' | 'customer' | 'none';

/** The projections every collections report reads (joined in one transaction). */
export const COLLECTIONS_SOURCES = ['receivables_kpi', 'collections'] as const;

const GROUP_COLUMNS: Readonly<Record<CollectionsGroupBy, string>> = { rep: 'i.rep_id', region: 'i.region', customer: 'i.customer_id', none: "'all'" };

/** The SQL expression of the group over `kpi_installments i` (fixed in code, never user input). */
export const groupExpression = (groupBy: CollectionsGroupBy): string => {
  const column = GROUP_COLUMNS[groupBy];
  if (column === undefined) throw new RangeError(`groupBy must be rep, region, customer or none, not "${String(groupBy)}"`);
  return column;
};

/** The role-scope condition over `kpi_installments i` (parameters `@repId`, `@region`). */
export const SCOPE_CONDITION = '(@repId IS NULL OR i.rep_id = @repId) AND (@region IS NULL OR i.region = @region)';

/** Named parameters of {@link SCOPE_CONDITION}. */
export const scopeParams = (scope: ReportScope | undefined): { repId: string | null; region: string | null } => ({
  repId: scope?.repId ?? null,
  region: scope?.region ?? null,
});

/**
 * A CTE `moved(receivable_id, installment_no, moved)`: what moved each installment (paid - reversed + credited +
 * written off) on business dates up to `@asOf`, aggregated in one pass over `kpi_installment_movements` (its key
 * starts with the date, so a correlated lookup per installment would scan it again for every installment).
 * Join it with `LEFT JOIN moved mv ON mv.receivable_id = i.receivable_id AND mv.installment_no = i.installment_no`.
 */
export const MOVED_AS_OF_CTE = `moved AS MATERIALIZED (SELECT receivable_id, installment_no, SUM(paid - reversed + credited + written_off) AS moved
    FROM kpi_installment_movements WHERE business_date <= @asOf GROUP BY receivable_id, installment_no)`;

/** The join of {@link MOVED_AS_OF_CTE} onto `kpi_installments i`. */
export const JOIN_MOVED = 'LEFT JOIN moved mv ON mv.receivable_id = i.receivable_id AND mv.installment_no = i.installment_no';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Checks a business date `YYYY-MM-DD`. */
export function checkDate(value: string): string {
  if (!DATE.test(value)) throw new RangeError(`"${value}" is not a date YYYY-MM-DD`);
  return value;
}
