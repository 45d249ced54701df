import type Database from 'better-sqlite3';
import { readReport, type LagOf } from '../runner/report.js';
import { prepared } from '../runner/statements.js';
import type { ReportResult } from '../runner/status.js';
import type { ProductRow } from './products.projection.js';

/** A product with its standard cost in force on the asked date in one currency (`null` when none was set by then). */
export type ProductListRow = ProductRow & {
  readonly currency: string;
  readonly standard_cost: number | null;
  readonly cost_effective_from: string | null;
};

/** Filters of the product list; `asOf` and `currency` pick the cost shown. */
export interface ProductListFilter {
  readonly asOf: string;
  readonly currency: string;
  readonly category?: string;
  readonly status?: 'active' | 'inactive';
}

/** The catalogue ordered by sku, each product with the standard cost in force on `asOf` in `currency`. */
export function queryProducts(
  db: Database.Database,
  lagOf: LagOf,
  filter: ProductListFilter,
): ReportResult<ProductListRow> {
  return readReport(
    db,
    'products',
    lagOf,
    () =>
      prepared(
        db,
        `SELECT p.*, @currency AS currency, c.amount AS standard_cost, c.effective_from AS cost_effective_from
       FROM products p
       LEFT JOIN product_costs c ON c.sku = p.sku AND c.currency = @currency
         AND c.effective_from = (SELECT MAX(effective_from) FROM product_costs x WHERE x.sku = p.sku AND x.currency = @currency AND x.effective_from <= @asOf)
       WHERE (@category IS NULL OR p.category = @category) AND (@status IS NULL OR p.status = @status)
       ORDER BY p.sku`,
      ).all({
        asOf: filter.asOf,
        currency: filter.currency,
        category: filter.category ?? null,
        status: filter.status ?? null,
      }) as ProductListRow[],
  );
}
