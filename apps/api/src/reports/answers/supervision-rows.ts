import { z } from 'zod';
import type { SupervisionRow } from '@salesbook/projections';
import { maybeNumber } from './report-answer.js';

const count = z.number().int().min(0);

/** One rep's or region's supervision figures (definitions in the projections README). */
export const SupervisionRowSchema = z.strictObject({
  key: z.string().describe('The rep id or region, as grouped'),
  overdue_receivables: count,
  overdue_followed_up: count.describe('Overdue receivables with a follow-up logged in the 7 days up to asOf'),
  overdue_follow_up_share: maybeNumber,
  promises_due: count.describe('Promises to pay dated from the month start to asOf'),
  promises_kept: count,
  promises_broken: count,
  promise_kept_rate: maybeNumber.describe('kept / (kept + broken)'),
  complaints: count.describe('Complaints filed in the month, by owner rep at filing'),
  acknowledged_within_sla: count,
  acknowledged_within_sla_rate: maybeNumber,
  resolved_within_sla: count,
  resolved_within_sla_rate: maybeNumber,
  active_customers: count,
  profiles_reviewed: count.describe('Active customers whose profile was reviewed in the 12 months up to asOf'),
  profiles_reviewed_rate: maybeNumber,
  deliveries: count,
  deliveries_on_time: count,
  on_time_delivery_rate: maybeNumber,
  orders_placed: count,
  orders_needing_approval: count.describe('Orders placed in the month whose discount needed a manager'),
  approval_share: maybeNumber,
}) satisfies z.ZodType<SupervisionRow>;
