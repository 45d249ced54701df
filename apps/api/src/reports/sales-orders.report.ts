import { READ_ROLES } from '@salesbook/domain';
import { z } from 'zod';
import { readReport, type SalesOrderRow } from '@salesbook/projections';
import { periodDays, ReportMonth, type ReportDefinition } from './report-definition.js';
import { filteredScope, refuseForeignFilter, ScopeFilter } from './report-filters.js';
import { reportAnswer } from './answers/report-answer.js';
import { SalesOrderListRowSchema } from './answers/sales-rows.js';

/** `GET /reports/sales/orders?month=&region=&rep=`. */
export const SalesOrdersQuery = z.object({ month: ReportMonth, ...ScopeFilter }).strict();
export type SalesOrdersQuery = z.infer<typeof SalesOrdersQuery>;

/** A confirmed order as the sales read model keeps it (attribution at confirmation, `booked` now: 0 once cancelled), without its lines. */
export type SalesOrderListRow = Omit<SalesOrderRow, 'lines'>;

/**
 * The orders confirmed in a month (the rows behind a monthly sales bar), from the `sales_orders` read model:
 * `{ month, rows, position, lag, stale }`, oldest first. Role-scoped like the reports (a rep sees their own orders).
 */
export const salesOrdersReport: ReportDefinition<SalesOrdersQuery, SalesOrderListRow> = {
  route: {
    method: 'GET',
    path: '/reports/sales/orders',
    audience: READ_ROLES.reports,
    summary:
      'The orders confirmed in a month with their attribution and what they book now (the rows behind the monthly sales report)',
    tag: 'reports',
    query: SalesOrdersQuery,
    status: 200,
    projection: 'sales_monthly',
    response: reportAnswer(SalesOrderListRowSchema, { month: z.string() }),
  },
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  run(query, { db, lagOf, actor }) {
    const { first, last } = periodDays(query.month, query.month);
    const scope = filteredScope(actor, query);
    const sql = `SELECT order_id, customer_id, rep_id, region, segment, currency, confirmed_on, booked, status FROM sales_orders
      WHERE confirmed_on BETWEEN @first AND @last AND (@repId IS NULL OR rep_id = @repId) AND (@region IS NULL OR region = @region)
      ORDER BY confirmed_on, order_id`;
    const params = { first, last, repId: scope.repId ?? null, region: scope.region ?? null };
    const result = readReport(db, 'sales_monthly', lagOf, () => db.prepare(sql).all(params) as SalesOrderListRow[]);
    return { ...result, month: query.month };
  },
};
