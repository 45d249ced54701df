import { z } from 'zod';
import { READ_ROLES } from '@salesbook/domain';
import { queryPriceRealisation, type RealisationRow } from '@salesbook/projections';
import { periodDays, periodQuery, type ReportDefinition } from './report-definition.js';
import { filteredScope, refuseForeignFilter, ScopeFilter } from './report-filters.js';
import { groupedBy, reportAnswer } from './answers/report-answer.js';
import { RealisationRowSchema } from './answers/price-report-rows.js';

const RealisationGroupBy = groupedBy(['rep', 'customer', 'product', 'category', 'region'] as const);

/** `GET /reports/price-realisation?from=&to=&groupBy=&region=&rep=` (dates or months). */
export const PriceRealisationQuery = periodQuery({ groupBy: RealisationGroupBy, ...ScopeFilter });
export type PriceRealisationQuery = z.infer<typeof PriceRealisationQuery>;

/**
 * Price realisation (net / list) and discount given of the orders confirmed in the period, per rep, customer,
 * product, category or region and currency: `{ from, to, groupBy, rows, position, lag, stale }`. Scoped like the sales reports.
 */
export const priceRealisationReport: ReportDefinition<PriceRealisationQuery, RealisationRow> = {
  route: {
    method: 'GET',
    path: '/reports/price-realisation',
    audience: READ_ROLES.reports,
    summary:
      'Price realisation (net / list) and discount given below list, promotions apart, of the orders confirmed in a period, per rep, customer, product, category or region',
    tag: 'reports',
    query: PriceRealisationQuery,
    status: 200,
    projection: 'sales_monthly',
    response: reportAnswer(RealisationRowSchema, { from: z.string(), to: z.string(), groupBy: RealisationGroupBy }),
  },
  sources: ['sales_monthly', 'products'],
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  run(query, { db, lagOf, actor }) {
    const { first, last } = periodDays(query.from, query.to);
    const result = queryPriceRealisation(db, lagOf, {
      first,
      last,
      groupBy: query.groupBy,
      scope: filteredScope(actor, query),
    });
    return { ...result, from: query.from, to: query.to, groupBy: query.groupBy };
  },
};
