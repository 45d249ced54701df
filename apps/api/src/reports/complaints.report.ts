import { READ_ROLES } from '@salesbook/domain';
import { z } from 'zod';
import { queryComplaints, type ComplaintsGroup } from '@salesbook/projections';
import { periodAsOf, periodIsOver } from './business-clock.js';
import { periodDays, periodQuery, type ReportDefinition } from './report-definition.js';
import { filteredScope, refuseForeignFilter, ScopeFilter } from './report-filters.js';
import { reportAnswer } from './answers/report-answer.js';
import { ComplaintsGroupSchema } from './answers/other-rows.js';

/** `GET /reports/complaints?from=&to=&groupBy=` (dates YYYY-MM-DD or months YYYY-MM of filing, inclusive). */
export const ComplaintsQuery = periodQuery({
  groupBy: z.enum(['category', 'severity', 'channel', 'region', 'rep']).optional(),
  ...ScopeFilter,
});
export type ComplaintsQuery = z.infer<typeof ComplaintsQuery>;

/**
 * The complaints filed in a period, as of the end of its last business day or now, whichever is earlier (`asOf` in
 * the answer): `{ from, to, groupBy, asOf, rows, position, lag, stale }`.
 */
export const complaintsReport: ReportDefinition<ComplaintsQuery, ComplaintsGroup> = {
  route: {
    method: 'GET',
    path: '/reports/complaints',
    audience: READ_ROLES.reports,
    summary:
      'Complaints filed in a period: counts, times to acknowledge and resolve (mean, p90), SLA breach and reopen rates, handling satisfaction',
    tag: 'reports',
    query: ComplaintsQuery,
    status: 200,
    projection: 'complaints',
    response: reportAnswer(ComplaintsGroupSchema, {
      from: z.string(),
      to: z.string(),
      groupBy: z.string().nullable(),
      asOf: z.string(),
    }),
  },
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  // Measured up to now while the period is not over: such an answer is never reused.
  reusable: (query, { zone, now }) => periodIsOver(periodDays(query.from, query.to).last, now(), zone),
  run(query, { db, lagOf, actor, zone, now }) {
    const asOf = periodAsOf(periodDays(query.from, query.to).last, now(), zone);
    const result = queryComplaints(db, lagOf, {
      from: query.from,
      to: query.to,
      asOf,
      ...(query.groupBy === undefined ? {} : { groupBy: query.groupBy }),
      scope: filteredScope(actor, query),
    });
    return { ...result, from: query.from, to: query.to, groupBy: query.groupBy ?? null, asOf };
  },
};
