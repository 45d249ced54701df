import { z } from 'zod';
import { READ_ROLES } from '@salesbook/domain';
import { queryMargins, type MarginRow } from '@salesbook/projections';
import { periodDays, periodQuery, type ReportDefinition } from './report-definition.js';
import { filteredScope, refuseForeignFilter, ScopeFilter } from './report-filters.js';
import { groupedBy, reportAnswer } from './answers/report-answer.js';
import { MarginRowSchema } from './answers/margin-rows.js';

const MarginGroupBy = groupedBy(['product', 'category', 'rep', 'region', 'customer'] as const);

/** `GET /reports/margins?from=&to=&groupBy=&region=&rep=` (dates or months). */
export const MarginsQuery = periodQuery({ groupBy: MarginGroupBy, ...ScopeFilter });
export type MarginsQuery = z.infer<typeof MarginsQuery>;

/**
 * Gross margin of the orders confirmed in the period, per product, category, rep, region or customer and currency:
 * `{ from, to, groupBy, rows, position, lag, stale }`. Role-scoped like the sales reports (a rep their own orders).
 */
export const marginsReport: ReportDefinition<MarginsQuery, MarginRow> = {
  route: {
    method: 'GET',
    path: '/reports/margins',
    audience: READ_ROLES.reports,
    summary:
      'Gross margin (net sales less the standard cost in force on the confirmation date) of the orders confirmed in a period, per product, category, rep, region or customer',
    tag: 'reports',
    query: MarginsQuery,
    status: 200,
    projection: 'sales_monthly',
    response: reportAnswer(MarginRowSchema, { from: z.string(), to: z.string(), groupBy: MarginGroupBy }),
  },
  sources: ['sales_monthly', 'products'],
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  run(query, { db, lagOf, actor }) {
    const { first, last } = periodDays(query.from, query.to);
    const result = queryMargins(db, lagOf, { first, last, groupBy: query.groupBy, scope: filteredScope(actor, query) });
    return { ...result, from: query.from, to: query.to, groupBy: query.groupBy };
  },
};
