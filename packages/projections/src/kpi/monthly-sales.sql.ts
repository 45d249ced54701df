import type Database from 'better-sqlite3';
import { scopeCondition } from '../model/scope-sql.js';
import { groupColumn, select, type GroupColumns, type SalesGroupBy } from './kpi-sql.js';
import { monthTargetsSql } from './month-targets.sql.js';

/** Parameters the monthly reads bind: the month, its comparison months, its first and last day, and the role scope. */
export interface MonthlyParams {
  readonly [name: string]: string | null;
  readonly month: string;
  readonly previousMonth: string;
  readonly lastYearMonth: string;
  readonly monthStart: string;
  readonly monthEnd: string;
  readonly repId: string | null;
  readonly region: string | null;
}

/** Booked figures of one group, currency and month. */
export interface BookedRead {
  readonly business_month: string;
  readonly grp: string;
  readonly currency: string;
  readonly orders_confirmed: number;
  readonly confirmed_amount: number;
  readonly cancellations: number;
  readonly cancelled_amount: number;
  readonly booked: number;
}

/** A ranked contributor (customer or sku) of one group and currency. */
export interface TopRead {
  readonly grp: string;
  readonly currency: string;
  readonly id: string;
  readonly booked: number;
}

const sales: GroupColumns = { rep: 'rep_id', region: 'region', segment: 'segment' };
const installments: GroupColumns = {
  rep: 'i.rep_id',
  region: 'i.region',
  segment: "COALESCE(o.segment, 'unassigned')",
};
const complaints: GroupColumns = {
  rep: 'k.owner_rep_id',
  region: 'k.region',
  segment: "COALESCE(d.segment, 'unassigned')",
};

/** Booked sales, orders and cancellations of the month, the previous month and the same month a year before. */
export function readMonthlyBooked(db: Database.Database, groupBy: SalesGroupBy, p: MonthlyParams): BookedRead[] {
  return select(
    db,
    `SELECT business_month, ${groupColumn(sales, groupBy)} AS grp, currency, SUM(orders_confirmed) AS orders_confirmed,
      SUM(confirmed_amount) AS confirmed_amount, SUM(cancellations) AS cancellations, SUM(cancelled_amount) AS cancelled_amount, SUM(booked) AS booked
    FROM sales_monthly_groups WHERE business_month IN (@month, @previousMonth, @lastYearMonth) AND ${scopeCondition(sales)}
    GROUP BY business_month, grp, currency`,
    p,
  );
}

/** Customers (`source` customers) or skus (`products`) of the month by booked sales, best first. */
export function readRanked(
  db: Database.Database,
  groupBy: SalesGroupBy,
  p: MonthlyParams,
  source: 'customers' | 'products',
): TopRead[] {
  const id = source === 'customers' ? 'customer_id' : 'sku';
  return select(
    db,
    `SELECT ${groupColumn(sales, groupBy)} AS grp, currency, ${id} AS id, SUM(booked) AS booked
    FROM sales_monthly_${source} WHERE business_month = @month AND ${scopeCondition(sales)}
    GROUP BY grp, currency, id HAVING SUM(booked) > 0 ORDER BY grp, currency, SUM(booked) DESC, id`,
    p,
  );
}

/** The month's target of each group in its own scope (rep or region); segments have none. */
export function readMonthTargets(
  db: Database.Database,
  groupBy: SalesGroupBy,
  p: MonthlyParams,
): Array<{ grp: string; currency: string; target: number }> {
  if (groupBy === 'segment') return [];
  const condition =
    groupBy === 'rep'
      ? scopeCondition({ rep: 'scope_id', region: 'region' })
      : '(@repId IS NULL) AND (@region IS NULL OR scope_id = @region)';
  return select(
    db,
    `WITH ${monthTargetsSql('@month', '@month')}
    SELECT scope_id AS grp, currency, amount AS target FROM month_targets WHERE month = @month AND scope = '${groupBy}' AND ${condition}`,
    p,
  );
}

/**
 * Collections of the month (payments less reversals by their dates) and the due-based collection rate's
 * parts: over installments due by the month's end, `due` is what was outstanding at the month's start less
 * credit notes and write-offs in the month, `collected_on_due` the payments less reversals on them in the month.
 */
