import type Database from 'better-sqlite3';
import { lineAmount, sumMinor } from '@salesbook/domain';
import type { BookedLine } from '../kpi/booking.js';
import type { ReportScope } from '../model/report-filter.js';
import { scopeCondition, scopeParams } from '../model/scope-sql.js';
import { ratio } from '../model/ratio.js';
import { readReport, type LagOf } from '../runner/report.js';
import { prepared } from '../runner/statements.js';
import type { ReportResult } from '../runner/status.js';

/** What the margin report groups by. */
export type MarginGroupBy = 'product' | 'category' | 'rep' | 'region' | 'customer' | 'segment';

/** Gross margin of one group in one currency (minor units); `margin_pct` over the costed sales, `null` when none. */
export type MarginRow = {
  readonly key: string;
  readonly currency: string;
  readonly quantity: number;
  readonly net_sales: number;
  /** Net sales of lines whose sku had no standard cost in force on the order date (left out of the margin). */
  readonly uncosted_sales: number;
  readonly cost: number;
  readonly margin: number;
  readonly margin_pct: number | null;
};

/** Filters of the margin report: business dates of confirmation, both included, and the reader's scope. */
export interface MarginFilter {
  readonly first: string;
  readonly last: string;
  readonly groupBy: MarginGroupBy;
  readonly scope?: ReportScope;
}

/** A confirmed order as `sales_orders` keeps it, with its lines as JSON. */
export type OrderLinesRow = {
  order_id: string;
  customer_id: string;
  rep_id: string;
  region: string;
  segment: string;
  currency: string;
  confirmed_on: string;
  lines: string;
};

/** One line with its net sales and its standard cost on the order date (`null` when none was in force). */
interface CostedLine {
  readonly key: string;
  readonly currency: string;
  readonly quantity: number;
  readonly net: number;
  readonly cost: number | null;
}

/** The group of a line of `order`: the sku, its category, or one of the order's attributes. */
export const keyOf = (
  groupBy: MarginGroupBy,
  order: OrderLinesRow,
  sku: string,
  category: string | undefined,
): string => {
  switch (groupBy) {
    case 'product':
      return sku;
    case 'category':
      return category ?? '';
    case 'rep':
      return order.rep_id;
    case 'region':
      return order.region;
    case 'customer':
      return order.customer_id;
    case 'segment':
      return order.segment;
  }
};

function costedLines(db: Database.Database, filter: MarginFilter): CostedLine[] {
  const orders = prepared(
    db,
    `SELECT order_id, customer_id, rep_id, region, segment, currency, confirmed_on, lines FROM sales_orders
     WHERE status = 'confirmed' AND confirmed_on BETWEEN @first AND @last AND ${scopeCondition()}
     ORDER BY order_id`,
  ).all({
    first: filter.first,
    last: filter.last,
    ...scopeParams(filter.scope),
  }) as OrderLinesRow[];
  const costOn = prepared(
    db,
    `SELECT amount FROM product_costs WHERE sku = @sku AND currency = @currency AND effective_from <= @on ORDER BY effective_from DESC LIMIT 1`,
  );
  const categories = new Map(
    (prepared(db, 'SELECT sku, category FROM products').all() as { sku: string; category: string }[]).map((row) => [
      row.sku,
      row.category,
    ]),
  );
  return orders.flatMap((order) =>
    (JSON.parse(order.lines) as BookedLine[]).map((line) => {
      const cost = costOn.get({ sku: line.sku, currency: order.currency, on: order.confirmed_on }) as
        { amount: number } | undefined;
      const key = keyOf(filter.groupBy, order, line.sku, categories.get(line.sku));
      return {
        key,
        currency: order.currency,
        quantity: line.quantity,
        net: lineAmount(line),
        cost: cost === undefined ? null : cost.amount * line.quantity,
      };
    }),
  );
}

const total = (lines: readonly CostedLine[], pick: (line: CostedLine) => number): number => sumMinor(lines.map(pick));

/**
 * Gross margin of the orders confirmed between `first` and `last` (their lines as they stand now: amendments and short
 * closes included, cancelled orders left out), per group and currency: net sales less the standard cost in force on
 * the order's confirmation date times the quantity. Lines without a cost then count in `uncosted_sales` only.
 */
export function marginRows(db: Database.Database, filter: MarginFilter): MarginRow[] {
  const groups = new Map<string, CostedLine[]>();
  for (const line of costedLines(db, filter)) {
    const key = JSON.stringify([line.key, line.currency]);
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  return [...groups.values()]
    .map((lines) => {
      const costed = lines.filter((line) => line.cost !== null);
      const costedSales = total(costed, (line) => line.net);
      const cost = total(costed, (line) => line.cost ?? 0);
      const net = total(lines, (line) => line.net);
      const first = lines[0] as CostedLine;
      return {
        key: first.key,
        currency: first.currency,
        quantity: total(lines, (l) => l.quantity),
        net_sales: net,
        uncosted_sales: net - costedSales,
        cost,
        margin: costedSales - cost,
        margin_pct: ratio(costedSales - cost, costedSales),
      };
    })
    .sort((a, b) => (a.key === b.key ? (a.currency < b.currency ? -1 : 1) : a.key < b.key ? -1 : 1));
}

/** {@link marginRows} with the position and lag of the sales read model. */
export function queryMargins(db: Database.Database, lagOf: LagOf, filter: MarginFilter): ReportResult<MarginRow> {
  return readReport(db, 'sales_monthly', lagOf, () => marginRows(db, filter));
}
