import { z } from 'zod';

// The parts of the margin and promotion answers the pricing panels read; anything else in an answer is ignored.
const ratio = z.number().nullable();

/** `GET /reports/margins`. */
export const Margins = z.object({
  rows: z.array(
    z.object({
      key: z.string(),
      currency: z.string(),
      net_sales: z.number(),
      uncosted_sales: z.number(),
      cost: z.number(),
      margin: z.number(),
      margin_pct: ratio,
    }),
  ),
});
export type Margins = z.infer<typeof Margins>;

/** `GET /promotions`. */
export const PromotionList = z.object({
  rows: z.array(
    z.object({
      promotion_id: z.string(),
      name: z.string(),
      currency: z.string(),
      starts_on: z.string(),
      ends_on: z.string(),
    }),
  ),
});

const Window = z.object({
  window: z.enum(['during', 'baseline']),
  from: z.string(),
  to: z.string(),
  quantity: z.number(),
  net_sales: z.number(),
});

/** `GET /reports/promotions/:promotionId/effectiveness`. */
export const PromotionEffect = z.object({
  promotionId: z.string(),
  name: z.string(),
  currency: z.string(),
  rows: z.array(Window),
  effect: z.object({
    quantity: z.number(),
    net_sales: z.number(),
    discount_cost: z.number(),
    incremental_margin: z.number(),
    sales_lift: ratio,
  }),
  statisticalBaseline: z
    .object({
      method: z.enum(['none', 'flat', 'ets-theta', 'theta']),
      history_months: z.number(),
      quantity: z.number(),
      net_sales: z.number(),
    })
    .nullable(),
  statisticalEffect: z.object({ quantity: z.number(), net_sales: z.number(), sales_lift: ratio }).nullable(),
});
export type PromotionEffect = z.infer<typeof PromotionEffect>;
