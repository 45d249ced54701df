import type Database from 'better-sqlite3';
import type { ReportScope } from '../model/report-filter.js';
import { scopeCondition, scopeParams } from '../model/scope-sql.js';
import { readReport, type LagOf } from '../runner/report.js';
import type { ReportResult } from '../runner/status.js';
import type { CustomerDirectoryRow } from './customer-directory.projection.js';
import { prepared } from '../runner/statements.js';

/** Filters of the directory query; every field narrows, none is required. */
export interface CustomerDirectoryFilter {
  readonly scope?: ReportScope;
  readonly customerIds?: readonly string[];
  readonly segment?: string;
  readonly status?: 'active' | 'deactivated';
}

/** Customers of the directory (current owner rep and region), ordered by id, with position and lag. */
export function queryCustomerDirectory(
  db: Database.Database,
  lagOf: LagOf,
  filter: CustomerDirectoryFilter = {},
): ReportResult<CustomerDirectoryRow> {
  const ids = filter.customerIds === undefined ? null : JSON.stringify(filter.customerIds);
  return readReport(
    db,
    'customer_directory',
    lagOf,
    () =>
      prepared(
        db,
        `SELECT * FROM customer_directory
         WHERE ${scopeCondition({ rep: 'owner_rep_id', region: 'region' })}
           AND (@segment IS NULL OR segment = @segment) AND (@status IS NULL OR status = @status)
           AND (@ids IS NULL OR customer_id IN (SELECT value FROM json_each(@ids)))
         ORDER BY customer_id`,
      ).all({
        ...scopeParams(filter.scope),
        segment: filter.segment ?? null,
        status: filter.status ?? null,
        ids,
      }) as CustomerDirectoryRow[],
  );
}

/** New customers registered on one business day, attributed to the region and owner rep at registration. */
export interface NewCustomersRow {
  readonly business_date: string;
  readonly region: string;
  readonly rep_id: string;
  readonly new_customers: number;
}

/** Filters of the new-customers query: business dates `YYYY-MM-DD`, inclusive, and the role scope. */
export interface NewCustomersFilter {
  readonly from: string;
  readonly to: string;
  readonly scope?: ReportScope;
}

/** New customers per business day x region x rep (as registered), ordered by day, region and rep. */
export function queryNewCustomers(
  db: Database.Database,
  lagOf: LagOf,
  filter: NewCustomersFilter,
): ReportResult<NewCustomersRow> {
  return readReport(
    db,
    'customer_directory',
    lagOf,
    () =>
      prepared(
        db,
        `SELECT business_date, region, rep_id, new_customers
         FROM new_customers_daily
         WHERE business_date BETWEEN @from AND @to AND ${scopeCondition()}
         ORDER BY business_date, region, rep_id`,
      ).all({
        from: filter.from,
        to: filter.to,
        ...scopeParams(filter.scope),
      }) as NewCustomersRow[],
  );
}
