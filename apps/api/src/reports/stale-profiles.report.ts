import { READ_ROLES } from '@salesbook/domain';
import { z } from 'zod';
import { DEFAULT_STALE_PROFILE_MONTHS, queryStaleProfiles, type StaleProfile } from '@salesbook/projections';
import { businessToday } from './business-clock.js';
import { ReportDate, scopeOf, type ReportDefinition } from './report-definition.js';
import { reportAnswer } from './answers/report-answer.js';
import { StaleProfileRowSchema } from './answers/other-rows.js';

/** `GET /reports/customers/stale-profiles?asOf=&months=` (asOf defaults to today in the business zone, months to 12). */
export const StaleProfilesQuery = z
  .object({
    asOf: ReportDate.optional(),
    months: z.coerce.number().int().min(1).max(600).default(DEFAULT_STALE_PROFILE_MONTHS),
  })
  .strict();
export type StaleProfilesQuery = z.infer<typeof StaleProfilesQuery>;

/** Active customers whose profile was last reviewed at least `months` months before `asOf`: `{ asOf, months, rows, position, lag, stale }`. */
export const staleProfilesReport: ReportDefinition<StaleProfilesQuery, StaleProfile> = {
  route: {
    method: 'GET',
    path: '/reports/customers/stale-profiles',
    audience: READ_ROLES.reports,
    summary:
      'Customers whose profile has not been reviewed for `months` months (default 12) as of a business date (default today), oldest review first',
    tag: 'reports',
    query: StaleProfilesQuery,
    status: 200,
    projection: 'customer_directory',
    response: reportAnswer(StaleProfileRowSchema, { asOf: z.string(), months: z.number().int() }),
  },
  run(query, { db, lagOf, actor, zone, now }) {
    const asOf = query.asOf ?? businessToday(now(), zone);
    const result = queryStaleProfiles(db, lagOf, { asOf, months: query.months, scope: scopeOf(actor) });
    return { ...result, asOf, months: query.months };
  },
};
