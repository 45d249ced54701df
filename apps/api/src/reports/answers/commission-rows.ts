import { z } from 'zod';
import type {
  CommissionLine,
  CommissionRegionRow,
  CommissionStatementRow,
  StatementApproval,
} from '@salesbook/projections';

/** A rep's commission statement of a month. */
export const CommissionStatementRowSchema = z.strictObject({
  rep_id: z.string(),
  region: z.string(),
  plan_id: z.string(),
  plan_version: z.number().int(),
  currency: z.string(),
  base: z.number().int().describe('Collected sales: payments less reversals counted in the month, minor units'),
  target: z.number().int().nullable(),
  attainment_bps: z
    .number()
    .int()
    .nullable()
    .describe('base / target in basis points, rounded toward zero; null without a target'),
  tier: z.number().int().describe('The tier reached, from 1'),
  rate_bps: z.number().int(),
  commission: z.number().int(),
  clawbacks: z.number().int().describe('Commission taken back on receivables written off or credited this month'),
  total: z.number().int().describe('commission - clawbacks'),
}) satisfies z.ZodType<CommissionStatementRow>;

/** A region's commission statement of a month in one currency. */
export const CommissionRegionRowSchema = z.strictObject({
  region: z.string(),
  currency: z.string(),
  reps: z.number().int(),
  base: z.number().int(),
  commission: z.number().int(),
  clawbacks: z.number().int(),
  total: z.number().int(),
}) satisfies z.ZodType<CommissionRegionRow>;

/** Who approved a month's statement and when, who confirmed it, and the position the frozen figures were read at. */
export const StatementApprovalSchema = z.strictObject({
  approvedBy: z.string(),
  approvedAt: z.string(),
  confirmedBy: z.string().nullable().describe('Finance, once confirmed'),
  confirmedAt: z.string().nullable(),
  position: z.string().nullable().describe('The log position the approved figures were read at'),
}) satisfies z.ZodType<StatementApproval>;

/** A commission line with the global position of its event in this store. */
export type CommissionLineAnswer = CommissionLine & { readonly event_position: string | null };

/** One line of a rep's month, traced to its event. */
export const CommissionLineSchema = z.strictObject({
  stream_name: z.string(),
  revision: z.number().int(),
  event_position: z.string().nullable().describe("The event's global position in this store"),
  event_type: z.string(),
  kind: z.enum(['payment', 'reversal', 'credit_note', 'write_off']),
  receivable_id: z.string(),
  order_id: z.string(),
  rep_id: z.string(),
  region: z.string(),
  currency: z.string(),
  amount: z.number().int(),
  dated_on: z.string(),
  counted_on: z
    .string()
    .describe('The day it counts on: a late fact into a closed month counts on the day it was recorded'),
  month: z.string(),
  late: z.boolean(),
  adjusted_from: z
    .string()
    .nullable()
    .describe("The month it counted in, when that month's statement was approved without it (an adjustment here)"),
  commission: z.number().int().nullable().describe("A collection's share of the month's commission"),
  clawback: z.number().int().nullable().describe("A write-off's or credit note's clawback"),
}) satisfies z.ZodType<CommissionLineAnswer>;
