import { z } from 'zod';
import type * as P from '@salesbook/projections';
import { maybeNumber } from './report-answer.js';

/** Row schemas of the sales reports; each `satisfies` the row type its query returns, so the two cannot drift. */

const ComparisonSchema = z.object({
  previous: maybeNumber,
  change: maybeNumber,
  change_ratio: maybeNumber,
}) satisfies z.ZodType<P.Comparison>;

/** CSAT: the share of satisfied answers (4-5) over `n`. */
export const CsatFigureSchema = z.object({
  value: maybeNumber,
  n: z.number().int(),
  satisfied: z.number().int(),
}) satisfies z.ZodType<P.CsatFigure>;
/** NPS: promoters less detractors over `n`, between -1 and 1. */
export const NpsFigureSchema = z.object({
  value: maybeNumber,
  n: z.number().int(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
}) satisfies z.ZodType<P.NpsFigure>;

const minor = z.number().int();

const DailyCurrency = z.object({
  currency: z.string(),
  orders_confirmed: z.number().int(),
  confirmed_amount: minor,
  amendments_delta: minor,
  closes_delta: minor,
  cancellations: z.number().int(),
  cancelled_amount: minor,
  booked: minor,
  month_to_date_booked: minor,
  target: minor.nullable(),
  month_to_date_attainment: maybeNumber,
  invoiced: minor,
  collected: minor,
  newly_overdue_installments: z.number().int(),
  newly_overdue_amount: minor,
});

/** One group (rep or region) on one business day; money per currency in minor units. */
export const DailySalesRowSchema = z.strictObject({
  business_date: z.string(),
  group_by: z.enum(['rep', 'region']),
  group: z.string(),
  orders_confirmed: z.number().int(),
  cancellations: z.number().int(),
  shipments: z.number().int(),
  deliveries_on_time: z.number().int(),
  deliveries_late: z.number().int(),
  deliveries_due_tomorrow: z.number().int(),
  complaints_opened: z.number().int(),
  complaints_closed: z.number().int(),
  new_customers: z.number().int(),
  currencies: z.array(DailyCurrency.strict()),
}) satisfies z.ZodType<P.DailySalesReportRow>;

const TopEntry = z.strictObject({ id: z.string(), booked: minor });

const MonthlyCurrency = z.strictObject({
  currency: z.string(),
  booked: minor,
  target: minor.nullable(),
  attainment: maybeNumber,
  orders_confirmed: z.number().int(),
  average_order_value: minor.nullable(),
  cancellations: z.number().int(),
  cancelled_amount: minor,
  collected: minor,
  collection_rate: maybeNumber,
  collection_due: minor,
  collected_on_due: minor,
  booked_vs_previous_month: ComparisonSchema,
  booked_vs_previous_year: ComparisonSchema,
  top_customers: z.array(TopEntry),
  top_products: z.array(TopEntry),
  margin: z
    .number()
    .int()
    .describe('Gross margin of the orders confirmed in the month as they stand now (net sales less standard cost)'),
  margin_pct: maybeNumber.describe('margin / the net sales of those orders that had a standard cost'),
});

/** One group (rep, region or segment) in one month. */
export const MonthlySalesRowSchema = z.strictObject({
  month: z.string(),
  group_by: z.enum(['rep', 'region', 'segment']),
  group: z.string(),
  orders_confirmed: z.number().int(),
  orders_vs_previous_month: ComparisonSchema,
  orders_vs_previous_year: ComparisonSchema,
  cancellations: z.number().int(),
  complaints: z.number().int(),
  csat: CsatFigureSchema,
  nps: NpsFigureSchema,
  currencies: z.array(MonthlyCurrency),
}) satisfies z.ZodType<P.MonthlySalesReportRow>;

/** One rep's month. */
export const RepScorecardRowSchema = z.strictObject({
  rep_id: z.string(),
  month: z.string(),
  orders_confirmed: z.number().int(),
  complaints: z.number().int(),
  complaints_per_100_orders: maybeNumber,
  deliveries: z.number().int(),
  deliveries_on_time: z.number().int(),
  on_time_delivery_rate: maybeNumber,
  csat: CsatFigureSchema,
  currencies: z.array(
    z.strictObject({
      currency: z.string(),
      booked: minor,
      target: minor.nullable(),
      attainment: maybeNumber,
      collected: minor,
      collection_rate: maybeNumber,
      margin: z.number().int(),
      margin_pct: maybeNumber,
    }),
  ),
}) satisfies z.ZodType<P.RepScorecard>;

/** A confirmed order of the month, without its lines. */
export const SalesOrderListRowSchema = z.strictObject({
  order_id: z.string(),
  customer_id: z.string(),
  rep_id: z.string(),
  region: z.string(),
  segment: z.string(),
  currency: z.string(),
  confirmed_on: z.string(),
  booked: minor,
  status: z.enum(['confirmed', 'cancelled']),
}) satisfies z.ZodType<Omit<P.SalesOrderRow, 'lines'>>;
