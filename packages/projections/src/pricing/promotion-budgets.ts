import type { OrderLine, SalesbookEvent } from '@salesbook/domain';
import { defineTable, remove, upsert, type RowReader, type RowWrite } from '../model/table.js';

/** What one order's lines take of promotions now: `{ promotionId: discount in minor units }` as JSON. */
export type PromotionDiscountRow = {
  readonly order_id: string;
  readonly currency: string;
  readonly given: string;
};

/** The `promotion_discounts` read model: one row per order that took a promotion, as its lines stand now. */
export const promotionDiscountsTable = defineTable<PromotionDiscountRow, 'order_id'>({
  name: 'promotion_discounts',
  columns: { order_id: 'TEXT', currency: 'TEXT', given: 'TEXT' },
  primaryKey: ['order_id'],
});

/** The discount each promotion gives on the lines, summed per promotion. */
export function givenByPromotion(lines: readonly OrderLine[]): Record<string, number> {
  const given: Record<string, number> = {};
  for (const { pricing } of lines) {
    if (pricing?.promotionId != null && pricing.promotionDiscount > 0)
      given[pricing.promotionId] = (given[pricing.promotionId] ?? 0) + pricing.promotionDiscount;
  }
  return given;
}

const write = (
  orderId: string,
  currency: string,
  lines: readonly OrderLine[],
  rows: RowReader,
): readonly RowWrite[] => {
  const given = givenByPromotion(lines);
  if (Object.keys(given).length > 0)
    return [upsert(promotionDiscountsTable, { order_id: orderId, currency, given: JSON.stringify(given) })];
  return rows.get(promotionDiscountsTable, { order_id: orderId }) === undefined
    ? []
    : [remove(promotionDiscountsTable, { order_id: orderId })];
};

/**
 * A promotion's budget counts the discount its lines give as the orders stand: placement and amendments set an
 * order's share, a cancellation gives it back; a short close keeps it (the discount was granted on what was ordered).
 */
export function projectPromotionDiscounts(event: SalesbookEvent, rows: RowReader): readonly RowWrite[] {
  switch (event.type) {
    case 'OrderPlaced':
      return write(event.data.orderId, event.data.currency, event.data.lines, rows);
    case 'OrderAmended':
      return write(event.data.orderId, event.data.currency, event.data.linesAfter, rows);
    case 'OrderCancelled':
      return write(event.data.orderId, event.data.currency, [], rows);
    default:
      return [];
  }
}
