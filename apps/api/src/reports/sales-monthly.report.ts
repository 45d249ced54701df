import { READ_ROLES } from '@salesbook/domain';
import { z } from 'zod';
import {
  MONTHLY_SALES_REPORT_SOURCES,
  PLAN_ATTAINMENT_SOURCES,
  planAttainment,
  queryMonthlySalesReport,
  type MonthlySalesReportRow,
} from '@salesbook/projections';
import { ReportMonth, type ReportDefinition } from './report-definition.js';
import { filteredScope, refuseForeignFilter, ScopeFilter } from './report-filters.js';
import { reportAnswer } from './answers/report-answer.js';
import { MonthlySalesRowSchema } from './answers/sales-rows.js';
import { PlanAttainmentRowSchema } from './answers/plan-rows.js';

/** `GET /reports/sales/monthly?month=&groupBy=rep|region|segment&region=&rep=`. */
export const MonthlySalesQuery = z
  .object({ month: ReportMonth, groupBy: z.enum(['rep', 'region', 'segment']).default('rep'), ...ScopeFilter })
  .strict();
export type MonthlySalesQuery = z.infer<typeof MonthlySalesQuery>;

/**
 * The monthly sales report: `{ month, groupBy, rows, plan, position, lag, stale }`, rows `MonthlySalesReportRow` (booked
 * vs target, orders, average order value, cancellations, collections and the due-based collection rate, CSAT / NPS
 * with n, complaints, changes against the previous month and year, top 5 customers and products, per currency);
 * `plan` the attainment of the month's, quarter's and year's targets of every measure (by rep or region).
 */
export const monthlySalesReport: ReportDefinition<MonthlySalesQuery, MonthlySalesReportRow> = {
  route: {
    method: 'GET',
    path: '/reports/sales/monthly',
    audience: READ_ROLES.reports,
    summary:
      'Monthly sales report by rep, region or segment: booked vs target, orders, collections, CSAT/NPS, complaints, comparisons, top customers and products',
    tag: 'reports',
    query: MonthlySalesQuery,
    status: 200,
    projection: 'sales_monthly',
    response: reportAnswer(MonthlySalesRowSchema, {
      month: z.string(),
      groupBy: z.enum(['rep', 'region', 'segment']),
      plan: z.array(PlanAttainmentRowSchema),
    }),
  },
  sources: [...new Set([...MONTHLY_SALES_REPORT_SOURCES, ...PLAN_ATTAINMENT_SOURCES])],
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  run(query, { db, lagOf, actor }) {
    const scope = filteredScope(actor, query);
    const result = queryMonthlySalesReport(db, lagOf, { month: query.month, groupBy: query.groupBy, scope });
    const plan =
      query.groupBy === 'segment' ? [] : planAttainment(db, { month: query.month, groupBy: query.groupBy, scope });
    return { ...result, month: query.month, groupBy: query.groupBy, plan };
  },
};
