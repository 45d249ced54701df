import { z } from 'zod';
import type * as P from '@salesbook/projections';
import { SATISFACTION_ITEMS } from '@salesbook/projections';
import { maybeNumber } from './report-answer.js';
import { CsatFigureSchema, NpsFigureSchema } from './sales-rows.js';

/** Row schemas of the collections, satisfaction, complaints and customer reports; each `satisfies` its row type. */

const minor = z.number().int();
const count = z.number().int();
const CollectionsGroupBy = z.enum(['rep', 'region', 'customer', 'none']);

/** Outstanding of one group and currency by days past due (minor units). */
export const AgingRowSchema = z.strictObject({
  as_of: z.string(),
  group_by: CollectionsGroupBy,
  group: z.string(),
  currency: z.string(),
  current: minor,
  days_1_30: minor,
  days_31_60: minor,
  days_61_90: minor,
  days_over_90: minor,
  total: minor,
  installments: count,
}) satisfies z.ZodType<P.AgingRow>;

/** Collections of one group and currency in a month. */
export const CollectionsSummaryRowSchema = z.strictObject({
  month: z.string(),
  group_by: CollectionsGroupBy,
  group: z.string(),
  currency: z.string(),
  days_in_period: count,
  invoiced: minor,
  credited: minor,
  collected: minor,
  written_off: minor,
  opening_ar: minor,
  closing_ar: minor,
  closing_current_ar: minor,
  collection_rate: maybeNumber,
  amount_due: minor,
  collected_on_due: minor,
  revenue_based_collection_rate: maybeNumber,
  dso_days: maybeNumber,
  cei_percent: maybeNumber,
}) satisfies z.ZodType<P.CollectionsSummaryRow>;

const Installment = z.strictObject({
  installment_no: count,
  due_date: z.string(),
  planned: minor,
  collected: minor,
  reduced: minor,
  outstanding: minor,
  days_past_due: count,
});

/** An overdue receivable as of a day. */
export const OverdueRowSchema = z.strictObject({
  as_of: z.string(),
  receivable_id: z.string(),
  order_id: z.string(),
  customer_id: z.string(),
  rep_id: z.string(),
  region: z.string(),
  currency: z.string(),
  oldest_due_date: z.string(),
  days_past_due: count,
  outstanding: minor,
  overdue_amount: minor,
  last_follow_up: z.strictObject({ on: z.string(), channel: z.string() }).nullable(),
  promise_to_pay: z
    .strictObject({ made_on: z.string(), date: z.string(), amount: minor, status: z.enum(['open', 'kept', 'broken']) })
    .nullable(),
  installments: z.array(Installment),
}) satisfies z.ZodType<P.OverdueRow>;

const Item = z.enum(SATISFACTION_ITEMS);

/** Satisfaction of one group (or of everything, `group: null`) over a period. */
export const SatisfactionGroupSchema = z.strictObject({
  group: z.string().nullable(),
  responses: count,
  csat: CsatFigureSchema,
  nps: NpsFigureSchema,
  items: z.array(z.strictObject({ item: Item, mean: maybeNumber, n: count })),
  keyDrivers: z.strictObject({
    n: count,
    drivers: z.array(z.strictObject({ item: Item, correlation: maybeNumber, rank: count.nullable() })).nullable(),
  }),
  closedLoop: z.strictObject({
    opened: count,
    closed: count,
    recovered: count,
    open: count.describe('Follow-ups of these answers still open now'),
    overdue: count.describe(
      "Open follow-ups past their due date (opening + the configured business days, 2 unless set) on today's business date",
    ),
    rate: maybeNumber,
    recoveryRate: maybeNumber,
    meanHoursToClose: maybeNumber,
  }),
}) satisfies z.ZodType<P.SatisfactionGroup>;

const Clock = z.strictObject({
  n: count,
  meanMs: maybeNumber,
  p90Ms: maybeNumber,
  breached: count,
  breachRate: maybeNumber,
});
const Tally = z.record(z.string(), count);

/** Complaint figures of one group (or of everything, `group: null`) as of an instant. */
export const ComplaintsGroupSchema = z.strictObject({
  group: z.string().nullable(),
  complaints: count,
  byCategory: Tally,
  bySeverity: Tally,
  byChannel: Tally,
  acknowledge: Clock,
  resolve: Clock,
  reopen: z.strictObject({ reopened: count, n: count, rate: maybeNumber }),
  handlingSatisfaction: z.strictObject({ mean: maybeNumber, n: count }),
}) satisfies z.ZodType<P.ComplaintsGroup>;

/** A customer whose profile is past its review date. */
export const StaleProfileRowSchema = z.strictObject({
  customerId: z.string(),
  companyName: z.string(),
  region: z.string(),
  segment: z.string(),
  ownerRepId: z.string(),
  lastReviewedOn: z.string(),
  reviewDueOn: z.string(),
  daysSinceReview: count,
}) satisfies z.ZodType<P.StaleProfile>;

/** A complaint filed in the period and whether its clocks breached their SLA. */
export const ComplaintListRowSchema = z.strictObject({
  complaint_id: z.string(),
  customer_id: z.string(),
  order_id: z.string().nullable(),
  filed_on: z.string(),
  channel: z.string(),
  category: z.string(),
  severity: z.string(),
  rep_id: z.string(),
  region: z.string(),
  acknowledge_breached: z.boolean(),
  resolve_breached: z.boolean(),
});