export function readCollections(
  db: Database.Database,
  groupBy: SalesGroupBy,
  p: MonthlyParams,
): Array<{ grp: string; currency: string; collected: number; due: number; collected_on_due: number }> {
  if (groupBy === 'segment') return readCollectionsBySegment(db, p);
  // From the monthly sums of receivables_kpi (collection-months.ts); a group is listed (with zeros) as soon as one of
  // its installments is due by the month's end or moved in it, as when every installment was read.
  const g = groupColumn(sales, groupBy);
  return select(
    db,
    `SELECT grp, currency, SUM(collected) AS collected, SUM(due) AS due, SUM(collected_on_due) AS collected_on_due FROM (
      SELECT ${g} AS grp, currency, SUM(CASE WHEN month = @month THEN paid_net ELSE 0 END) AS collected,
        SUM(due_amount) - SUM(CASE WHEN month < @month THEN net_moved ELSE 0 END) - SUM(CASE WHEN month = @month THEN reduced_due ELSE 0 END) AS due,
        SUM(CASE WHEN month = @month THEN paid_net_due ELSE 0 END) AS collected_on_due,
        MAX(installments_due > 0 OR (month = @month AND moves > 0)) AS listed
      FROM kpi_collection_months WHERE month <= @month AND ${scopeCondition(sales)} GROUP BY grp, currency
      UNION ALL
      SELECT ${g} AS grp, currency, 0, SUM(net_moved), 0, 0 FROM kpi_collection_early
      WHERE due_month > @month AND move_month < @month AND ${scopeCondition(sales)} GROUP BY grp, currency)
    GROUP BY grp, currency HAVING MAX(listed) = 1`,
    p,
  );
}

/** By segment (recorded on the order, not in the receivables model): every installment is read. */
function readCollectionsBySegment(
  db: Database.Database,
  p: MonthlyParams,
): Array<{ grp: string; currency: string; collected: number; due: number; collected_on_due: number }> {
  const g = groupColumn(installments, 'segment');
  return select(
    db,
    `SELECT grp, currency, SUM(collected) AS collected,
      SUM(CASE WHEN due_date <= @monthEnd THEN opening - reduced ELSE 0 END) AS due,
      SUM(CASE WHEN due_date <= @monthEnd THEN collected ELSE 0 END) AS collected_on_due
    FROM (SELECT ${g} AS grp, i.currency AS currency, i.due_date AS due_date,
        i.amount - CASE WHEN i.last_moved_on < @monthStart THEN i.moved ELSE COALESCE((SELECT SUM(m.paid - m.reversed + m.credited + m.written_off)
          FROM kpi_installment_movements m WHERE m.receivable_id = i.receivable_id AND m.installment_no = i.installment_no AND m.business_date < @monthStart), 0) END AS opening,
        COALESCE(SUM(mm.credited + mm.written_off), 0) AS reduced, COALESCE(SUM(mm.paid - mm.reversed), 0) AS collected
      FROM kpi_installments i LEFT JOIN sales_orders o ON o.order_id = i.order_id
        LEFT JOIN kpi_installment_movements mm ON mm.receivable_id = i.receivable_id AND mm.installment_no = i.installment_no AND mm.business_date BETWEEN @monthStart AND @monthEnd
      WHERE ${scopeCondition(installments)} AND (i.due_date <= @monthEnd OR mm.business_date IS NOT NULL)
      GROUP BY i.receivable_id, i.installment_no)
    GROUP BY grp, currency`,
    p,
  );
}

/** Survey answers of the month (by response date), as counts for CSAT and NPS. */
export function readSatisfaction(
  db: Database.Database,
  groupBy: SalesGroupBy,
  p: MonthlyParams,
): Array<{
  grp: string;
  responses: number;
  satisfied: number;
  promoters: number;
  passives: number;
  detractors: number;
}> {
  return select(
    db,
    `SELECT ${groupColumn(sales, groupBy)} AS grp, SUM(responses) AS responses, SUM(csat_satisfied) AS satisfied,
      SUM(promoters) AS promoters, SUM(passives) AS passives, SUM(detractors) AS detractors
    FROM satisfaction_daily WHERE responded_on BETWEEN @monthStart AND @monthEnd AND ${scopeCondition(sales)} GROUP BY grp`,
    p,
  );
}

/** Complaints filed in the month; by segment through the customer's current segment in the directory. */
export function readMonthlyComplaints(
  db: Database.Database,
  groupBy: SalesGroupBy,
  p: MonthlyParams,
): Array<{ grp: string; complaints: number }> {
  return select(
    db,
    `SELECT ${groupColumn(complaints, groupBy)} AS grp, COUNT(*) AS complaints
    FROM complaint_facts k LEFT JOIN customer_directory d ON d.customer_id = k.customer_id
    WHERE k.filed_on BETWEEN @monthStart AND @monthEnd AND ${scopeCondition(complaints)} GROUP BY grp`,
    p,
  );
}

/** Deliveries of the month on time and late (for the rep scorecard). */
export function readMonthlyDeliveries(
  db: Database.Database,
  groupBy: SalesGroupBy,
  p: MonthlyParams,
): Array<{ grp: string; on_time: number; late: number }> {
  const columns: GroupColumns = { rep: 'rep_id', region: 'region' };
  return select(
    db,
    `SELECT ${groupColumn(columns, groupBy)} AS grp, SUM(deliveries_on_time) AS on_time, SUM(deliveries_late) AS late
    FROM fulfilment_daily WHERE business_date BETWEEN @monthStart AND @monthEnd AND ${scopeCondition(columns)} GROUP BY grp`,
    p,
  );
}
