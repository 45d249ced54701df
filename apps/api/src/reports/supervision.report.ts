import { READ_ROLES } from '@salesbook/domain';
import { z } from 'zod';
import { endOfBusinessDate, querySupervision, SUPERVISION_SOURCES, type SupervisionRow } from '@salesbook/projections';
import { businessToday, periodIsOver } from './business-clock.js';
import { periodDays, ReportMonth, type ReportDefinition } from './report-definition.js';
import { filteredScope, refuseForeignFilter, ScopeFilter } from './report-filters.js';
import { reportAnswer } from './answers/report-answer.js';
import { SupervisionRowSchema } from './answers/supervision-rows.js';

/** `GET /reports/supervision?month=&groupBy=rep|region` (`groupBy` defaults to rep). */
export const SupervisionQuery = z
  .object({ month: ReportMonth, groupBy: z.enum(['rep', 'region']).default('rep'), ...ScopeFilter })
  .strict();
export type SupervisionQuery = z.infer<typeof SupervisionQuery>;

/** The business date D a month is measured up to, and the instant complaints' clocks are read at. */
function measuredUpTo(month: string, now: Date, zone: string): { readonly asOf: string; readonly asOfInstant: string } {
  const last = periodDays(month, month).last;
  if (periodIsOver(last, now, zone)) return { asOf: last, asOfInstant: endOfBusinessDate(last, zone) };
  const today = businessToday(now, zone);
  // A month not begun yet is measured on its first day: every figure is 0 then.
  return today < `${month}-01`
    ? { asOf: `${month}-01`, asOfInstant: now.toISOString() }
    : { asOf: today, asOfInstant: now.toISOString() };
}

/** The execution and supervision report: `{ month, groupBy, asOf, rows, position, lag, stale }`. */
export const supervisionReport: ReportDefinition<SupervisionQuery, SupervisionRow> = {
  route: {
    method: 'GET',
    path: '/reports/supervision',
    audience: READ_ROLES.supervision,
    summary:
      'Execution and supervision per rep or region for a month: overdue receivables followed up in 7 days, promises kept and broken, complaints within SLA, profiles reviewed within 12 months, on-time deliveries, discounts needing approval',
    tag: 'reports',
    query: SupervisionQuery,
    status: 200,
    projection: 'supervision',
    response: reportAnswer(SupervisionRowSchema, {
      month: z.string(),
      groupBy: z.enum(['rep', 'region']),
      asOf: z.string(),
    }),
  },
  sources: SUPERVISION_SOURCES,
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  // Measured up to now while the month is not over: such an answer is never reused.
  reusable: (query, { zone, now }) => periodIsOver(periodDays(query.month, query.month).last, now(), zone),
  run(query, { db, lagOf, actor, zone, now }) {
    const { asOf, asOfInstant } = measuredUpTo(query.month, now(), zone);
    const result = querySupervision(db, lagOf, {
      month: query.month,
      asOf,
      asOfInstant,
      groupBy: query.groupBy,
      scope: filteredScope(actor, query),
    });
    return { ...result, month: query.month, groupBy: query.groupBy, asOf };
  },
};
