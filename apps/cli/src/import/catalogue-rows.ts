import { joinReasons, say } from '../i18n/messages.js';
import type { CsvRow } from './csv-file.js';
import { FieldReader } from './fields.js';
import type { Problems } from './problems.js';

/** The columns of a catalogue CSV; the three cost columns are all empty on a row that sets no cost. */
export const CATALOGUE_COLUMNS = [
  'sku',
  'product_name',
  'category',
  'unit',
  'currency',
  'standard_cost',
  'cost_effective_from',
] as const;

/** One product of the file, with the standard costs its rows set (minor units). */
export interface CatalogueProduct {
  readonly line: number;
  readonly sku: string;
  readonly name: string;
  readonly category: string;
  readonly unit: string;
  readonly costs: { readonly currency: string; readonly amount: number; readonly effectiveFrom: string }[];
}

const COST_COLUMNS = ['currency', 'standard_cost', 'cost_effective_from'] as const;

/** The cost a row sets, none when its three cost columns are empty, or the reasons it is bad. */
function costOf(read: FieldReader): CatalogueProduct['costs'][number] | undefined {
  if (COST_COLUMNS.every((column) => read.raw(column) === '')) return undefined;
  const currency = read.currency('currency');
  const amount = read.money('standard_cost', currency, false);
  const effectiveFrom = read.date('cost_effective_from');
  return currency === undefined || amount === undefined || effectiveFrom === undefined
    ? undefined
    : { currency, amount, effectiveFrom };
}

/**
 * Checks every catalogue row: the product's fields, an optional cost, and that rows of one sku describe the same
 * product. Products come back in the order of their first row, each with every cost its rows set.
 */
export function readCatalogue(file: string, rows: readonly CsvRow[], problems: Problems): CatalogueProduct[] {
  const products = new Map<string, CatalogueProduct>();
  for (const row of rows) {
    if (row.malformed) continue;
    const read = new FieldReader(row.fields);
    const product = {
      sku: read.id('sku'),
      name: read.text('product_name', 200),
      category: read.text('category', 100),
      unit: read.text('unit', 20),
    };
    const cost = costOf(read);
    const reasons = [...read.reasons];
    const earlier = product.sku === undefined ? undefined : products.get(product.sku);
    if (
      earlier !== undefined &&
      (earlier.name !== product.name || earlier.category !== product.category || earlier.unit !== product.unit)
    ) {
      reasons.push(say('catalogue.otherProduct', { sku: earlier.sku, line: String(earlier.line) }));
    }
    if (
      reasons.length > 0 ||
      product.sku === undefined ||
      product.name === undefined ||
      product.category === undefined ||
      product.unit === undefined
    ) {
      problems.add(
        file,
        row.line,
        say('row.product', { id: row.fields['sku'] || say('row.noId'), reasons: joinReasons(reasons) }),
      );
      continue;
    }
    const entry = earlier ?? {
      line: row.line,
      sku: product.sku,
      name: product.name,
      category: product.category,
      unit: product.unit,
      costs: [],
    };
    if (cost !== undefined) entry.costs.push(cost);
    products.set(entry.sku, entry);
  }
  return [...products.values()];
}
