import { scopeCondition } from '../model/scope-sql.js';

/** How a collections report groups its rows (`none`: one group, `all`). */
export type CollectionsGroupBy = 'rep' | 'region' | 'customer' | 'none';

/** The projections every collections report reads (joined in one transaction). */
export const COLLECTIONS_SOURCES = ['receivables_kpi', 'collections'] as const;

const GROUP_COLUMNS: Readonly<Record<CollectionsGroupBy, string>> = {
  rep: 'i.rep_id',
  region: 'i.region',
  customer: 'i.customer_id',
  none: "'all'",
};

/** The SQL expression of the group over `kpi_installments i` (fixed in code, never user input). */
export const groupExpression = (groupBy: CollectionsGroupBy): string => {
  const column = GROUP_COLUMNS[groupBy];
  if (column === undefined)
    throw new RangeError(`groupBy must be rep, region, customer or none, not "${String(groupBy)}"`);
  return column;
};

/** The role-scope condition over `kpi_installments i` (parameters bound by `scopeParams`). */
export const SCOPE_CONDITION = scopeCondition({ rep: 'i.rep_id', region: 'i.region' });

/**
 * What moved installment `i` (paid - reversed + credited + written off) on business dates up to `@asOf`: its running
 * total `i.moved` when its last movement is dated by then, else a lookup of its movements through the index
 * (receivable_id, installment_no, business_date) of `kpi_installment_movements`.
 */
export const MOVED_AS_OF = `CASE WHEN i.last_moved_on <= @asOf THEN i.moved ELSE COALESCE((SELECT SUM(m.paid - m.reversed + m.credited + m.written_off)
    FROM kpi_installment_movements m WHERE m.receivable_id = i.receivable_id AND m.installment_no = i.installment_no AND m.business_date <= @asOf), 0) END`;

/**
 * Installments that can have anything outstanding or moving at or after `date` (an SQL expression): the others
 * were settled by then and nothing of them moves later (`open_until`, indexed), so every report as of a later
 * date or month skips them without changing a figure.
 */
export const stillOpenAt = (date: string): string => `i.open_until >= ${date}`;

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Checks a business date `YYYY-MM-DD`. */
export function checkDate(value: string): string {
  if (!DATE.test(value)) throw new RangeError(`"${value}" is not a date YYYY-MM-DD`);
  return value;
}
