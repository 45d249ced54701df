import type Database from 'better-sqlite3';
import { sumMinor } from '@salesbook/domain';
import { ratio } from '../model/ratio.js';
import { periodMonths } from '../rankings/period.js';
import { readReport, type LagOf } from '../runner/report.js';
import { prepared } from '../runner/statements.js';
import type { ReportResult } from '../runner/status.js';
import type { MarketEstimateRow } from './market.projection.js';

/** What the market share report groups by. */
export type MarketShareGroupBy = 'region' | 'segment';

/**
 * Our share of the market of one region or segment in one currency: `booked` sales in the period against the
 * estimated `market` (minor units) and its range; `share` = booked / market (4 decimals). `market` is `null` when a
 * cell of the group (`region/segment`, listed in `missing`) has no estimate of the period: never 0.
 */
export type MarketShareRow = {
  readonly key: string;
  readonly currency: string;
  readonly booked: number;
  readonly market: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly share: number | null;
  readonly missing: readonly string[];
};

/** The report's period (`YYYY-MM`, `YYYY-Qn`, `YYYY`), grouping, and the region a regional manager is held to. */
export interface MarketShareFilter {
  readonly period: string;
  readonly groupBy: MarketShareGroupBy;
  readonly region?: string;
}

/** An estimate as the report reads it. */
export interface Estimate {
  readonly amount: number;
  readonly low: number | null;
  readonly high: number | null;
}

/** The quarters of a year, the months of a quarter; a month has no parts. */
function partsOf(period: string): string[] {
  if (period.length === 4) return [1, 2, 3, 4].map((q) => `${period}-Q${q}`);
  return period.includes('Q') ? periodMonths(period) : [];
}

const sumOrNull = (values: readonly (number | null)[]): number | null =>
  values.some((v) => v === null) ? null : sumMinor(values as number[]);

/**
 * The estimate of a cell for `period`: its own when recorded; else, for a quarter the sum of its three months' and
 * for a year the sum of its four quarters' (each read the same way), when every part has one; else `null`. A range
 * sums only when every part has one.
 */
export function estimateFor(estimates: ReadonlyMap<string, Estimate>, period: string): Estimate | null {
  const own = estimates.get(period);
  if (own !== undefined) return own;
  const parts = partsOf(period).map((part) => estimateFor(estimates, part));
  if (parts.length === 0 || parts.some((part) => part === null)) return null;
  const known = parts as Estimate[];
  return {
    amount: sumMinor(known.map((p) => p.amount)),
    low: sumOrNull(known.map((p) => p.low)),
    high: sumOrNull(known.map((p) => p.high)),
  };
}

interface Cell {
  readonly region: string;
  readonly segment: string;
  readonly currency: string;
  booked: number;
  readonly estimates: Map<string, Estimate>;
}

const lastDay = (month: string): string => {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** Every region x segment x currency with sales in the period or an estimate in its year, with both. */
function cellsOf(db: Database.Database, filter: MarketShareFilter): Cell[] {
  const months = periodMonths(filter.period);
  const region = filter.region ?? null;
  const cells = new Map<string, Cell>();
  const cell = (r: { region: string; segment: string; currency: string }): Cell => {
    const key = `${r.region}/${r.segment} ${r.currency}`;
    const found = cells.get(key) ?? { ...r, booked: 0, estimates: new Map<string, Estimate>() };
    cells.set(key, found);
    return found;
  };
  const booked = prepared(
    db,
    `SELECT region, segment, currency, SUM(booked) AS booked FROM booked_daily
     WHERE business_date BETWEEN @first AND @last AND (@region IS NULL OR region = @region)
     GROUP BY region, segment, currency`,
  ).all({ first: `${months[0]}-01`, last: lastDay(months.at(-1) ?? ''), region }) as {
    region: string;
    segment: string;
    currency: string;
    booked: number;
  }[];
  for (const row of booked) cell(row).booked = row.booked;
  const estimates = prepared(
    db,
    `SELECT * FROM market_estimates WHERE substr(period, 1, 4) = @year AND (@region IS NULL OR region = @region)`,
  ).all({ year: filter.period.slice(0, 4), region }) as MarketEstimateRow[];
  for (const row of estimates)
    cell(row).estimates.set(row.period, { amount: row.amount, low: row.low, high: row.high });
  return [...cells.values()];
}

/** Market share per region or segment and currency in a period, ordered by group and currency. */
export function queryMarketShare(
  db: Database.Database,
  lagOf: LagOf,
  filter: MarketShareFilter,
): ReportResult<MarketShareRow> {
  return readReport(db, 'market', lagOf, () => {
    const groups = new Map<string, { key: string; currency: string; cells: Cell[] }>();
    for (const cell of cellsOf(db, filter)) {
      const key = filter.groupBy === 'region' ? cell.region : cell.segment;
      const group = groups.get(`${key} ${cell.currency}`) ?? { key, currency: cell.currency, cells: [] };
      group.cells.push(cell);
      groups.set(`${key} ${cell.currency}`, group);
    }
    return [...groups.values()]
      .map(({ key, currency, cells }): MarketShareRow => {
        const resolved = cells.map((c) => ({ c, estimate: estimateFor(c.estimates, filter.period) }));
        const booked = sumMinor(cells.map((c) => c.booked));
        const missing = resolved.filter((r) => r.estimate === null).map((r) => `${r.c.region}/${r.c.segment}`);
        const known = resolved.flatMap((r) => (r.estimate === null ? [] : [r.estimate]));
        const market = missing.length > 0 ? null : sumMinor(known.map((e) => e.amount));
        return {
          ...{ key, currency, booked, market },
          low: market === null ? null : sumOrNull(known.map((e) => e.low)),
          high: market === null ? null : sumOrNull(known.map((e) => e.high)),
          share: market === null ? null : ratio(booked, market),
          missing: missing.sort(),
        };
      })
      .sort((a, b) => (a.key === b.key ? (a.currency < b.currency ? -1 : 1) : a.key < b.key ? -1 : 1));
  });
}
