import type Database from 'better-sqlite3';
import { addDays, daysBetween, sumMinor } from '@salesbook/domain';
import type { BookedLine } from '../kpi/booking.js';
import type { ReportScope } from '../model/report-filter.js';
import { ratio } from '../model/ratio.js';
import { readReport, type LagOf } from '../runner/report.js';
import { prepared } from '../runner/statements.js';
import type { ReportResult } from '../runner/status.js';
import type { OrderLinesRow } from './margins.queries.js';
import { confirmedOrders, listedLine } from './price-realisation.queries.js';
import type { PromotionRow } from './promotions.projection.js';

/** The covered lines of the orders confirmed in one window (minor units of the promotion's currency). */
export type PromotionWindowRow = {
  /** `during` the promotion (its period after any early end) or the `baseline` of as many days just before it. */
  readonly window: 'during' | 'baseline';
  readonly from: string;
  readonly to: string;
  readonly orders: number;
  readonly quantity: number;
  readonly net_sales: number;
  /** What the promotion gave on these lines (lines that took it: list price less the higher of net and promoted price). */
  readonly discount_cost: number;
  readonly cost: number;
  /** Net sales of lines without a standard cost on the order date: left out of cost and margin. */
  readonly uncosted_sales: number;
  readonly margin: number;
};

/** The promotion's effect: during less baseline (units, sales, margin), the discount it cost and the sales lift. */
export type PromotionEffect = {
  readonly quantity: number;
  readonly net_sales: number;
  readonly discount_cost: number;
  readonly incremental_margin: number;
  /** (during - baseline) / baseline net sales, 4 decimals; `null` without baseline sales. */
  readonly sales_lift: number | null;
};

type Coverage = { skus: string[]; categories: string[]; segments: string[]; regions: string[] };

const coverageOf = (row: PromotionRow): Coverage => ({
  skus: JSON.parse(row.skus) as string[],
  categories: JSON.parse(row.categories) as string[],
  segments: JSON.parse(row.segments) as string[],
  regions: JSON.parse(row.regions) as string[],
});

/** Whether a line is one the promotion is about: its product, its audience, its currency (whether or not it took it). */
const covers = (
  coverage: Coverage,
  order: OrderLinesRow,
  sku: string,
  category: string | undefined,
  currency: string,
): boolean =>
  order.currency === currency &&
  (coverage.skus.includes(sku) || (category !== undefined && coverage.categories.includes(category))) &&
  (coverage.segments.length === 0 || coverage.segments.includes(order.segment)) &&
  (coverage.regions.length === 0 || coverage.regions.includes(order.region));

/** The lines a promotion covers of each order confirmed from `from` to `to` (business dates, both included) in `scope`. */
export function coveredLines(
  db: Database.Database,
  promotion: PromotionRow,
  from: string,
  to: string,
  scope: ReportScope | undefined,
): { readonly order: OrderLinesRow; readonly lines: readonly BookedLine[] }[] {
  const coverage = coverageOf(promotion);
  const categories = new Map(
    (prepared(db, 'SELECT sku, category FROM products').all() as { sku: string; category: string }[]).map((row) => [
      row.sku,
      row.category,
    ]),
  );
  return confirmedOrders(db, from, to, scope).map((order) => ({
    order,
    lines: (JSON.parse(order.lines) as BookedLine[]).filter((line) =>
      covers(coverage, order, line.sku, categories.get(line.sku), promotion.currency),
    ),
  }));
}

function windowRow(
  db: Database.Database,
  promotion: PromotionRow,
  window: PromotionWindowRow['window'],
  from: string,
  to: string,
  scope: ReportScope | undefined,
): PromotionWindowRow {
  const costOn = prepared(
    db,
    `SELECT amount FROM product_costs WHERE sku = @sku AND currency = @currency AND effective_from <= @on ORDER BY effective_from DESC LIMIT 1`,
  );
  const figures = {
    orders: 0,
    quantity: 0,
    net: [] as number[],
    discount: [] as number[],
    costed: [] as number[],
    cost: [] as number[],
  };
  for (const { order, lines } of coveredLines(db, promotion, from, to, scope)) {
    if (lines.length > 0) figures.orders += 1;
    for (const line of lines) {
      const { net, promotion: given } = listedLine(line);
      const unitCost = costOn.get({ sku: line.sku, currency: order.currency, on: order.confirmed_on }) as
        { amount: number } | undefined;
      figures.quantity += line.quantity;
      figures.net.push(net);
      if (line.pricing?.promotionId === promotion.promotion_id) figures.discount.push(given);
      if (unitCost !== undefined) {
        figures.costed.push(net);
        figures.cost.push(unitCost.amount * line.quantity);
      }
    }
  }
  const [net, costed, cost] = [sumMinor(figures.net), sumMinor(figures.costed), sumMinor(figures.cost)];
  return {
    window,
    from,
    to,
    orders: figures.orders,
    quantity: figures.quantity,
    net_sales: net,
    discount_cost: sumMinor(figures.discount),
    cost,
    uncosted_sales: net - costed,
    margin: costed - cost,
  };
}

/** The answer: the promotion, its two windows and the effect; `null` when the promotion is unknown or outside the scope. */
export interface PromotionEffectAnswer {
  readonly promotion: PromotionRow;
  readonly rows: readonly PromotionWindowRow[];
  readonly effect: PromotionEffect;
}

/**
 * A promotion's effect on the confirmed orders in `scope`: the lines it covers (its skus or categories, segments,
 * regions and currency, whether or not they took it) of the orders confirmed during its period against those of the
 * same number of days just before it (the baseline), the discount it cost and the margin it added. The second
 * baseline, the statistical forecast of its period, is `statisticalBaseline` (promotion-forecast.queries.ts).
 */
export function promotionEffect(
  db: Database.Database,
  promotionId: string,
  scope: ReportScope | undefined,
): PromotionEffectAnswer | null {
  const promotion = prepared(db, 'SELECT * FROM promotions WHERE promotion_id = ?').get(promotionId) as
    PromotionRow | undefined;
  if (promotion === undefined) return null;
  const days = daysBetween(promotion.starts_on, promotion.ends_on) + 1;
  const during = windowRow(db, promotion, 'during', promotion.starts_on, promotion.ends_on, scope);
  const baseline = windowRow(
    db,
    promotion,
    'baseline',
    addDays(promotion.starts_on, -days),
    addDays(promotion.starts_on, -1),
    scope,
  );
  return { promotion, rows: [during, baseline], effect: effectOf(during, baseline) };
}

/** During less baseline: units, net sales and margin; the discount cost of the period; the sales lift. */
export const effectOf = (during: PromotionWindowRow, baseline: PromotionWindowRow): PromotionEffect => ({
  quantity: during.quantity - baseline.quantity,
  net_sales: during.net_sales - baseline.net_sales,
  discount_cost: during.discount_cost,
  incremental_margin: during.margin - baseline.margin,
  sales_lift: ratio(during.net_sales - baseline.net_sales, baseline.net_sales),
});

/** {@link promotionEffect}'s windows with the position and lag of the sales read model (no rows for an unknown promotion). */
export function queryPromotionEffect(
  db: Database.Database,
  lagOf: LagOf,
  promotionId: string,
  scope: ReportScope | undefined,
): ReportResult<PromotionWindowRow> {
  return readReport(db, 'sales_monthly', lagOf, () => promotionEffect(db, promotionId, scope)?.rows ?? []);
}
