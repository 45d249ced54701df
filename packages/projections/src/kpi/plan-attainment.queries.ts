import type Database from 'better-sqlite3';
import { periodMonths } from '@salesbook/domain';
import { ratio } from '../model/ratio.js';
import type { ReportScope } from '../model/report-filter.js';
import { prepared } from '../runner/statements.js';
import { monthDays } from './business-days.js';
import { PLAN_TARGETS_SQL } from './plan-targets.sql.js';

/** The projections plan attainment reads: the targets (and their splits), booked sales by day, receivables by day and the customers. */
export const PLAN_ATTAINMENT_SOURCES = ['sales_targets', 'forecast_bookings', 'receivables_kpi', 'customer_directory'];

/** One target's attainment to the end of a month: the figure of the period's days up to then against the target. */
export type PlanAttainmentRow = {
  /** The rep or region the target is for. */
  readonly group: string;
  /** `YYYY-MM`, `YYYY-Qn` or `YYYY`: the month asked for, its quarter and its year. */
  readonly period: string;
  /** `booked`, `collected` or `newCustomers`. */
  readonly measure: string;
  readonly currency: string;
  /** Minor units, or a number of customers for `newCustomers`. */
  readonly target: number;
  /** The measure from the period's first day to the end of the month asked for (period to date). */
  readonly actual: number;
  /** actual / target, 4 decimals. */
  readonly attainment: number | null;
  /**
   * A region target split across its reps: the sum of those reps' targets in force (equal to `target` while the split
   * holds; a later revision of the region's target or a rep's own target shows as a difference). Null otherwise.
   */
  readonly splitTotal: number | null;
};

type TargetRow = {
  readonly period: string;
  readonly measure: string;
  readonly scope_id: string;
  readonly currency: string;
  readonly amount: number;
  readonly split_total: number | null;
  readonly split?: number;
};

/** Which targets: those of the month, its quarter and its year, for reps or regions, within the reader's scope. */
export interface PlanAttainmentFilter {
  readonly month: string;
  readonly groupBy: 'rep' | 'region';
  readonly scope?: ReportScope;
}

const quarterOf = (month: string): string =>
  `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5)) - 1) / 3) + 1}`;

const ACTUAL_SQL: Record<'rep' | 'region', Record<string, string>> = {
  rep: {
    booked: `SELECT COALESCE(SUM(booked), 0) AS n FROM booked_daily WHERE rep_id = @id AND currency = @currency AND business_date BETWEEN @from AND @to`,
    collected: `SELECT COALESCE(SUM(received - reversed), 0) AS n FROM kpi_receivables_daily WHERE rep_id = @id AND currency = @currency AND business_date BETWEEN @from AND @to`,
    newCustomers: `SELECT COALESCE(SUM(new_customers), 0) AS n FROM new_customers_daily WHERE rep_id = @id AND business_date BETWEEN @from AND @to`,
  },
  region: {
    booked: `SELECT COALESCE(SUM(booked), 0) AS n FROM booked_daily WHERE region = @id AND currency = @currency AND business_date BETWEEN @from AND @to`,
    collected: `SELECT COALESCE(SUM(received - reversed), 0) AS n FROM kpi_receivables_daily WHERE region = @id AND currency = @currency AND business_date BETWEEN @from AND @to`,
    newCustomers: `SELECT COALESCE(SUM(new_customers), 0) AS n FROM new_customers_daily WHERE region = @id AND business_date BETWEEN @from AND @to`,
  },
};

/**
 * The attainment of every target of the month, its quarter and its year (rep or region targets, in the reader's
 * scope): booked sales, collected sales (received less reversed) or customers registered (attributed as registered),
 * from the period's first day to the end of `month`. Sorted by group, period length (month first), measure, currency.
 */
export function planAttainment(db: Database.Database, filter: PlanAttainmentFilter): PlanAttainmentRow[] {
  const { month, groupBy, scope } = filter;
  // A rep reads their own figures: a region's target is not theirs to read against.
  if (groupBy === 'region' && scope?.repId !== undefined) return [];
  const periods = [month, quarterOf(month), month.slice(0, 4)];
  const targets = prepared(db, PLAN_TARGETS_SQL[groupBy]).all({
    m: periods[0],
    q: periods[1],
    y: periods[2],
    region: scope?.region ?? null,
    ...(groupBy === 'rep' ? { repId: scope?.repId ?? null } : {}),
  }) as TargetRow[];
  const to = monthDays(month).to;
  return targets.map((t) => {
    const from = `${periodMonths(t.period)[0] ?? month}-01`;
    const sql = ACTUAL_SQL[groupBy][t.measure];
    const actual =
      sql === undefined
        ? 0
        : (prepared(db, sql).get({ id: t.scope_id, currency: t.currency, from, to }) as { n: number }).n;
    return {
      group: t.scope_id,
      period: t.period,
      measure: t.measure,
      currency: t.currency,
      target: t.amount,
      actual,
      attainment: ratio(actual, t.amount),
      splitTotal: t.split === 1 ? t.split_total : null,
    };
  });
}
