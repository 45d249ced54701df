import { READ_ROLES } from '@salesbook/domain';
import { z } from 'zod';
import { querySatisfaction, type SatisfactionGroup } from '@salesbook/projections';
import { periodQuery, type ReportDefinition } from './report-definition.js';
import { filteredScope, refuseForeignFilter, ScopeFilter } from './report-filters.js';
import { reportAnswer } from './answers/report-answer.js';
import { SatisfactionGroupSchema } from './answers/other-rows.js';
import { drillDownOf, DrillDownSchema } from './satisfaction-drill-down.js';
import { businessToday } from './business-clock.js';

/** `GET /reports/satisfaction?from=&to=&groupBy=` (dates YYYY-MM-DD or months YYYY-MM, inclusive). */
export const SatisfactionQuery = periodQuery({
  groupBy: z.enum(['region', 'rep', 'segment', 'period', 'surveyPeriod']).optional(),
  ...ScopeFilter,
});
export type SatisfactionQuery = z.infer<typeof SatisfactionQuery>;

/** CSAT, NPS, item averages and key drivers of the responses of a period: `{ from, to, groupBy, rows, position, lag, stale }`. */
export const satisfactionReport: ReportDefinition<SatisfactionQuery, SatisfactionGroup> = {
  route: {
    method: 'GET',
    path: '/reports/satisfaction',
    audience: READ_ROLES.reports,
    summary:
      'Satisfaction: CSAT, NPS, item averages, key drivers and the closed loop (follow-ups of unhappy answers opened, closed, recovered, still open and overdue today, time to close) of the survey responses of a period, each with its n and the drill-down to the answers behind it; without groupBy one group',
    tag: 'reports',
    query: SatisfactionQuery,
    status: 200,
    projection: 'satisfaction',
    response: reportAnswer(SatisfactionGroupSchema.extend({ drillDown: DrillDownSchema }), {
      from: z.string(),
      to: z.string(),
      groupBy: z.string().nullable(),
    }),
  },
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  run(query, { db, lagOf, actor, zone, now, followUpBusinessDays }) {
    const result = querySatisfaction(db, lagOf, {
      from: query.from,
      to: query.to,
      ...(query.groupBy === undefined ? {} : { groupBy: query.groupBy }),
      scope: filteredScope(actor, query),
      // Overdue is judged on today's business date, as the work lists judge it (answers are cached per day).
      followUpsDue: { today: businessToday(now(), zone), businessDays: followUpBusinessDays },
    });
    const rows = result.rows.map((row) => ({ ...row, drillDown: drillDownOf(query, row.group) }));
    return { ...result, rows, from: query.from, to: query.to, groupBy: query.groupBy ?? null };
  },
};
