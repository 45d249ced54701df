import type Database from 'better-sqlite3';
import {
  CustomerId,
  Currency,
  PriceListId,
  QuantityBreak,
  RegionId,
  Segment,
  Sku,
  type PriceListAudience,
  type PriceListFacts,
} from '@salesbook/domain';
import type { ReportScope } from '../model/report-filter.js';
import { scopeCondition, scopeParams } from '../model/scope-sql.js';
import { readReport, type LagOf } from '../runner/report.js';
import { prepared } from '../runner/statements.js';
import type { ReportResult } from '../runner/status.js';
import type { ListPriceRow, PriceListRow } from './price-lists.projection.js';

/** A price list with the number of skus it prices. */
export type PriceListListRow = PriceListRow & { readonly skus: number };

/** Filters of the price list query; `on` keeps the lists valid on that date. */
export interface PriceListFilter {
  readonly scope?: ReportScope;
  readonly currency?: string;
  readonly on?: string;
}

/**
 * The lists a scope may read: every default and segment list; region lists of the scope's region; customer lists of
 * the customers the scope covers (a rep's own customers, a region's customers), by the customer directory.
 */
const SCOPED = `(@repId IS NULL AND @region IS NULL) OR l.level IN ('default', 'segment')
  OR (l.level = 'region' AND (@region IS NULL OR l.audience_id = @region) AND (@repId IS NULL OR l.audience_id = @repRegion))
  OR (l.level = 'customer' AND EXISTS (SELECT 1 FROM customer_directory c WHERE c.customer_id = l.audience_id
        AND ${scopeCondition({ rep: 'c.owner_rep_id', region: 'c.region' })}))`;

/** Price lists in the scope, by id, with their sku counts. */
export function queryPriceLists(
  db: Database.Database,
  lagOf: LagOf,
  filter: PriceListFilter & { readonly repRegion?: string },
): ReportResult<PriceListListRow> {
  return readReport(
    db,
    'price_lists',
    lagOf,
    () =>
      prepared(
        db,
        `SELECT l.*, (SELECT COUNT(*) FROM list_prices p WHERE p.price_list_id = l.price_list_id) AS skus
       FROM price_lists l
       WHERE (${SCOPED}) AND (@currency IS NULL OR l.currency = @currency)
         AND (@on IS NULL OR (l.valid_from <= @on AND (l.valid_to IS NULL OR l.valid_to >= @on)))
       ORDER BY l.price_list_id`,
      ).all({
        ...scopeParams(filter.scope),
        repRegion: filter.repRegion ?? null,
        currency: filter.currency ?? null,
        on: filter.on ?? null,
      }) as PriceListListRow[],
  );
}

const Breaks = QuantityBreak.array();

const audienceOf = (row: PriceListRow): PriceListAudience => {
  switch (row.level) {
    case 'segment':
      return { level: 'segment', segment: Segment.parse(row.audience_id) };
    case 'region':
      return { level: 'region', region: RegionId.parse(row.audience_id) };
    case 'customer':
      return { level: 'customer', customerId: CustomerId.parse(row.audience_id) };
    default:
      return { level: 'default' };
  }
};

/** Every list in `currency` valid on `on`, with all its prices, as the applicability rule takes them. */
export function priceListFactsOn(db: Database.Database, currency: string, on: string): PriceListFacts[] {
  const lists = prepared(
    db,
    `SELECT * FROM price_lists WHERE currency = @currency AND valid_from <= @on AND (valid_to IS NULL OR valid_to >= @on) ORDER BY price_list_id`,
  ).all({ currency, on }) as PriceListRow[];
  const prices = prepared(
    db,
    `SELECT p.* FROM list_prices p JOIN price_lists l USING (price_list_id) WHERE l.currency = @currency AND l.valid_from <= @on AND (l.valid_to IS NULL OR l.valid_to >= @on)`,
  ).all({ currency, on }) as ListPriceRow[];
  return lists.map((row) => ({
    priceListId: PriceListId.parse(row.price_list_id),
    currency: Currency.parse(row.currency),
    audience: audienceOf(row),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    prices: Object.fromEntries(
      prices
        .filter((p) => p.price_list_id === row.price_list_id)
        .map((p) => [
          p.sku,
          { sku: Sku.parse(p.sku), unitPrice: p.unit_price, breaks: Breaks.parse(JSON.parse(p.breaks)) },
        ]),
    ),
  }));
}
