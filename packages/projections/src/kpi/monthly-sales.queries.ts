import type Database from 'better-sqlite3';
import { divideRoundHalfEven } from '@salesbook/domain';
import { ratio } from '../model/ratio.js';
import type { ReportScope } from '../model/report-filter.js';
import { scopeParams } from '../model/scope-sql.js';
import type { LagOf } from '../runner/report.js';
import type { ReportResult } from '../runner/status.js';
import type { CsatFigure, NpsFigure } from '../satisfaction/satisfaction-figures.js';
import { monthDays, shiftMonth } from './business-days.js';
import type { SalesGroupBy } from './kpi-sql.js';
import { readJoinedReport } from './kpi-report.js';
import * as read from './monthly-sales.sql.js';
import { comparison, type Comparison } from './comparison.js';
import { marginRows, type MarginRow } from '../pricing/margins.queries.js';

/** Parameters of `GET /reports/sales/monthly`. */
export interface MonthlySalesReportFilter {
  /** Business month `YYYY-MM`. */
  readonly month: string;
  readonly groupBy: SalesGroupBy;
  readonly scope?: ReportScope;
}

/** A customer or product and its booked sales in the month. */
export interface TopEntry {
  readonly id: string;
  readonly booked: number;
}

/** Money figures of one group in one currency (minor units). */
export interface MonthlySalesCurrencyFigures {
  readonly currency: string;
  /** Booked sales of the month: confirmations + amendments + short closes - cancellations dated in it. */
  readonly booked: number;
  /** The month's target of the group in this currency (rep or region scope), `null` when none (always for segments). */
  readonly target: number | null;
  /** booked / target. */
  readonly attainment: number | null;
  readonly orders_confirmed: number;
  /** Booked amount at confirmation of the month's orders / their number, rounded half to even; `null` without orders. */
  readonly average_order_value: number | null;
  readonly cancellations: number;
  readonly cancelled_amount: number;
  /** Collections received: payments less reversals dated in the month. */
  readonly collected: number;
  /** Due-based collection rate: collected_on_due / due (see README). */
  readonly collection_rate: number | null;
  readonly collection_due: number;
  readonly collected_on_due: number;
  /** Booked against the previous month and the same month of the previous year. */
  readonly booked_vs_previous_month: Comparison;
  readonly booked_vs_previous_year: Comparison;
  /** Top 5 by booked sales in the month (positive only), best first, ties by id. */
  readonly top_customers: readonly TopEntry[];
  readonly top_products: readonly TopEntry[];
  /** Gross margin of the orders confirmed in the month as they stand now (net sales less standard cost; see the margin report). */
  readonly margin: number;
  /** margin / their net sales that had a standard cost, 4 decimals; `null` without any. */
  readonly margin_pct: number | null;
}

/** One group (rep, region or segment) of the monthly sales report. */
export interface MonthlySalesReportRow {
  readonly month: string;
  readonly group_by: SalesGroupBy;
  readonly group: string;
  /** Orders confirmed in the month, all currencies. */
  readonly orders_confirmed: number;
  readonly orders_vs_previous_month: Comparison;
  readonly orders_vs_previous_year: Comparison;
  readonly cancellations: number;
  /** Complaints filed in the month. */
  readonly complaints: number;
  readonly csat: CsatFigure;
  readonly nps: NpsFigure;
  readonly currencies: readonly MonthlySalesCurrencyFigures[];
}

/** The projections the monthly report reads. */
export const MONTHLY_SALES_REPORT_SOURCES = [
  'sales_monthly',
  'sales_targets',
  'receivables_kpi',
  'satisfaction',
  'complaints',
  'customer_directory',
  'products',
] as const;

const TOP = 5;
const key = (grp: string, currency: string): string => JSON.stringify([grp, currency]);

type Split<T> = ReadonlyMap<string, T>;

/** Everything read for one month, keyed by group and currency (`key`) or by group. */
interface MonthReads {
  readonly current: Split<read.BookedRead>;
  readonly previous: Split<read.BookedRead>;
  readonly lastYear: Split<read.BookedRead>;
  readonly targets: Split<number>;
  readonly collections: Split<{ collected: number; due: number; collected_on_due: number }>;
  readonly customers: Split<TopEntry[]>;
  readonly products: Split<TopEntry[]>;
  readonly satisfaction: Split<{
    responses: number;
    satisfied: number;
    promoters: number;
    passives: number;
    detractors: number;
  }>;
  readonly complaints: Split<number>;
  readonly margins: Split<MarginRow>;
}

function readMonth(db: Database.Database, filter: MonthlySalesReportFilter): MonthReads {
  const { from, to } = monthDays(filter.month);
  const p: read.MonthlyParams = {
    month: filter.month,
    previousMonth: shiftMonth(filter.month, -1),
    lastYearMonth: shiftMonth(filter.month, -12),
    monthStart: from,
    monthEnd: to,
    ...scopeParams(filter.scope),
  };
  const g = filter.groupBy;
  const booked = read.readMonthlyBooked(db, g, p);
  const byMonth = (month: string) =>
    new Map(booked.filter((b) => b.business_month === month).map((b) => [key(b.grp, b.currency), b]));
  const tops = (source: 'customers' | 'products') => {
    const ranked = new Map<string, TopEntry[]>();
    for (const r of read.readRanked(db, g, p, source)) {
      const list = ranked.get(key(r.grp, r.currency)) ?? [];
      if (list.length < TOP) ranked.set(key(r.grp, r.currency), [...list, { id: r.id, booked: r.booked }]);
    }
    return ranked;
  };
  return {
    current: byMonth(p.month),
    previous: byMonth(p.previousMonth),
    lastYear: byMonth(p.lastYearMonth),
    targets: new Map(read.readMonthTargets(db, g, p).map((t) => [key(t.grp, t.currency), t.target])),
    collections: new Map(read.readCollections(db, g, p).map((c) => [key(c.grp, c.currency), c])),
    customers: tops('customers'),
    products: tops('products'),
    satisfaction: new Map(read.readSatisfaction(db, g, p).map((s) => [s.grp, s])),
    complaints: new Map(read.readMonthlyComplaints(db, g, p).map((c) => [c.grp, c.complaints])),
    margins: new Map(
      marginRows(db, {
        first: from,
        last: to,
        groupBy: g,
        ...(filter.scope === undefined ? {} : { scope: filter.scope }),
      }).map((r) => [key(r.key, r.currency), r]),
    ),
  };
}

