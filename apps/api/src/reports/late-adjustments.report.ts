import { READ_ROLES } from '@salesbook/domain';
import { z } from 'zod';
import { queryLateAdjustments, type LateAdjustmentRow } from '@salesbook/projections';
import { ReportMonth, type ReportDefinition } from './report-definition.js';
import { filteredScope, refuseForeignFilter, ScopeFilter } from './report-filters.js';
import { reportAnswer } from './answers/report-answer.js';

/** `GET /reports/late-adjustments?month=&region=&rep=`. */
export const LateAdjustmentsQuery = z.object({ month: ReportMonth, ...ScopeFilter }).strict();
export type LateAdjustmentsQuery = z.infer<typeof LateAdjustmentsQuery>;

/** A late adjustment as the answer lists it. */
export const LateAdjustmentRowSchema = z.strictObject({
  stream_name: z.string(),
  revision: z.number().int(),
  event_type: z.string(),
  posted_on: z.string(),
  posted_month: z.string(),
  dated_on: z.string().describe("The fact's own business date, in a month that was closed when it was recorded"),
  rep_id: z.string(),
  region: z.string(),
  currency: z.string().nullable(),
  amount: z.number().int().nullable(),
}) satisfies z.ZodType<LateAdjustmentRow>;

/**
 * The late adjustments counted in a month: payments, reversals, credit notes, write-offs, shipments and deliveries
 * dated in a closed month and counted on the day they were recorded, each with its own date, stream and revision.
 * Role-scoped like the collections reports (finance reads them too).
 */
export const lateAdjustmentsReport: ReportDefinition<LateAdjustmentsQuery, LateAdjustmentRow> = {
  route: {
    method: 'GET',
    path: '/reports/late-adjustments',
    audience: READ_ROLES.collections,
    summary:
      'Facts dated in a closed month that count in this month instead (late adjustments), with their own dates and events',
    tag: 'reports',
    query: LateAdjustmentsQuery,
    status: 200,
    projection: 'late_adjustments',
    response: reportAnswer(LateAdjustmentRowSchema, { month: z.string() }),
  },
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  run(query, { db, lagOf, actor }) {
    return {
      ...queryLateAdjustments(db, lagOf, { month: query.month, scope: filteredScope(actor, query) }),
      month: query.month,
    };
  },
};
