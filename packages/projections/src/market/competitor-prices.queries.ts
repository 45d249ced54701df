import type Database from 'better-sqlite3';
import { divideRoundHalfEven, sumMinor } from '@salesbook/domain';
import { ratio, roundRatio } from '../model/ratio.js';
import { readReport, type LagOf } from '../runner/report.js';
import { prepared } from '../runner/statements.js';
import type { ReportResult } from '../runner/status.js';
import type { CompetitorPriceRow } from './market.projection.js';

/**
 * One competitor's prices for one sku (or one category) in one currency and unit over the range: the latest, the
 * lowest, the highest and how many were seen; our list price on the latest one's date beside it, and the price
 * position = our price / theirs (4 decimals; above 1 we are dearer). `category` is the observation's, or the sku's
 * in the catalogue.
 */
export type CompetitorPriceReportRow = {
  readonly competitor: string;
  readonly sku: string | null;
  readonly category: string | null;
  readonly currency: string;
  readonly unit: string;
  readonly observations: number;
  readonly latest: number;
  readonly latest_on: string;
  readonly min: number;
  readonly max: number;
  readonly our_list_price: number | null;
  readonly position: number | null;
};

/** The price position of a category in a currency: the mean of its rows' positions, over `rows` that have one. */
export type CategoryPositionRow = {
  readonly category: string;
  readonly currency: string;
  readonly rows: number;
  readonly position: number | null;
};

/** Business dates observed, both included; at most one of a sku and a category (a category takes its skus too). */
export interface CompetitorPriceFilter {
  readonly first: string;
  readonly last: string;
  readonly sku?: string;
  readonly category?: string;
}

type Observed = CompetitorPriceRow & { readonly product_category: string | null };

/** The default price list of `currency` valid on `on` (the latest to start, if two overlap), or `undefined`. */
const defaultListOn = (db: Database.Database, currency: string, on: string): string | undefined =>
  (
    prepared(
      db,
      `SELECT price_list_id FROM price_lists WHERE level = 'default' AND currency = @currency AND valid_from <= @on
       AND (valid_to IS NULL OR valid_to >= @on) ORDER BY valid_from DESC, price_list_id LIMIT 1`,
    ).get({ currency, on }) as { price_list_id: string } | undefined
  )?.price_list_id;

/**
 * Our list price on a date: a sku's unit price on the default list then valid; for a category observation, the mean
 * of the unit prices of the category's skus on that list (rounded half to even); `null` when there is none.
 */
function ourListPrice(db: Database.Database, row: Observed): number | null {
  const list = defaultListOn(db, row.currency, row.observed_on);
  if (list === undefined) return null;
  const prices = (
    prepared(
      db,
      `SELECT p.unit_price FROM list_prices p LEFT JOIN products c ON c.sku = p.sku WHERE p.price_list_id = @list
       AND ((@sku IS NOT NULL AND p.sku = @sku) OR (@sku IS NULL AND c.category = @category))`,
    ).all({ list, sku: row.sku, category: row.category }) as { unit_price: number }[]
  ).map((p) => p.unit_price);
  return prices.length === 0 ? null : divideRoundHalfEven(sumMinor(prices), prices.length);
}

function summarise(db: Database.Database, group: readonly Observed[]): CompetitorPriceReportRow {
  const latest = group[group.length - 1] as Observed;
  const prices = group.map((o) => o.price);
  const ours = ourListPrice(db, latest);
  return {
    ...{ competitor: latest.competitor, sku: latest.sku, category: latest.product_category },
    ...{ currency: latest.currency, unit: latest.unit, observations: group.length },
    ...{ latest: latest.price, latest_on: latest.observed_on, min: Math.min(...prices), max: Math.max(...prices) },
    our_list_price: ours,
    position: ours === null ? null : ratio(ours, latest.price),
  };
}

/** Competitor prices per competitor, sku or category, currency and unit, ordered by competitor then product. */
export function queryCompetitorPrices(
  db: Database.Database,
  lagOf: LagOf,
  filter: CompetitorPriceFilter,
): ReportResult<CompetitorPriceReportRow> {
  return readReport(db, 'market', lagOf, () => {
    const observed = prepared(
      db,
      `SELECT o.*, COALESCE(o.category, p.category) AS product_category FROM competitor_prices o
       LEFT JOIN products p ON p.sku = o.sku
       WHERE o.observed_on BETWEEN @first AND @last AND (@sku IS NULL OR o.sku = @sku)
         AND (@category IS NULL OR COALESCE(o.category, p.category) = @category)
       ORDER BY o.competitor, o.sku IS NULL, o.sku, o.category, o.currency, o.unit, o.observed_on, o.observation_id`,
    ).all({
      first: filter.first,
      last: filter.last,
      sku: filter.sku ?? null,
      category: filter.category ?? null,
    }) as Observed[];
    const groups = new Map<string, Observed[]>();
    for (const o of observed) {
      const key = JSON.stringify([o.competitor, o.sku, o.category, o.currency, o.unit]);
      groups.set(key, [...(groups.get(key) ?? []), o]);
    }
    return [...groups.values()].map((group) => summarise(db, group));
  });
}

/** The price position of each category and currency: the mean of its rows' positions, ordered by category. */
export function categoryPositions(rows: readonly CompetitorPriceReportRow[]): CategoryPositionRow[] {
  const groups = new Map<string, { category: string; currency: string; positions: number[] }>();
  for (const row of rows) {
    if (row.category === null) continue;
    const key = `${row.category} ${row.currency}`;
    const group = groups.get(key) ?? { category: row.category, currency: row.currency, positions: [] };
    if (row.position !== null) group.positions.push(row.position);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => (a.category === b.category ? (a.currency < b.currency ? -1 : 1) : a.category < b.category ? -1 : 1))
    .map(({ category, currency, positions }) => ({
      category,
      currency,
      rows: positions.length,
      position: positions.length === 0 ? null : roundRatio(positions.reduce((a, b) => a + b, 0) / positions.length),
    }));
}
