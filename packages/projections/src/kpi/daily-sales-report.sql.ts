import type Database from 'better-sqlite3';
import { scopeCondition } from '../model/scope-sql.js';
import { businessDate } from '../model/business-time.js';
import { groupColumn, select, type SalesGroupBy } from './kpi-sql.js';
import { monthTargetsSql } from './month-targets.sql.js';

/** Parameters every daily read binds: the day, its neighbours, its month and the role scope. */
export interface DailyParams {
  readonly [name: string]: string | null;
  readonly date: string;
  readonly previousDay: string;
  readonly nextDay: string;
  readonly monthStart: string;
  readonly month: string;
  readonly repId: string | null;
  readonly region: string | null;
}

/** Per group and currency, from `daily_sales`, `kpi_receivables_daily` and the month targets in force. */
export interface CurrencyRead {
  readonly grp: string;
  readonly currency: string;
  readonly [figure: string]: string | number;
}

/** Per group, currency-free counts. */
export interface CountRead {
  readonly grp: string;
  readonly [figure: string]: string | number;
}

const orders = { rep: 'rep_id', region: 'region' };

/** Booked figures of the day and month-to-date booked. */
export function readBooked(db: Database.Database, groupBy: SalesGroupBy, p: DailyParams): CurrencyRead[] {
  const g = groupColumn(orders, groupBy);
  return select(
    db,
    `SELECT ${g} AS grp, currency,
      SUM(CASE WHEN business_date = @date THEN orders_confirmed ELSE 0 END) AS orders_confirmed,
      SUM(CASE WHEN business_date = @date THEN confirmed_amount ELSE 0 END) AS confirmed_amount,
      SUM(CASE WHEN business_date = @date THEN amendments_delta ELSE 0 END) AS amendments_delta,
      SUM(CASE WHEN business_date = @date THEN closes_delta ELSE 0 END) AS closes_delta,
      SUM(CASE WHEN business_date = @date THEN cancellations ELSE 0 END) AS cancellations,
      SUM(CASE WHEN business_date = @date THEN cancelled_amount ELSE 0 END) AS cancelled_amount,
      SUM(CASE WHEN business_date = @date THEN booked ELSE 0 END) AS booked,
      SUM(booked) AS month_to_date_booked
    FROM daily_sales WHERE business_date BETWEEN @monthStart AND @date AND ${scopeCondition(orders)}
    GROUP BY grp, currency`,
    p,
  );
}

/** Targets of the month for the group's own scope (rep targets by rep, region targets by region). */
export function readTargets(db: Database.Database, groupBy: SalesGroupBy, p: DailyParams): CurrencyRead[] {
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

/** Invoiced (opened - credited) and collected (received - reversed) of the day. */
export function readReceivables(db: Database.Database, groupBy: SalesGroupBy, p: DailyParams): CurrencyRead[] {
  const g = groupColumn(orders, groupBy);
  return select(
    db,
    `SELECT ${g} AS grp, currency, SUM(opened - credited) AS invoiced, SUM(received - reversed) AS collected
    FROM kpi_receivables_daily WHERE business_date = @date AND ${scopeCondition(orders)} GROUP BY grp, currency`,
    p,
  );
}

/**
 * Newly overdue: installments due on the previous day with an amount still outstanding at the end of that day
 * (amount less payments, credit notes and write-offs, plus reversals, dated up to it).
 */
export function readNewlyOverdue(db: Database.Database, groupBy: SalesGroupBy, p: DailyParams): CurrencyRead[] {
  // `outstanding_at_due` is exactly that outstanding, kept per installment by the projection (indexed by due date).
  const g = groupColumn({ rep: 'i.rep_id', region: 'i.region' }, groupBy);
  return select(
    db,
    `SELECT ${g} AS grp, i.currency AS currency, COUNT(*) AS newly_overdue_installments, SUM(i.outstanding_at_due) AS newly_overdue_amount
    FROM kpi_installments i WHERE i.due_date = @previousDay AND i.outstanding_at_due > 0 AND ${scopeCondition({ rep: 'i.rep_id', region: 'i.region' })}
    GROUP BY grp, currency`,
    p,
  );
}

/** Shipments and deliveries of the day. */
export function readFulfilment(db: Database.Database, groupBy: SalesGroupBy, p: DailyParams): CountRead[] {
  const g = groupColumn(orders, groupBy);
  return select(
    db,
    `SELECT ${g} AS grp, SUM(shipments) AS shipments, SUM(deliveries_on_time) AS deliveries_on_time, SUM(deliveries_late) AS deliveries_late
    FROM fulfilment_daily WHERE business_date = @date AND ${scopeCondition(orders)} GROUP BY grp`,
    p,
  );
}

/** Confirmed orders, neither delivered nor cancelled by the end of the day, whose promise then in force is the next day. */
export function readDueTomorrow(db: Database.Database, groupBy: SalesGroupBy, p: DailyParams): CountRead[] {
  const g = groupColumn({ rep: 'o.rep_id', region: 'o.region' }, groupBy);
  return select(
    db,
    `SELECT ${g} AS grp, COUNT(*) AS deliveries_due_tomorrow FROM order_deliveries o
    WHERE o.confirmed_on <= @date AND (o.delivered_on IS NULL OR o.delivered_on > @date) AND (o.cancelled_on IS NULL OR o.cancelled_on > @date)
      AND ${scopeCondition({ rep: 'o.rep_id', region: 'o.region' })}
      AND o.order_id IN (SELECT order_id FROM order_promises WHERE promised_date = @nextDay AND effective_on <= @date)
      AND (SELECT pr.promised_date FROM order_promises pr WHERE pr.order_id = o.order_id AND pr.effective_on <= @date ORDER BY pr.effective_on DESC LIMIT 1) = @nextDay
    GROUP BY grp`,
    p,
  );
}

/** Complaints filed on the day and closings on the day (a complaint closed again after a reopen counts again). */
export function readComplaints(
  db: Database.Database,
  groupBy: SalesGroupBy,
  p: DailyParams,
  zone: string,
): CountRead[] {
  const columns = { rep: 'owner_rep_id', region: 'region' };
  const g = groupColumn(columns, groupBy);
  const opened = select<CountRead>(
    db,
    `SELECT ${g} AS grp, COUNT(*) AS complaints_opened FROM complaint_facts
    WHERE filed_on = @date AND ${scopeCondition(columns)} GROUP BY grp`,
    p,
  );
  // closedAt instants are UTC ('Z'): a window of a day either side covers every zone's business day.
  const closings = select<{ grp: string; closed_at: string }>(
    db,
    `SELECT ${g} AS grp, closed_at FROM complaint_closings
    WHERE closed_at >= @previousDay AND closed_at < @dayAfterNext AND ${scopeCondition(columns)}`,
    { ...p, dayAfterNext: `${p.nextDay}T99` },
  );
  const closed = new Map<string, number>();
  for (const c of closings)
    if (businessDate(c.closed_at, zone) === p.date) closed.set(c.grp, (closed.get(c.grp) ?? 0) + 1);
  return [...opened, ...[...closed].map(([grp, n]) => ({ grp, complaints_closed: n }))];
}

/** Customers registered on the day, by the owner rep and region at registration (counted by the directory). */
export function readNewCustomers(db: Database.Database, groupBy: SalesGroupBy, p: DailyParams): CountRead[] {
  return select(
    db,
    `SELECT ${groupColumn(orders, groupBy)} AS grp, SUM(new_customers) AS new_customers FROM new_customers_daily
    WHERE business_date = @date AND ${scopeCondition(orders)} GROUP BY grp`,
    p,
  );
}
