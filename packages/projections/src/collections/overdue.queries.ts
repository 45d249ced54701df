import type Database from 'better-sqlite3';
import { readJoinedReport } from '../kpi/kpi-report.js';
import type { ReportScope } from '../model/report-filter.js';
import { scopeParams } from '../model/scope-sql.js';
import type { LagOf } from '../runner/report.js';
import type { ReportResult } from '../runner/status.js';
import { checkDate, COLLECTIONS_SOURCES } from './collections-sql.js';
import { INSTALLMENTS_AS_OF_CTE, overdueInstallments, type OverdueInstallment } from './overdue-installments.js';
import { promiseStatusAsOf, type PromiseAsOf } from './promise-status.js';
import { prepared } from '../runner/statements.js';

/** Filter of the overdue list. */
export interface OverdueFilter {
  /** Business date D (end of that day). */
  readonly asOf: string;
  readonly scope?: ReportScope;
}

/** An overdue receivable as of D; money in minor units of `currency`. */
export interface OverdueRow {
  readonly as_of: string;
  readonly receivable_id: string;
  readonly order_id: string;
  readonly customer_id: string;
  readonly rep_id: string;
  readonly region: string;
  readonly currency: string;
  /** Due date of the oldest installment still unpaid at D, and D minus it. */
  readonly oldest_due_date: string;
  readonly days_past_due: number;
  /** Everything outstanding at D, and the part of it past due. */
  readonly outstanding: number;
  readonly overdue_amount: number;
  /** The latest follow-up logged on or before D: channel and date only (the note is personal data, never stored). */
  readonly last_follow_up: { readonly on: string; readonly channel: string } | null;
  /** The latest promise to pay made on or before D, and where it stands at D. */
  readonly promise_to_pay: PromiseAsOf | null;
  /** Every installment of the receivable as of D, in due order: planned against collected (and credited or written off). */
  readonly installments: readonly OverdueInstallment[];
}

type Read = Omit<OverdueRow, 'as_of' | 'last_follow_up' | 'promise_to_pay' | 'installments'>;

const SQL = `WITH ${INSTALLMENTS_AS_OF_CTE}
  SELECT receivable_id, order_id, customer_id, rep_id, region, currency,
    MIN(CASE WHEN due_date < @asOf AND outstanding > 0 THEN due_date END) AS oldest_due_date,
    CAST(julianday(@asOf) - julianday(MIN(CASE WHEN due_date < @asOf AND outstanding > 0 THEN due_date END)) AS INTEGER) AS days_past_due,
    SUM(outstanding) AS outstanding, SUM(CASE WHEN due_date < @asOf THEN outstanding ELSE 0 END) AS overdue_amount
  FROM inst
  GROUP BY receivable_id HAVING SUM(CASE WHEN due_date < @asOf THEN outstanding ELSE 0 END) > 0
  ORDER BY days_past_due DESC, receivable_id`;

/** The overdue list's rows, read in the caller's transaction (the supervision report joins it with other read models). */
export function readOverdue(db: Database.Database, filter: OverdueFilter): OverdueRow[] {
  const followUp = prepared(
    db,
    `SELECT logged_on AS "on", channel FROM collection_follow_ups
    WHERE receivable_id = ? AND logged_on <= ? ORDER BY revision DESC LIMIT 1`,
  );
  const promise = prepared(
    db,
    `SELECT logged_on, promise_date, promise_amount FROM collection_follow_ups
    WHERE receivable_id = ? AND logged_on <= ? AND promise_date IS NOT NULL ORDER BY revision DESC LIMIT 1`,
  );
  const payments = prepared(
    db,
    'SELECT received_on, amount, reversed_on FROM collection_payments WHERE receivable_id = ?',
  );
  const params = { asOf: filter.asOf, ...scopeParams(filter.scope) };
  const rows = prepared(db, SQL).all(params) as Read[];
  const installments = overdueInstallments(
    db,
    filter.asOf,
    rows.map((r) => r.receivable_id),
  );
  return rows.map((r) => {
    const last = followUp.get(r.receivable_id, filter.asOf) as { on: string; channel: string } | undefined;
    const made = promise.get(r.receivable_id, filter.asOf) as
      { logged_on: string; promise_date: string; promise_amount: number } | undefined;
    const paid = payments.all(r.receivable_id) as Array<{
      received_on: string;
      amount: number;
      reversed_on: string | null;
    }>;
    return {
      as_of: filter.asOf,
      ...r,
      last_follow_up: last ?? null,
      promise_to_pay:
        made === undefined
          ? null
          : promiseStatusAsOf(
              { madeOn: made.logged_on, date: made.promise_date, amount: made.promise_amount },
              paid,
              filter.asOf,
            ),
      installments: installments.get(r.receivable_id) ?? [],
    };
  });
}

/**
 * Receivables overdue at the end of business date D (an installment due before D still unpaid then), oldest first,
 * with days past due, outstanding, the last follow-up (channel and date), the latest promise to pay (kept,
 * broken or open as of D) and its installments planned against collected. Outstanding is reconstructed from dated
 * movements, so any past D works.
 * @example queryOverdue(db, lagOf, { asOf: '2026-05-13', scope: { repId: 'rep-1' } })
 */
export function queryOverdue(db: Database.Database, lagOf: LagOf, filter: OverdueFilter): ReportResult<OverdueRow> {
  checkDate(filter.asOf);
  const result = readJoinedReport(db, COLLECTIONS_SOURCES, lagOf, () => readOverdue(db, filter));
  return { rows: result.report, position: result.position, lag: result.lag };
}
