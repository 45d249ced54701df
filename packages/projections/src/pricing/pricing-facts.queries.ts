import type Database from 'better-sqlite3';
import {
  Currency,
  PromotionBenefit,
  PromotionCoverage,
  PromotionId,
  type PricingFacts,
  type PromotionFacts,
} from '@salesbook/domain';
import { prepared } from '../runner/statements.js';
import { priceListFactsOn } from './price-lists.queries.js';
import type { PromotionRow } from './promotions.projection.js';

/** Whose lines are priced: the order's currency, business date and the customer's segment, and the skus named. */
export interface PricingQuery {
  readonly currency: string;
  readonly on: string;
  readonly segment: string;
  readonly skus: readonly string[];
}

const promotionFacts = (row: PromotionRow): PromotionFacts => ({
  promotionId: PromotionId.parse(row.promotion_id),
  currency: Currency.parse(row.currency),
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  coverage: PromotionCoverage.parse({
    skus: JSON.parse(row.skus),
    categories: JSON.parse(row.categories),
    segments: JSON.parse(row.segments),
    regions: JSON.parse(row.regions),
  }),
  benefit: PromotionBenefit.parse(
    row.benefit === 'percent_off'
      ? { kind: 'percent_off', percentBp: row.percent_bp }
      : { kind: 'fixed_price', unitPrice: row.fixed_price },
  ),
  budget: row.budget,
  approved: row.status === 'approved',
});

/** What each promotion's lines give now, summed over the orders that took it (minor units). */
export function promotionSpent(db: Database.Database, promotionIds: readonly string[]): Record<string, number> {
  if (promotionIds.length === 0) return {};
  const rows = prepared(
    db,
    `SELECT j.key AS promotion_id, SUM(j.value) AS given FROM promotion_discounts d, json_each(d.given) j GROUP BY j.key`,
  ).all() as {
    promotion_id: string;
    given: number;
  }[];
  return Object.fromEntries(
    rows.filter((row) => promotionIds.includes(row.promotion_id)).map((row) => [row.promotion_id, row.given]),
  );
}

/**
 * The pricing facts of an order from the read models: the lists in its currency valid on its date, the approved
 * promotions running that day, the categories of the skus, what each promotion has given so far and the budgets of
 * the approved ones (running or not).
 */
export function pricingFactsFor(db: Database.Database, query: PricingQuery): PricingFacts {
  const promotionRows = prepared(
    db,
    `SELECT * FROM promotions WHERE status = 'approved' AND currency = @currency AND starts_on <= @on AND ends_on >= @on ORDER BY promotion_id`,
  ).all({
    currency: query.currency,
    on: query.on,
  }) as PromotionRow[];
  const promotions = promotionRows.map(promotionFacts);
  const categories = prepared(
    db,
    `SELECT sku, category FROM products WHERE sku IN (SELECT value FROM json_each(@skus))`,
  ).all({ skus: JSON.stringify(query.skus) }) as { sku: string; category: string }[];
  // Every approved budget in the currency, ended ones too: an amendment may raise a line that took one.
  const budgeted = prepared(
    db,
    `SELECT promotion_id, budget FROM promotions WHERE status = 'approved' AND currency = @currency AND budget IS NOT NULL ORDER BY promotion_id`,
  ).all({
    currency: query.currency,
  }) as { promotion_id: string; budget: number }[];
  return {
    on: query.on,
    segment: query.segment,
    lists: priceListFactsOn(db, query.currency, query.on),
    promotions,
    categories: Object.fromEntries(categories.map((row) => [row.sku, row.category])),
    spent: promotionSpent(db, [
      ...new Set([...promotions.map((p) => p.promotionId), ...budgeted.map((row) => row.promotion_id)]),
    ]),
    budgets: Object.fromEntries(budgeted.map((row) => [row.promotion_id, row.budget])),
  };
}
