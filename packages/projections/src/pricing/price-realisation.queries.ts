import type Database from 'better-sqlite3';
import { lineAmount, sumMinor } from '@salesbook/domain';
import type { BookedLine } from '../kpi/booking.js';
import type { ReportScope } from '../model/report-filter.js';
import { scopeCondition, scopeParams } from '../model/scope-sql.js';
import { ratio } from '../model/ratio.js';
import { readReport, type LagOf } from '../runner/report.js';
import { prepared } from '../runner/statements.js';
import type { ReportResult } from '../runner/status.js';
import { keyOf, type OrderLinesRow } from './margins.queries.js';

/** What the price realisation report groups by. */
export type RealisationGroupBy = 'rep' | 'customer' | 'product' | 'category' | 'region';

/**
 * Price realisation of one group in one currency (minor units). Over the lines priced from a list: `list_sales` at
 * list price, `net_sales` as booked, `discount` between them, of which `promotion_discount` the promotions gave;
 * `realisation` = net / list (4 decimals). Lines no list priced count in `unlisted_sales` only.
 */
export type RealisationRow = {
  readonly key: string;
  readonly currency: string;
  readonly quantity: number;
  readonly list_sales: number;
  readonly net_sales: number;
  readonly discount: number;
  readonly promotion_discount: number;
  readonly other_discount: number;
  readonly realisation: number | null;
  readonly unlisted_sales: number;
};

/** Filters of the report: business dates of confirmation, both included, and the reader's scope. */
export interface RealisationFilter {
  readonly first: string;
  readonly last: string;
  readonly groupBy: RealisationGroupBy;
  readonly scope?: ReportScope;
}

/** One line's figures: `list` is `null` for a line no list priced. */
export interface ListedLine {
  readonly quantity: number;
  readonly list: number | null;
  readonly net: number;
  readonly promotion: number;
}

/**
 * A line at list price and as booked. The promotion's part of the discount is what the net price passes on of it,
 * at the line's quantity now: (list price - the higher of the net and the promoted price) x quantity.
 */
export function listedLine(line: BookedLine): ListedLine {
  const net = lineAmount(line);
  const { pricing } = line;
  if (pricing === undefined) return { quantity: line.quantity, list: null, net, promotion: 0 };
  const promotion =
    pricing.promotionId === null
      ? 0
      : Math.max(0, pricing.listPrice - Math.max(line.unitPrice, pricing.promotedPrice)) * line.quantity;
  return { quantity: line.quantity, list: pricing.listPrice * line.quantity, net, promotion };
}

/** The confirmed orders of the period in the scope, their lines as they stand now (cancelled orders left out). */
export function confirmedOrders(
  db: Database.Database,
  first: string,
  last: string,
  scope: ReportScope | undefined,
): OrderLinesRow[] {
  return prepared(
    db,
    `SELECT order_id, customer_id, rep_id, region, segment, currency, confirmed_on, lines FROM sales_orders
     WHERE status = 'confirmed' AND confirmed_on BETWEEN @first AND @last AND ${scopeCondition()}
     ORDER BY order_id`,
  ).all({ first, last, ...scopeParams(scope) }) as OrderLinesRow[];
}

const rowOf = (key: string, currency: string, lines: readonly ListedLine[]): RealisationRow => {
  const listed = lines.filter((line) => line.list !== null);
  const sum = (pick: (line: ListedLine) => number, of: readonly ListedLine[] = listed): number =>
    sumMinor(of.map(pick));
  const list = sum((line) => line.list ?? 0);
  const net = sum((line) => line.net);
  const promotion = sum((line) => line.promotion);
  return {
    key,
    currency,
    quantity: sum((line) => line.quantity),
    list_sales: list,
    net_sales: net,
    discount: list - net,
    promotion_discount: promotion,
    other_discount: list - net - promotion,
    realisation: ratio(net, list),
    unlisted_sales: sum((line) => line.net, lines) - net,
  };
};

/**
 * Price realisation of the orders confirmed between `first` and `last`, per group and currency: what the lines priced
 * from a list were booked at against their list price. Competitor price position would join here once market
 * observations are recorded (TODO issue 19: no observation events exist yet).
 */
export function realisationRows(db: Database.Database, filter: RealisationFilter): RealisationRow[] {
  const categories = new Map(
    (prepared(db, 'SELECT sku, category FROM products').all() as { sku: string; category: string }[]).map((row) => [
      row.sku,
      row.category,
    ]),
  );
  const groups = new Map<string, { key: string; currency: string; lines: ListedLine[] }>();
  for (const order of confirmedOrders(db, filter.first, filter.last, filter.scope)) {
    for (const line of JSON.parse(order.lines) as BookedLine[]) {
      const key = keyOf(filter.groupBy, order, line.sku, categories.get(line.sku));
      const id = JSON.stringify([key, order.currency]);
      const group = groups.get(id) ?? { key, currency: order.currency, lines: [] };
      group.lines.push(listedLine(line));
      groups.set(id, group);
    }
  }
  return [...groups.values()]
    .map((group) => rowOf(group.key, group.currency, group.lines))
    .sort((a, b) => (a.key === b.key ? (a.currency < b.currency ? -1 : 1) : a.key < b.key ? -1 : 1));
}

/** {@link realisationRows} with the position and lag of the sales read model. */
export function queryPriceRealisation(
  db: Database.Database,
  lagOf: LagOf,
  filter: RealisationFilter,
): ReportResult<RealisationRow> {
  return readReport(db, 'sales_monthly', lagOf, () => realisationRows(db, filter));
}
