import { z } from 'zod';
import type * as P from '@salesbook/projections';

/** Price realisation of one group in one currency, over the lines priced from a list (minor units). */
export const RealisationRowSchema = z.strictObject({
  key: z
    .string()
    .describe(
      "The rep, the customer id, the product's sku, its category or the region, as grouped by; '' for an sku not in the catalogue",
    ),
  currency: z.string(),
  quantity: z.number().int().describe('Units of the lines priced from a list'),
  list_sales: z.number().int().describe('List price x quantity of the lines priced from a list'),
  net_sales: z.number().int().describe('What those lines were booked at: quantity x net price less line discount'),
  discount: z
    .number()
    .int()
    .describe('list_sales - net_sales: all discount given below list (negative when sold above it)'),
  promotion_discount: z
    .number()
    .int()
    .describe("The promotions' part of it: (list price - the higher of net and promoted price) x quantity"),
  other_discount: z
    .number()
    .int()
    .describe('discount - promotion_discount: typed prices and line discounts below the promoted price'),
  realisation: z
    .number()
    .nullable()
    .describe('net_sales / list_sales, 4 decimals (0.9312 = 93.12%); null without list sales'),
  unlisted_sales: z
    .number()
    .int()
    .describe(
      'Net sales of lines no price list priced (typed prices, orders before the lists): left out of the figures above',
    ),
}) satisfies z.ZodType<P.RealisationRow>;

/** One window of a promotion's effect: the covered lines of the orders confirmed in it. */
export const PromotionWindowRowSchema = z.strictObject({
  window: z
    .enum(['during', 'baseline'])
    .describe('during: the promotion period (after an early end); baseline: as many days just before it'),
  from: z.string(),
  to: z.string(),
  orders: z.number().int().describe('Confirmed orders with at least one covered line'),
  quantity: z.number().int().describe('Units of the covered lines (whether they took the promotion or not)'),
  net_sales: z.number().int().describe('Booked amount of the covered lines'),
  discount_cost: z.number().int().describe('What this promotion gave on the lines that took it'),
  cost: z.number().int().describe('Standard cost on the confirmation date x quantity, over the costed lines'),
  uncosted_sales: z
    .number()
    .int()
    .describe('Net sales of covered lines without a standard cost: left out of cost and margin'),
  margin: z.number().int().describe('Costed net sales less cost'),
}) satisfies z.ZodType<P.PromotionWindowRow>;

/** During less baseline. */
export const PromotionEffectSchema = z.strictObject({
  quantity: z.number().int().describe('Incremental units: during - baseline'),
  net_sales: z.number().int().describe('Incremental booked sales: during - baseline'),
  discount_cost: z.number().int().describe('What the promotion gave during its period'),
  incremental_margin: z
    .number()
    .int()
    .describe('Margin during - margin in the baseline (the discount cost is already inside the margin during)'),
  sales_lift: z
    .number()
    .nullable()
    .describe('(during - baseline) / baseline net sales, 4 decimals; null without baseline sales'),
}) satisfies z.ZodType<P.PromotionEffect>;

/** The statistical forecast of the covered lines over the promotion's period: the second baseline. */
export const StatisticalBaselineSchema = z.strictObject({
  from: z.string(),
  to: z.string(),
  method: z
    .enum(['none', 'flat', 'ets-theta', 'theta'])
    .describe(
      'flat: mean of the last 6 months (under 24 months of history); ets-theta: the mean of automatic exponential smoothing (ETS, least AICc) and the Theta method on the deseasonalised series; theta: the Theta method alone (no ETS model could be fitted)',
    ),
  history_months: z
    .number()
    .int()
    .describe('Whole months before the month the promotion starts it was fitted on, from the first with covered sales'),
  quantity: z.number().int().describe('Forecast units over the period (month forecasts prorated by days)'),
  net_sales: z.number().int().describe('Forecast booked sales over the period (month forecasts prorated by days)'),
}) satisfies z.ZodType<P.StatisticalBaseline>;

/** During less the statistical baseline. */
export const StatisticalEffectSchema = z.strictObject({
  quantity: z.number().int().describe('Units during - forecast units'),
  net_sales: z.number().int().describe('Booked sales during - forecast sales'),
  sales_lift: z.number().nullable().describe('(during - forecast) / forecast net sales, 4 decimals; null at 0'),
}) satisfies z.ZodType<P.StatisticalEffect>;
