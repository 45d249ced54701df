import { z } from 'zod';
import { READ_ROLES } from '@salesbook/domain';
import { querySubmittedForecasts, type SubmittedForecastRow } from '@salesbook/projections';
import { reportAnswer } from './answers/report-answer.js';
import { businessToday } from './business-clock.js';
import { ReportDate, ReportMonth, scopeOf, type ReportDefinition } from './report-definition.js';

/** `GET /forecasts?from=YYYY-MM&to=YYYY-MM&asOf=YYYY-MM-DD` */
export const ForecastsQuery = z
  .object({ from: ReportMonth, to: ReportMonth, asOf: ReportDate.optional() })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type ForecastsQuery = z.infer<typeof ForecastsQuery>;

/** A rep's forecast of a month as it stood on `asOf`, with a manager's adjustment beside it. */
export const SubmittedForecastRowSchema = z.strictObject({
  rep_id: z.string(),
  region: z.string(),
  month: z.string(),
  currency: z.string(),
  commit_amount: z.number().int().describe("The rep's commit, minor units"),
  best_case_amount: z.number().int().describe("The rep's best case, minor units"),
  submitted_on: z.string().describe("Business date of the rep's submission in force"),
  adjusted_commit: z.number().int().nullable().describe("A manager's adjusted commit; null when not adjusted"),
  adjusted_best_case: z.number().int().nullable(),
  adjusted_on: z.string().nullable(),
  adjusted_by: z.string().nullable(),
}) satisfies z.ZodType<SubmittedForecastRow>;

/** Submitted forecasts as they stood at the end of `asOf` (default today): a rep their own, a regional manager their region's. */
export const forecastsReport: ReportDefinition<ForecastsQuery, SubmittedForecastRow> = {
  route: {
    method: 'GET',
    path: '/forecasts',
    audience: READ_ROLES.pipeline,
    summary:
      "Reps' submitted forecasts (commit, best case) of months from..to as they stood on asOf, with managers' adjustments beside them",
    tag: 'forecasts',
    query: ForecastsQuery,
    status: 200,
    projection: 'submitted_forecasts',
    response: reportAnswer(SubmittedForecastRowSchema, { from: z.string(), to: z.string(), asOf: z.string() }),
  },
  run(query, { db, lagOf, actor, now, zone }) {
    const asOf = query.asOf ?? businessToday(now(), zone);
    const result = querySubmittedForecasts(db, lagOf, {
      asOf,
      fromMonth: query.from,
      toMonth: query.to,
      scope: scopeOf(actor),
    });
    return { ...result, from: query.from, to: query.to, asOf };
  },
};
