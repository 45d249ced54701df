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
