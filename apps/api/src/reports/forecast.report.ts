import { READ_ROLES } from '@salesbook/domain';
import { z } from 'zod';
import { queryForecast, type ForecastRow } from '@salesbook/projections';
import { businessToday } from './business-clock.js';
import { ReportDate, type ReportDefinition } from './report-definition.js';
import { filteredScope, refuseForeignFilter, ScopeFilter } from './report-filters.js';
import { groupedBy, maybeNumber, reportAnswer } from './answers/report-answer.js';

const ForecastGroupBy = groupedBy(['rep', 'region', 'segment'] as const);

/** `GET /reports/forecast?asOf=&months=&groupBy=&region=&rep=` (asOf defaults to today in the business zone). */
export const ForecastQuery = z
  .object({
    asOf: ReportDate.optional(),
    months: z.coerce.number().int().min(1).max(24).default(3),
    groupBy: ForecastGroupBy.default('rep'),
    ...ScopeFilter,
  })
  .strict();
export type ForecastQuery = z.infer<typeof ForecastQuery>;

/** One group's forecast of one month in one currency. */
export const ForecastRowSchema = z.strictObject({
  group: z.string(),
  month: z.string(),
  currency: z.string(),
  booked: z
    .number()
    .int()
    .describe("Booked from the first of the month up to asOf (months after asOf's have none yet)"),
  pipeline: z
    .number()
    .int()
    .describe('Weighted pipeline of the open opportunities expected to close in the month, as it stood at asOf'),
  statistical: z
    .number()
    .int()
    .describe("The seasonal model fitted on the whole months before asOf's month; never below booked"),
  commit: maybeNumber.describe("The reps' commit (null by segment)"),
  bestCase: maybeNumber.describe("The reps' best case (null by segment)"),
  target: maybeNumber.describe("The group's target in this currency (null without one, and by segment)"),
  gap: maybeNumber.describe('target - statistical: above 0 is short of the target'),
}) satisfies z.ZodType<ForecastRow>;

/**
 * The forecast of the month of `asOf` and the months after it, per rep, region or segment and currency: booked to date,
 * weighted pipeline, statistical forecast, the reps' commit and best case, target and gap. Role-scoped like the sales
 * reports.
 */
export const forecastReport: ReportDefinition<ForecastQuery, ForecastRow> = {
  route: {
    method: 'GET',
    path: '/reports/forecast',
    audience: READ_ROLES.pipeline,
    summary:
      'Forecast of the next months (from the month of asOf, default today) per rep, region or segment: booked to date, weighted pipeline, statistical forecast, commit, best case, target and the gap to it',
    tag: 'reports',
    query: ForecastQuery,
    status: 200,
    projection: 'forecast_bookings',
    response: reportAnswer(ForecastRowSchema, { asOf: z.string(), months: z.number().int(), groupBy: ForecastGroupBy }),
  },
  sources: ['forecast_bookings', 'sales_targets', 'pipeline', 'submitted_forecasts'],
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  run(query, { db, lagOf, actor, zone, now }) {
    const asOf = query.asOf ?? businessToday(now(), zone);
    const result = queryForecast(db, lagOf, {
      asOf,
      months: query.months,
      groupBy: query.groupBy,
      scope: filteredScope(actor, query),
    });
    return { ...result, asOf, months: query.months, groupBy: query.groupBy };
  },
};
