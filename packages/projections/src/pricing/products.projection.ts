import type { RecordedEvent } from '@salesbook/eventstore';
import { decodeEvent } from '../model/decode.js';
import type { Projection } from '../model/projection.js';
import { defineTable, upsert, type RowReader, type RowWrite } from '../model/table.js';

/** One product of the catalogue as it is now. */
export type ProductRow = {
  readonly sku: string;
  readonly name: string;
  readonly category: string;
  readonly unit: string;
  /** `active` or `inactive`. */
  readonly status: string;
  readonly registered_at: string;
};

/** The `products` read model: one row per registered product. */
export const productsTable = defineTable<ProductRow, 'sku'>({
  name: 'products',
  columns: { sku: 'TEXT', name: 'TEXT', category: 'TEXT', unit: 'TEXT', status: 'TEXT', registered_at: 'TEXT' },
  primaryKey: ['sku'],
  indexes: [['category']],
});

/** One standard cost of a product: the cost of one unit in `currency` from `effective_from` until the next one. */
export type ProductCostRow = {
  readonly sku: string;
  readonly currency: string;
  readonly effective_from: string;
  readonly amount: number;
};

/** The `product_costs` read model: every standard cost set, one per sku x currency x date (a correction replaces it). */
export const productCostsTable = defineTable<ProductCostRow, 'sku' | 'currency' | 'effective_from'>({
  name: 'product_costs',
  columns: { sku: 'TEXT', currency: 'TEXT', effective_from: 'TEXT', amount: 'INTEGER' },
  primaryKey: ['sku', 'currency', 'effective_from'],
});

const HANDLED = new Set([
  'ProductRegistered',
  'ProductRevised',
  'StandardCostSet',
  'ProductDeactivated',
  'ProductReactivated',
]);

const existing = (rows: RowReader, sku: string): ProductRow => {
  const row = rows.get(productsTable, { sku });
  if (row === undefined)
    throw new Error(`product ${sku} is not in the catalogue (no ProductRegistered before this event)`);
  return row;
};

function project(event: RecordedEvent, rows: RowReader): readonly RowWrite[] {
  if (!HANDLED.has(event.type)) return [];
  const decoded = decodeEvent(event);
  switch (decoded.type) {
    case 'ProductRegistered': {
      const { sku, name, category, unit, registeredAt } = decoded.data;
      return [upsert(productsTable, { sku, name, category, unit, status: 'active', registered_at: registeredAt })];
    }
    case 'ProductRevised': {
      const { sku, name, category, unit } = decoded.data;
      return [upsert(productsTable, { ...existing(rows, sku), name, category, unit })];
    }
    case 'StandardCostSet': {
      const { sku, currency, effectiveFrom, amount } = decoded.data;
      return [upsert(productCostsTable, { sku, currency, effective_from: effectiveFrom, amount })];
    }
    case 'ProductDeactivated':
      return [upsert(productsTable, { ...existing(rows, decoded.data.sku), status: 'inactive' })];
    case 'ProductReactivated':
      return [upsert(productsTable, { ...existing(rows, decoded.data.sku), status: 'active' })];
    default:
      return [];
  }
}

/** The product catalogue and its standard costs (margins read costs from here). */
export const productsProjection: Projection = {
  name: 'products',
  handles: HANDLED,
  version: 1,
  tables: [productsTable, productCostsTable],
  project,
};
