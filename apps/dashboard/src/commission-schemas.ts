import { z } from 'zod';

// The parts of the commission answers the page reads; anything else in an answer is ignored.

/** `GET /reports/commissions?groupBy=rep`: each rep's statement and whether the month is approved. */
export const CommissionStatements = z.object({
  frozen: z.boolean(),
  approval: z
    .object({
      approvedBy: z.string(),
      approvedAt: z.string(),
      confirmedBy: z.string().nullable(),
      confirmedAt: z.string().nullable(),
    })
    .nullable(),
  rows: z.array(
    z.object({
      rep_id: z.string(),
      currency: z.string(),
      base: z.number(),
      target: z.number().nullable(),
      attainment_bps: z.number().nullable(),
      tier: z.number(),
      rate_bps: z.number(),
      commission: z.number(),
      clawbacks: z.number(),
      total: z.number(),
    }),
  ),
});
export type CommissionStatements = z.infer<typeof CommissionStatements>;

/** `GET /reports/commissions/lines`: every payment, reversal, credit note and write-off behind a statement. */
export const CommissionLines = z.object({
  rows: z.array(
    z.object({
      stream_name: z.string(),
      revision: z.number(),
      event_position: z.string().nullable(),
      kind: z.string(),
      receivable_id: z.string(),
      currency: z.string(),
      amount: z.number(),
      dated_on: z.string(),
      counted_on: z.string(),
      late: z.boolean(),
      commission: z.number().nullable(),
      clawback: z.number().nullable(),
    }),
  ),
});
export type CommissionLines = z.infer<typeof CommissionLines>;
