import { READ_ROLES } from '@salesbook/domain';
import { z } from 'zod';
import { DAILY_SALES_REPORT_SOURCES, queryDailySalesReport, type DailySalesReportRow } from '@salesbook/projections';
import { ReportDate, scopeOf, type ReportDefinition } from './report-definition.js';
import { reportAnswer } from './answers/report-answer.js';
import { DailySalesRowSchema } from './answers/sales-rows.js';

/** `GET /reports/sales/daily?date=&groupBy=rep|region`. */
export const DailySalesQuery = z
  .object({ date: ReportDate, groupBy: z.enum(['rep', 'region']).default('rep') })
  .strict();
export type DailySalesQuery = z.infer<typeof DailySalesQuery>;

/**
 * The daily sales report (docs/reports.md) of one business day by rep or region. Answers
 * `{ date, groupBy, rows, position, lag, stale }`; each row is a `DailySalesReportRow` of @salesbook/projections:
 * `business_date`, `group_by`, `group`, counts (orders confirmed, cancellations, shipments, on-time / late /
 * due-tomorrow deliveries, complaints opened / closed, new customers) and `currencies`, the money figures per
 * currency in minor units (confirmed, amendments, closes, cancelled, booked, month to date, target and attainment,
 * invoiced, collected, newly overdue). `position` is the lowest checkpoint of the projections it joins.
 */
export const dailySalesReport: ReportDefinition<DailySalesQuery, DailySalesReportRow> = {
  route: {
    method: 'GET',
    path: '/reports/sales/daily',
    audience: READ_ROLES.reports,
    summary:
      'Daily sales report of a business day by rep or region: orders, booked sales against the month target, invoiced, collected, newly overdue, deliveries, complaints, new customers; money per currency',
    tag: 'reports',
    query: DailySalesQuery,
    status: 200,
    projection: 'daily_sales',
    response: reportAnswer(DailySalesRowSchema, { date: z.string(), groupBy: z.enum(['rep', 'region']) }),
  },
  sources: DAILY_SALES_REPORT_SOURCES,
  run(query, { db, lagOf, actor, zone }) {
    const result = queryDailySalesReport(db, lagOf, {
      date: query.date,
      groupBy: query.groupBy,
      scope: scopeOf(actor),
      zone,
    });
    return { ...result, date: query.date, groupBy: query.groupBy };
  },
};
