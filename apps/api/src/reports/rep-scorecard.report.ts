import { z } from 'zod';
import { ID_PATTERN, READ_ROLES } from '@salesbook/domain';
import {
  MONTHLY_SALES_REPORT_SOURCES,
  PLAN_ATTAINMENT_SOURCES,
  planAttainment,
  queryRepScorecard,
  type RepScorecard,
} from '@salesbook/projections';
import { ReportMonth, scopeOf, type ReportContext, type ReportDefinition } from './report-definition.js';
import { reportAnswer } from './answers/report-answer.js';
import { RepScorecardRowSchema } from './answers/sales-rows.js';
import { PlanAttainmentRowSchema } from './answers/plan-rows.js';

/** `GET /reports/reps/:repId/scorecard?month=`. */
export const RepScorecardQuery = z.object({ month: ReportMonth }).strict();
export type RepScorecardQuery = z.infer<typeof RepScorecardQuery>;
/** The path of the scorecard route. */
export const RepScorecardParams = z.object({ repId: z.string().regex(ID_PATTERN, 'must be a rep id') });

const repIdOf = (context: ReportContext): string => (context.params as z.infer<typeof RepScorecardParams>).repId;

/**
 * Whether a rep is one of a region's: they own, today, at least one customer of the region in the customer
 * directory. There is no rep directory; customer ownership is where a rep's region shows in the read models.
 */
const repOfRegion = (context: ReportContext, repId: string, region: string): boolean =>
  context.db
    .prepare('SELECT 1 FROM customer_directory WHERE owner_rep_id = ? AND region = ? LIMIT 1')
    .get(repId, region) !== undefined;

/**
 * A rep's monthly scorecard: `{ repId, month, rows: [RepScorecard], plan, position, lag, stale }`, `plan` the
 * attainment of the rep's targets of the month, its quarter and its year, of every measure. A rep reads only their
 * own (another rep's is 403 `SCORECARD_NOT_AUTHORIZED`); a regional manager only a rep who owns a customer of their
 * region (else 403), and then the figures of their region only.
 */
export const repScorecardReport: ReportDefinition<RepScorecardQuery, RepScorecard> = {
  route: {
    method: 'GET',
    path: '/reports/reps/:repId/scorecard',
    audience: READ_ROLES.repScorecard,
    summary:
      "A rep's scorecard of a month: sales and attainment, collection rate, CSAT, complaints per 100 orders, on-time delivery rate",
    tag: 'reports',
    params: RepScorecardParams,
    query: RepScorecardQuery,
    status: 200,
    projection: 'sales_monthly',
    response: reportAnswer(RepScorecardRowSchema, {
      repId: z.string(),
      month: z.string(),
      plan: z.array(PlanAttainmentRowSchema),
    }),
  },
  sources: [...new Set([...MONTHLY_SALES_REPORT_SOURCES, 'fulfilment', ...PLAN_ATTAINMENT_SOURCES])],
  authorize(_query, context) {
    const repId = repIdOf(context);
    const { actor } = context;
    const refuse = (message: string) => ({ kind: 'forbidden' as const, code: 'SCORECARD_NOT_AUTHORIZED', message });
    if (actor.role === 'sales_rep' && actor.id !== repId)
      return refuse('a sales rep may read only their own scorecard');
    if (
      actor.role === 'regional_manager' &&
      (actor.region === undefined || !repOfRegion(context, repId, actor.region))
    ) {
      return refuse("a regional manager may read only the scorecards of their region's reps");
    }
    return undefined;
  },
  run(query, context) {
    const repId = repIdOf(context);
    const scope = { ...scopeOf(context.actor), repId };
    const result = queryRepScorecard(context.db, context.lagOf, {
      repId,
      month: query.month,
      scope: scopeOf(context.actor),
    });
    const plan = planAttainment(context.db, { month: query.month, groupBy: 'rep', scope });
    return { ...result, repId, month: query.month, plan };
  },
};
