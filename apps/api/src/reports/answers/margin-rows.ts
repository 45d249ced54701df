import { z } from 'zod';
import type * as P from '@salesbook/projections';

/** Gross margin of one group in one currency; `margin_pct` over the sales that had a standard cost (null without any). */
export const MarginRowSchema = z.strictObject({
  key: z
    .string()
    .describe(
      "The product's sku, its category, the rep, the region or the customer id, as grouped by; '' for an sku not in the catalogue",
    ),
  currency: z.string(),
  quantity: z.number().int(),
  net_sales: z.number().int().describe('Net sales of the lines (minor units): quantity x net price less line discount'),
  uncosted_sales: z
    .number()
    .int()
    .describe('Net sales of lines whose sku had no standard cost on the order date: left out of cost and margin'),
  cost: z.number().int().describe('Standard cost in force on the confirmation date x quantity, over the costed lines'),
  margin: z.number().int().describe('Costed net sales less cost'),
  margin_pct: z.number().nullable().describe('margin / costed net sales, 4 decimals (0.3917 = 39.17%)'),
}) satisfies z.ZodType<P.MarginRow>;
