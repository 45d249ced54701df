import { z } from 'zod';

// The parts of the API's report answers the page reads; anything else in an answer is ignored.
const ratio = z.number().nullable();
const freshness = { position: z.string().nullable(), lag: z.number(), stale: z.boolean() };

/** One currency of a monthly sales group. */
export const SalesCurrency = z.object({
  currency: z.string(),
  booked: z.number(),
  target: z.number().nullable(),
  attainment: ratio,
  orders_confirmed: z.number(),
  collected: z.number(),
  collection_rate: ratio,
});
export type SalesCurrency = z.infer<typeof SalesCurrency>;

/** `GET /reports/sales/monthly`. */
export const MonthlySales = z.object({
  ...freshness,
  rows: z.array(
    z.object({
      group: z.string(),
      orders_confirmed: z.number(),
      complaints: z.number(),
      currencies: z.array(SalesCurrency),
    }),
  ),
});
export type MonthlySales = z.infer<typeof MonthlySales>;

/** `GET /reports/collections/aging`. */
export const Aging = z.object({
  ...freshness,
  asOf: z.string(),
  rows: z.array(
    z.object({
      group: z.string(),
      currency: z.string(),
      current: z.number(),
      days_1_30: z.number(),
      days_31_60: z.number(),
      days_61_90: z.number(),
      days_over_90: z.number(),
      total: z.number(),
      installments: z.number(),
    }),
  ),
});
export type Aging = z.infer<typeof Aging>;

/** `GET /reports/collections/summary`. */
export const CollectionsSummary = z.object({
  ...freshness,
  month: z.string(),
  rows: z.array(
    z.object({
      group: z.string(),
      currency: z.string(),
      invoiced: z.number(),
      collected: z.number(),
      closing_ar: z.number(),
      amount_due: z.number(),
      collected_on_due: z.number(),
      collection_rate: ratio,
      dso_days: ratio,
    }),
  ),
});
export type CollectionsSummary = z.infer<typeof CollectionsSummary>;

const Figure = z.object({ value: ratio, n: z.number() });

/** `GET /reports/satisfaction`. */
export const Satisfaction = z.object({
  ...freshness,
  rows: z.array(
    z.object({
      group: z.string().nullable(),
      responses: z.number(),
      csat: Figure,
      nps: Figure,
      keyDrivers: z.object({
        n: z.number(),
        drivers: z.array(z.object({ item: z.string(), correlation: ratio, rank: z.number().nullable() })).nullable(),
      }),
    }),
  ),
});
export type Satisfaction = z.infer<typeof Satisfaction>;

const Clock = z.object({ breached: z.number(), breachRate: ratio });

/** `GET /reports/complaints`. */
export const Complaints = z.object({
  ...freshness,
  asOf: z.string(),
  rows: z.array(z.object({ group: z.string().nullable(), complaints: z.number(), acknowledge: Clock, resolve: Clock })),
});
export type Complaints = z.infer<typeof Complaints>;

/** `GET /reports/collections/overdue`. */
export const Overdue = z.object({
  asOf: z.string(),
  rows: z.array(
    z.object({
      receivable_id: z.string(),
      order_id: z.string(),
      customer_id: z.string(),
      rep_id: z.string(),
      region: z.string(),
      currency: z.string(),
      oldest_due_date: z.string(),
      days_past_due: z.number(),
      outstanding: z.number(),
      overdue_amount: z.number(),
    }),
  ),
});
export type Overdue = z.infer<typeof Overdue>;

/** `GET /reports/sales/orders`. */
export const SalesOrders = z.object({
  rows: z.array(
    z.object({
      order_id: z.string(),
      customer_id: z.string(),
      rep_id: z.string(),
      region: z.string(),
      segment: z.string(),
      currency: z.string(),
      confirmed_on: z.string(),
      booked: z.number(),
      status: z.string(),
    }),
  ),
});
export type SalesOrders = z.infer<typeof SalesOrders>;

/** `GET /reports/complaints/rows`. */
export const ComplaintRows = z.object({
  asOf: z.string(),
  rows: z.array(
    z.object({
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
    }),
  ),
});
export type ComplaintRows = z.infer<typeof ComplaintRows>;
