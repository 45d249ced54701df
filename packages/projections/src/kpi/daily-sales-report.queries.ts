import type Database from 'better-sqlite3';
import { DEFAULT_BUSINESS_ZONE } from '../model/business-time.js';
import { ratio } from '../model/ratio.js';
import type { ReportScope } from '../model/report-filter.js';
import { scopeParams } from '../model/scope-sql.js';
import type { LagOf } from '../runner/report.js';
import type { ReportResult } from '../runner/status.js';
import { shiftDate } from './business-days.js';
import * as read from './daily-sales-report.sql.js';
import type { BookingCounters } from './booking-counters.js';
import { readJoinedReport } from './kpi-report.js';

/** Parameters of `GET /reports/sales/daily`. */
export interface DailySalesReportFilter {
  /** Business date `YYYY-MM-DD`. */
  readonly date: string;
  readonly groupBy: 'rep' | 'region';
  readonly scope?: ReportScope;
  /** Business time zone the projections were built in (default `Asia/Shanghai`): closings are dated in it. */
  readonly zone?: string;
}

/** The money figures of one group in one currency (minor units), each labelled booked, invoiced or collected. */
export interface DailySalesCurrencyFigures extends BookingCounters {
  readonly currency: string;
  /** Booked sales of the day: confirmed + amendments + short closes - cancelled. */
  readonly booked: number;
  /** Booked sales from the 1st of the month to the day. */
  readonly month_to_date_booked: number;
  /** The month's target for the group in this currency, `null` when none is set. */
  readonly target: number | null;
  /** month_to_date_booked / target, `null` without a target. */
  readonly month_to_date_attainment: number | null;
  /** Receivables opened less credit notes, by issue / credit date. */
  readonly invoiced: number;
  /** Payments less reversals, by received / reversal date. */
  readonly collected: number;
  /** Installments due the previous day and still outstanding at the end of it. */
  readonly newly_overdue_installments: number;
  readonly newly_overdue_amount: number;
}

/** One row of the daily sales report: a group (rep or region) on one business day. */
export interface DailySalesReportRow {
  readonly business_date: string;
  readonly group_by: 'rep' | 'region';
  readonly group: string;
  readonly orders_confirmed: number;
  readonly cancellations: number;
  readonly shipments: number;
  readonly deliveries_on_time: number;
  readonly deliveries_late: number;
  readonly deliveries_due_tomorrow: number;
  readonly complaints_opened: number;
  readonly complaints_closed: number;
  readonly new_customers: number;
  /** Money figures per currency, never summed across currencies; ordered by currency. */
  readonly currencies: readonly DailySalesCurrencyFigures[];
}

const COUNTS = [
  'shipments',
  'deliveries_on_time',
  'deliveries_late',
  'deliveries_due_tomorrow',
  'complaints_opened',
  'complaints_closed',
  'new_customers',
] as const;
const MONEY = [
  'orders_confirmed',
  'confirmed_amount',
  'amendments_delta',
  'closes_delta',
  'cancellations',
  'cancelled_amount',
  'booked',
  'month_to_date_booked',
  'invoiced',
  'collected',
  'newly_overdue_installments',
  'newly_overdue_amount',
] as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Counts = Record<(typeof COUNTS)[number], number>;
type Money = Record<(typeof MONEY)[number], number> & { target: number | null };

/** The projections the daily report reads. */
export const DAILY_SALES_REPORT_SOURCES = [
  'daily_sales',
  'sales_targets',
  'receivables_kpi',
  'fulfilment',
  'complaints',
  'customer_directory',
] as const;

const zeroCounts = (): Counts => Object.fromEntries(COUNTS.map((c) => [c, 0])) as Counts;
const zeroMoney = (): Money => ({
  ...(Object.fromEntries(MONEY.map((c) => [c, 0])) as Record<(typeof MONEY)[number], number>),
  target: null,
});

function assemble(
  filter: DailySalesReportFilter,
  counts: readonly read.CountRead[],
  money: readonly read.CurrencyRead[],
): DailySalesReportRow[] {
  const groups = new Map<string, { counts: Counts; currencies: Map<string, Money> }>();
  const groupOf = (grp: string) =>
    groups.get(grp) ?? groups.set(grp, { counts: zeroCounts(), currencies: new Map() }).get(grp);
  for (const row of counts) {
    const entry: Mutable<Counts> | undefined = groupOf(row.grp)?.counts;
    for (const c of COUNTS) if (entry !== undefined && typeof row[c] === 'number') entry[c] += row[c];
  }
  for (const row of money) {
    const currencies = groupOf(row.grp)?.currencies;
    const figures = currencies?.get(row.currency) ?? zeroMoney();
    currencies?.set(row.currency, figures);
    for (const c of MONEY) if (typeof row[c] === 'number') figures[c] += row[c];
    if (typeof row['target'] === 'number') figures.target = row['target'];
  }
  return [...groups.keys()].sort().flatMap((group) => {
    const entry = groups.get(group);
    if (entry === undefined) return [];
    const currencies = [...entry.currencies.keys()].sort().flatMap((currency) => {
      const m = entry.currencies.get(currency);
      return m === undefined
        ? []
        : [
            {
              currency,
              ...m,
              month_to_date_attainment: m.target === null ? null : ratio(m.month_to_date_booked, m.target),
            },
          ];
    });
    const total = (c: 'orders_confirmed' | 'cancellations'): number => currencies.reduce((sum, f) => sum + f[c], 0);
    return [
      {
        business_date: filter.date,
        group_by: filter.groupBy,
        group,
        orders_confirmed: total('orders_confirmed'),
        cancellations: total('cancellations'),
        ...entry.counts,
        currencies,
      },
    ];
  });
}

/**
 * The daily sales report (docs/reports.md) for one business day, one row per rep or region with any
 * figure that day, month-to-date booked sales or a target that month. Money is per currency; ratios follow
 * `ratio` (null without a target). Carries the lowest checkpoint of the projections it joins and their highest lag.
 */
export function queryDailySalesReport(
  db: Database.Database,
  lagOf: LagOf,
  filter: DailySalesReportFilter,
): ReportResult<DailySalesReportRow> {
  const p: read.DailyParams = {
    date: filter.date,
    previousDay: shiftDate(filter.date, -1),
    nextDay: shiftDate(filter.date, 1),
    monthStart: `${filter.date.slice(0, 7)}-01`,
    month: filter.date.slice(0, 7),
    ...scopeParams(filter.scope),
  };
  const g = filter.groupBy;
  const result = readJoinedReport(db, DAILY_SALES_REPORT_SOURCES, lagOf, () =>
    assemble(
      filter,
      [
        ...read.readFulfilment(db, g, p),
        ...read.readDueTomorrow(db, g, p),
        ...read.readComplaints(db, g, p, filter.zone ?? DEFAULT_BUSINESS_ZONE),
        ...read.readNewCustomers(db, g, p),
      ],
      [
        ...read.readBooked(db, g, p),
        ...read.readTargets(db, g, p),
        ...read.readReceivables(db, g, p),
        ...read.readNewlyOverdue(db, g, p),
      ],
    ),
  );
  return { rows: result.report, position: result.position, lag: result.lag };
}
