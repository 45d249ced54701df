import { z } from 'zod';
import { OrderLine, READ_ROLES } from '@salesbook/domain';
import { queryQuotations, type QuotationRow } from '@salesbook/projections';
import { reportAnswer } from './answers/report-answer.js';
import { scopeOf, type ReportDefinition } from './report-definition.js';

/** `GET /quotations?opportunityId=&customerId=&status=` */
export const QuotationsQuery = z
  .object({
    opportunityId: z.string().min(1).max(64).optional(),
    customerId: z.string().min(1).max(64).optional(),
    status: z.enum(['sent', 'accepted']).optional(),
  })
  .strict();
export type QuotationsQuery = z.infer<typeof QuotationsQuery>;

/** A quotation as it stands: sent, or accepted with the order placed from it. */
export const QuotationRowSchema = z.strictObject({
  quotation_id: z.string(),
  opportunity_id: z.string(),
  customer_id: z.string(),
  rep_id: z.string(),
  region: z.string(),
  currency: z.string(),
  total: z.number().int().describe("The quoted lines' net total, minor units"),
  lines: z.array(OrderLine).describe("The lines priced as an order's, as the accepted order places them"),
  valid_until: z.string(),
  status: z.enum(['sent', 'accepted']),
  order_id: z.string().nullable().describe('The order placed when it was accepted'),
  sent_on: z.string(),
  accepted_on: z.string().nullable(),
});
export type QuotationAnswerRow = z.infer<typeof QuotationRowSchema>;

const answerRow = (row: QuotationRow): QuotationAnswerRow => ({
  ...row,
  lines: z.array(OrderLine).parse(JSON.parse(row.lines)),
  status: row.status === 'accepted' ? 'accepted' : 'sent',
});

/** Quotations in the reader's scope (a rep those of their opportunities, a regional manager their region's), by validity. */
export const quotationsReport: ReportDefinition<QuotationsQuery, QuotationAnswerRow> = {
  route: {
    method: 'GET',
    path: '/quotations',
    audience: READ_ROLES.pipeline,
    summary:
      'Quotations sent from opportunities (lines, total, validity), sent or accepted with the order placed, by valid-until date',
    tag: 'opportunities',
    query: QuotationsQuery,
    status: 200,
    projection: 'pipeline',
    response: reportAnswer(QuotationRowSchema, {}),
  },
  run(query, { db, lagOf, actor }) {
    const result = queryQuotations(db, lagOf, {
      scope: scopeOf(actor),
      ...(query.opportunityId === undefined ? {} : { opportunityId: query.opportunityId }),
      ...(query.customerId === undefined ? {} : { customerId: query.customerId }),
      ...(query.status === undefined ? {} : { status: query.status }),
    });
    return { ...result, rows: result.rows.map(answerRow) };
  },
};