function currencyFigures(m: MonthReads, group: string, currency: string): MonthlySalesCurrencyFigures {
  const k = key(group, currency);
  const b = m.current.get(k);
  const c = m.collections.get(k);
  const target = m.targets.get(k) ?? null;
  const amount = b?.booked ?? 0;
  return {
    currency,
    booked: amount,
    target,
    attainment: target === null ? null : ratio(amount, target),
    orders_confirmed: b?.orders_confirmed ?? 0,
    average_order_value:
      b === undefined || b.orders_confirmed === 0 ? null : divideRoundHalfEven(b.confirmed_amount, b.orders_confirmed),
    cancellations: b?.cancellations ?? 0,
    cancelled_amount: b?.cancelled_amount ?? 0,
    collected: c?.collected ?? 0,
    collection_rate: ratio(c?.collected_on_due ?? 0, c?.due ?? 0),
    collection_due: c?.due ?? 0,
    collected_on_due: c?.collected_on_due ?? 0,
    booked_vs_previous_month: comparison(amount, m.previous.get(k)?.booked ?? null),
    booked_vs_previous_year: comparison(amount, m.lastYear.get(k)?.booked ?? null),
    top_customers: m.customers.get(k) ?? [],
    top_products: m.products.get(k) ?? [],
    margin: m.margins.get(k)?.margin ?? 0,
    margin_pct: m.margins.get(k)?.margin_pct ?? null,
  };
}

/** Orders confirmed by `group` in a month's rows, `null` when the group has no row then. */
function ordersOf(rows: Split<read.BookedRead>, group: string): number | null {
  const mine = [...rows.values()].filter((r) => r.grp === group);
  return mine.length === 0 ? null : mine.reduce((sum, r) => sum + r.orders_confirmed, 0);
}

function groupRow(
  m: MonthReads,
  filter: MonthlySalesReportFilter,
  group: string,
  currencies: readonly MonthlySalesCurrencyFigures[],
): MonthlySalesReportRow {
  const s = m.satisfaction.get(group);
  const n = s?.responses ?? 0;
  const orders = ordersOf(m.current, group) ?? 0;
  return {
    month: filter.month,
    group_by: filter.groupBy,
    group,
    orders_confirmed: orders,
    orders_vs_previous_month: comparison(orders, ordersOf(m.previous, group)),
    orders_vs_previous_year: comparison(orders, ordersOf(m.lastYear, group)),
    cancellations: currencies.reduce((sum, f) => sum + f.cancellations, 0),
    complaints: m.complaints.get(group) ?? 0,
    csat: { value: ratio(s?.satisfied ?? 0, n), n, satisfied: s?.satisfied ?? 0 },
    nps: {
      value: ratio((s?.promoters ?? 0) - (s?.detractors ?? 0), n),
      n,
      promoters: s?.promoters ?? 0,
      passives: s?.passives ?? 0,
      detractors: s?.detractors ?? 0,
    },
    currencies,
  };
}

/** Reads every figure of the month for `groupBy` and assembles one row per group with any figure in the month. */
export function monthlySalesRows(db: Database.Database, filter: MonthlySalesReportFilter): MonthlySalesReportRow[] {
  const m = readMonth(db, filter);
  const pairs = [...new Set([...m.current.keys(), ...m.targets.keys(), ...m.collections.keys()])].map(
    (k) => JSON.parse(k) as [string, string],
  );
  const groups = new Set([...pairs.map(([grp]) => grp), ...m.satisfaction.keys(), ...m.complaints.keys()]);
  return [...groups].sort().map((group) => {
    const currencies = pairs
      .filter(([grp]) => grp === group)
      .map(([, currency]) => currency)
      .sort();
    return groupRow(
      m,
      filter,
      group,
      currencies.map((currency) => currencyFigures(m, group, currency)),
    );
  });
}

/**
 * The monthly sales report (docs/reports.md) by rep, region or segment (the segment recorded at
 * confirmation): booked vs target, orders, average order value, cancellations, collections and the due-based
 * collection rate, CSAT and NPS with n, complaints, changes against the previous month and year, top 5
 * customers and products. Carries the lowest checkpoint of the projections it joins and their highest lag.
 */
export function queryMonthlySalesReport(
  db: Database.Database,
  lagOf: LagOf,
  filter: MonthlySalesReportFilter,
): ReportResult<MonthlySalesReportRow> {
  const result = readJoinedReport(db, MONTHLY_SALES_REPORT_SOURCES, lagOf, () => monthlySalesRows(db, filter));
  return { rows: result.report, position: result.position, lag: result.lag };
}
