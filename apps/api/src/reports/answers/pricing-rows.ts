import { z } from 'zod';
import type * as P from '@salesbook/projections';

/** Row schemas of the product and pricing reads; each `satisfies` its row type. */

/** A product with the standard cost in force on the asked date (null for reps, and when none was set). */
export const ProductListRowSchema = z.strictObject({
  sku: z.string(),
  name: z.string(),
  category: z.string(),
  unit: z.string(),
  status: z.enum(['active', 'inactive']),
  registered_at: z.string(),
  currency: z.string(),
  standard_cost: z.number().int().nullable(),
  cost_effective_from: z.string().nullable(),
}) satisfies z.ZodType<P.ProductListRow>;

/** A price list with the number of skus it prices. */
export const PriceListRowSchema = z.strictObject({
  price_list_id: z.string(),
  name: z.string(),
  currency: z.string(),
  level: z.enum(['default', 'segment', 'region', 'customer']),
  audience_id: z.string().describe("The segment, region or customer id; '' for the default list"),
  valid_from: z.string(),
  valid_to: z.string().nullable(),
  skus: z.number().int(),
}) satisfies z.ZodType<P.PriceListListRow>;

const ids = z.array(z.string());

/** A promotion: period, status, benefit, budget and what it covers. */
export const PromotionRowSchema = z.strictObject({
  promotion_id: z.string(),
  name: z.string(),
  currency: z.string(),
  starts_on: z.string(),
  ends_on: z.string(),
  status: z.enum(['draft', 'approved', 'withdrawn']),
  benefit: z.enum(['percent_off', 'fixed_price']),
  percent_bp: z.number().int().nullable(),
  fixed_price: z.number().int().nullable(),
  budget: z.number().int().nullable(),
  skus: ids,
  categories: ids,
  segments: ids,
  regions: ids,
  drafted_by: z.string(),
  approved_by: z.string().nullable(),
});

/** A promotion as the API answers it: its lists parsed, the scoping column left out. */
export type PromotionAnswerRow = z.infer<typeof PromotionRowSchema>;
