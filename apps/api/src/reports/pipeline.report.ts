import { z } from 'zod';
import { READ_ROLES } from '@salesbook/domain';
import { queryOpportunities, queryPipeline, type OpportunityRow, type PipelineReportRow } from '@salesbook/projections';
import { groupedBy, reportAnswer } from './answers/report-answer.js';
import { businessToday } from './business-clock.js';
import { ReportDate, ReportMonth, scopeOf, type ReportDefinition } from './report-definition.js';

/** `GET /opportunities?status=&customerId=` */
export const OpportunitiesQuery = z
  .object({ status: z.enum(['open', 'won', 'lost']).optional(), customerId: z.string().min(1).max(64).optional() })
  .strict();
export type OpportunitiesQuery = z.infer<typeof OpportunitiesQuery>;

const Stage = z.enum(['qualified', 'proposal', 'negotiation', 'won', 'lost']);

/** An opportunity as it stands. */
export const OpportunityRowSchema = z.strictObject({
  opportunity_id: z.string(),
  title: z.string(),
  customer_id: z.string(),
  rep_id: z.string(),
  region: z.string(),
  segment: z.string(),
  currency: z.string(),
  amount: z.number().int(),
  expected_close_month: z.string(),
  stage: Stage,
  probability_bp: z.number().int(),
  overridden: z.boolean().describe("The probability is an override of the stage's default"),
  weighted: z.number().int().describe('amount x probability_bp / 10000, rounded half to even'),
  lost_reason: z.string().nullable(),
  won_order_id: z.string().nullable(),
  opened_on: z.string(),
  changed_on: z.string(),
  closed_on: z.string().nullable(),
});
export type OpportunityAnswerRow = z.infer<typeof OpportunityRowSchema>;

const answerRow = (row: OpportunityRow): OpportunityAnswerRow => ({
  ...row,
  stage: Stage.parse(row.stage),
  overridden: row.overridden === 1,
});

/** Opportunities in the reader's scope (a rep their own, a regional manager their region's), by expected close month. */
export const opportunitiesReport: ReportDefinition<OpportunitiesQuery, OpportunityAnswerRow> = {
  route: {
    method: 'GET',
    path: '/opportunities',
    audience: READ_ROLES.pipeline,
    summary:
      'Opportunities as they stand (stage, probability, weighted amount), by expected close month; `status` open, won or lost',
    tag: 'opportunities',
    query: OpportunitiesQuery,
    status: 200,
    projection: 'pipeline',
    response: reportAnswer(OpportunityRowSchema, {}),
  },
  run(query, { db, lagOf, actor }) {
    const result = queryOpportunities(db, lagOf, {
      scope: scopeOf(actor),
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.customerId === undefined ? {} : { customerId: query.customerId }),
    });
    return { ...result, rows: result.rows.map(answerRow) };
  },
};

const GROUPS = ['rep', 'region', 'segment', 'stage', 'month', 'customer'] as const;

/** `GET /reports/pipeline?groupBy=&asOf=&from=&to=` (`from`/`to`: expected close months). */
export const PipelineQuery = z
  .object({
    groupBy: z.enum(GROUPS),
    asOf: ReportDate.optional(),
    from: ReportMonth.optional(),
    to: ReportMonth.optional(),
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['to'],
  });
export type PipelineQuery = z.infer<typeof PipelineQuery>;

/** One group of the open pipeline in one currency. */
export const PipelineRowSchema = z.strictObject({
  group: z.string(),
  currency: z.string(),
  opportunities: z.number().int(),
  amount: z.number().int().describe("Sum of the open opportunities' amounts, minor units"),
  weighted: z.number().int().describe('Sum of amount x probability, each rounded half to even, minor units'),
}) satisfies z.ZodType<PipelineReportRow>;

/** The open pipeline as it stood at the end of `asOf` (default today), grouped, scoped as the opportunities. */
export const pipelineReport: ReportDefinition<PipelineQuery, PipelineReportRow> = {
  route: {
    method: 'GET',
    path: '/reports/pipeline',
    audience: READ_ROLES.pipeline,
    summary: 'The open pipeline as it stood on asOf: opportunities, amount and weighted amount per group and currency',
    tag: 'reports',
    query: PipelineQuery,
    status: 200,
    projection: 'pipeline',
    response: reportAnswer(PipelineRowSchema, {
      groupBy: groupedBy(GROUPS),
      asOf: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
    }),
  },
  run(query, { db, lagOf, actor, now, zone }) {
    const asOf = query.asOf ?? businessToday(now(), zone);
    const months = {
      ...(query.from === undefined ? {} : { fromMonth: query.from }),
      ...(query.to === undefined ? {} : { toMonth: query.to }),
    };
    const result = queryPipeline(db, lagOf, { asOf, groupBy: query.groupBy, scope: scopeOf(actor), ...months });
    return { ...result, groupBy: query.groupBy, asOf, from: query.from ?? null, to: query.to ?? null };
  },
};
