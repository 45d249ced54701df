import { READ_ROLES } from '@salesbook/domain';
import { z } from 'zod';
import {
  COLLECTIONS_SOURCES,
  queryAging,
  queryCollectionsSummary,
  queryOverdue,
  type AgingRow,
  type CollectionsSummaryRow,
  type OverdueRow,
} from '@salesbook/projections';
import { AgingRowSchema, CollectionsSummaryRowSchema, OverdueRowSchema } from './answers/other-rows.js';
import { reportAnswer } from './answers/report-answer.js';
import { businessToday } from './business-clock.js';
import { ReportDate, ReportMonth, type ReportDefinition } from './report-definition.js';
import { filteredScope, refuseForeignFilter, ScopeFilter } from './report-filters.js';

const CollectionsGroupBy = z.enum(['rep', 'region', 'customer', 'none']).default('rep');

/** `GET /reports/collections/aging?asOf=&groupBy=rep|region|customer|none&region=&rep=` (asOf defaults to today in the business zone). */
export const AgingQuery = z
  .object({ asOf: ReportDate.optional(), groupBy: CollectionsGroupBy, ...ScopeFilter })
  .strict();
export type AgingQuery = z.infer<typeof AgingQuery>;

/** `GET /reports/collections/summary?month=&groupBy=`. */
export const CollectionsSummaryQuery = z
  .object({ month: ReportMonth, groupBy: CollectionsGroupBy, ...ScopeFilter })
  .strict();
export type CollectionsSummaryQuery = z.infer<typeof CollectionsSummaryQuery>;

/** `GET /reports/collections/overdue?asOf=`. */
export const OverdueQuery = z.object({ asOf: ReportDate.optional(), ...ScopeFilter }).strict();
export type OverdueQuery = z.infer<typeof OverdueQuery>;

const route = (path: string, summary: string, query: z.ZodType, response: z.ZodType) =>
  ({
    method: 'GET',
    path,
    audience: READ_ROLES.collections,
    summary,
    tag: 'reports',
    query,
    response,
    status: 200,
    projection: 'collections',
  }) as const;
const groupBy = z.enum(['rep', 'region', 'customer', 'none']);

/** Outstanding receivables as of a business date by days past due: `{ asOf, groupBy, rows, position, lag, stale }`. */
export const agingReport: ReportDefinition<AgingQuery, AgingRow> = {
  route: route(
    '/reports/collections/aging',
    'Aging of receivables as of a business date (default today): current, 1-30, 31-60, 61-90, over 90 days past due, per group and currency',
    AgingQuery,
    reportAnswer(AgingRowSchema, { asOf: z.string(), groupBy }),
  ),
  sources: COLLECTIONS_SOURCES,
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  run(query, { db, lagOf, actor, zone, now }) {
    const asOf = query.asOf ?? businessToday(now(), zone);
    return {
      ...queryAging(db, lagOf, { asOf, groupBy: query.groupBy, scope: filteredScope(actor, query) }),
      asOf,
      groupBy: query.groupBy,
    };
  },
};

/** Collections of a month: `{ month, groupBy, rows, position, lag, stale }`. */
export const collectionsSummaryReport: ReportDefinition<CollectionsSummaryQuery, CollectionsSummaryRow> = {
  route: route(
    '/reports/collections/summary',
    'Collections of a month per group and currency: invoiced, collected, written off, opening/closing AR, collection rates, DSO, CEI',
    CollectionsSummaryQuery,
    reportAnswer(CollectionsSummaryRowSchema, { month: z.string(), groupBy }),
  ),
  sources: COLLECTIONS_SOURCES,
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  run(query, { db, lagOf, actor }) {
    return {
      ...queryCollectionsSummary(db, lagOf, {
        month: query.month,
        groupBy: query.groupBy,
        scope: filteredScope(actor, query),
      }),
      month: query.month,
      groupBy: query.groupBy,
    };
  },
};

/** Receivables overdue at the end of a business date, oldest first: `{ asOf, rows, position, lag, stale }`. */
export const overdueReport: ReportDefinition<OverdueQuery, OverdueRow> = {
  route: route(
    '/reports/collections/overdue',
    'Receivables overdue as of a business date (default today): days past due, outstanding, last follow-up, promise to pay',
    OverdueQuery,
    reportAnswer(OverdueRowSchema, { asOf: z.string() }),
  ),
  sources: COLLECTIONS_SOURCES,
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  run(query, { db, lagOf, actor, zone, now }) {
    const asOf = query.asOf ?? businessToday(now(), zone);
    return { ...queryOverdue(db, lagOf, { asOf, scope: filteredScope(actor, query) }), asOf };
  },
};
