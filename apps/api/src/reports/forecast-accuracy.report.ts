import { READ_ROLES } from '@salesbook/domain';
import { z } from 'zod';
import {
  queryForecastAccuracy,
  type AccuracyRow,
  type AccuracySummary,
  type ForecastScore,
} from '@salesbook/projections';
import { businessToday } from './business-clock.js';
import { ReportMonth, type ReportDefinition } from './report-definition.js';
import { filteredScope, refuseForeignFilter, ScopeFilter } from './report-filters.js';
import { groupedBy, maybeNumber, reportAnswer } from './answers/report-answer.js';

const AccuracyGroupBy = groupedBy(['rep', 'region', 'segment'] as const);
const LagMonths = z.enum(['1', '3']).transform(Number);

/** `GET /reports/forecast/accuracy?from=YYYY-MM&to=YYYY-MM&lagMonths=1|3&groupBy=` (at most 36 months). */
export const ForecastAccuracyQuery = z
  .object({
    from: ReportMonth,
    to: ReportMonth,
    lagMonths: LagMonths.default(1),
    groupBy: AccuracyGroupBy.default('rep'),
    ...ScopeFilter,
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine(
    (q) =>
      Number(q.to.slice(0, 4)) * 12 +
        Number(q.to.slice(5)) -
        (Number(q.from.slice(0, 4)) * 12 + Number(q.from.slice(5))) <
      36,
    { message: 'at most 36 months', path: ['to'] },
  );
export type ForecastAccuracyQuery = z.infer<typeof ForecastAccuracyQuery>;

const Score = z.strictObject({
  forecast: maybeNumber.describe(
    'The forecast as it stood lagMonths before the month began (null: none was submitted)',
  ),
  error: maybeNumber.describe('forecast - actual, minor units'),
  ape: maybeNumber.describe('|error| / actual (null when nothing was booked)'),
  bias: maybeNumber.describe('error / actual: above 0 forecast too high'),
}) satisfies z.ZodType<ForecastScore>;

/** A closed month of one group and currency, each forecast scored against what was booked. */
export const AccuracyRowSchema = z.strictObject({
  group: z.string(),
  month: z.string(),
  currency: z.string(),
  actual: z.number().int(),
  statistical: Score,
  commit: Score.nullable().describe('null by segment'),
  bestCase: Score.nullable().describe('null by segment'),
}) satisfies z.ZodType<AccuracyRow>;

const SummarySchema = z.strictObject({
  group: z.string(),
  currency: z.string(),
  kind: z.enum(['statistical', 'commit', 'bestCase']),
  months: z.number().int(),
  mape: maybeNumber,
  bias: maybeNumber.describe('Sum of errors / sum of actuals'),
}) satisfies z.ZodType<AccuracySummary>;

/**
 * How wrong each forecast was: for every month of from..to that has ended, the statistical forecast, commit and best
 * case as they stood lagMonths before the month began against booked sales, and MAPE and bias over the range.
 */
export const forecastAccuracyReport: ReportDefinition<ForecastAccuracyQuery, AccuracyRow> = {
  route: {
    method: 'GET',
    path: '/reports/forecast/accuracy',
    audience: READ_ROLES.pipeline,
    summary:
      "Forecast accuracy: each closed month's statistical forecast, commit and best case as they stood lagMonths before the month began, against booked sales (error, APE, bias), with MAPE and bias over the range",
    tag: 'reports',
    query: ForecastAccuracyQuery,
    status: 200,
    projection: 'forecast_bookings',
    response: reportAnswer(AccuracyRowSchema, {
      from: z.string(),
      to: z.string(),
      lagMonths: z.number().int(),
      groupBy: AccuracyGroupBy,
      summary: z.array(SummarySchema),
    }),
  },
  sources: ['forecast_bookings', 'submitted_forecasts'],
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  run(query, { db, lagOf, actor, zone, now }) {
    const today = businessToday(now(), zone);
    const result = queryForecastAccuracy(db, lagOf, {
      from: query.from,
      to: query.to,
      lagMonths: query.lagMonths,
      groupBy: query.groupBy,
      today,
      scope: filteredScope(actor, query),
    });
    return { ...result, from: query.from, to: query.to, lagMonths: query.lagMonths, groupBy: query.groupBy };
  },
};
