import { z } from 'zod';
import { MarketPeriod, READ_ROLES, Sku } from '@salesbook/domain';
import {
  categoryPositions,
  queryCompetitorPrices,
  queryMarketShare,
  type CompetitorPriceReportRow,
  type MarketShareRow,
} from '@salesbook/projections';
import { periodDays, periodQuery, scopeOf, type ReportDefinition } from './report-definition.js';
import { refuseForeignFilter, ScopeFilter } from './report-filters.js';
import { groupedBy, reportAnswer } from './answers/report-answer.js';
import { CategoryPositionSchema, CompetitorPriceRowSchema, MarketShareRowSchema } from './answers/market-rows.js';

const ShareGroupBy = groupedBy(['region', 'segment'] as const);

/** `GET /reports/market-share?period=YYYY-MM|YYYY-Qn|YYYY&groupBy=region|segment&region=`. */
export const MarketShareQuery = z
  .object({ period: MarketPeriod, groupBy: ShareGroupBy, region: ScopeFilter.region })
  .strict();
export type MarketShareQuery = z.infer<typeof MarketShareQuery>;

/**
 * Market share: booked sales of the period against the estimated market, per region or segment and currency:
 * `{ period, groupBy, rows, position, lag, stale }`. A regional manager reads their region (another is 403).
 */
export const marketShareReport: ReportDefinition<MarketShareQuery, MarketShareRow> = {
  route: {
    method: 'GET',
    path: '/reports/market-share',
    audience: READ_ROLES.marketShare,
    summary:
      'Market share: booked sales of a month, quarter or year against the estimated market, per region or segment (null where an estimate is missing)',
    tag: 'reports',
    query: MarketShareQuery,
    status: 200,
    projection: 'market',
    response: reportAnswer(MarketShareRowSchema, { period: z.string(), groupBy: ShareGroupBy }),
  },
  sources: ['market', 'forecast_bookings'],
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  run(query, { db, lagOf, actor }) {
    const region = query.region ?? scopeOf(actor).region;
    const result = queryMarketShare(db, lagOf, {
      period: query.period,
      groupBy: query.groupBy,
      ...(region === undefined ? {} : { region }),
    });
    return { ...result, period: query.period, groupBy: query.groupBy };
  },
};

/** `GET /reports/competitor-prices?from=&to=&sku=|category=` (dates or months). */
export const CompetitorPricesQuery = periodQuery({
  sku: Sku.optional(),
  category: z.string().trim().min(1).max(100).optional(),
}).refine((q) => q.sku === undefined || q.category === undefined, {
  path: ['category'],
  message: 'ask for a sku or a category, not both',
});
export type CompetitorPricesQuery = z.infer<typeof CompetitorPricesQuery>;

/**
 * Competitor prices per competitor and product beside our list price, and the price position per category:
 * `{ from, to, rows, categories, position, lag, stale }`. No sales figures: every report reader reads all of it.
 */
export const competitorPricesReport: ReportDefinition<CompetitorPricesQuery, CompetitorPriceReportRow> = {
  route: {
    method: 'GET',
    path: '/reports/competitor-prices',
    audience: READ_ROLES.reports,
    summary:
      "Competitors' prices observed in a period per competitor and product (latest, min, max) beside our list price, and the price position per category",
    tag: 'reports',
    query: CompetitorPricesQuery,
    status: 200,
    projection: 'market',
    response: reportAnswer(CompetitorPriceRowSchema, {
      from: z.string(),
      to: z.string(),
      categories: z.array(CategoryPositionSchema),
    }),
  },
  sources: ['market', 'products', 'price_lists'],
  run(query, { db, lagOf }) {
    const { first, last } = periodDays(query.from, query.to);
    const result = queryCompetitorPrices(db, lagOf, {
      first,
      last,
      ...(query.sku === undefined ? {} : { sku: query.sku }),
      ...(query.category === undefined ? {} : { category: query.category }),
    });
    return { ...result, from: query.from, to: query.to, categories: categoryPositions(result.rows) };
  },
};
