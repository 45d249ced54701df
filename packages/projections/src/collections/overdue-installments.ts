import type Database from 'better-sqlite3';
import { MOVED_AS_OF, SCOPE_CONDITION, stillOpenAt } from './collections-sql.js';
import { prepared } from '../runner/statements.js';

/** One installment of an overdue receivable as of D: planned against collected, minor units. */
export interface OverdueInstallment {
  readonly installment_no: number;
  readonly due_date: string;
  /** The amount the schedule planned for it. */
  readonly planned: number;
  /** Payments less reversals allocated to it, dated on or before D. */
  readonly collected: number;
  /** Credit notes and write-offs allocated to it on or before D (never collected). */
  readonly reduced: number;
  /** planned - collected - reduced. */
  readonly outstanding: number;
  /** D - due date when past due and unpaid at D, else 0. */
  readonly days_past_due: number;
}

/**
 * CTE `inst`: the installments in scope of receivables issued by D (`@asOf`) that can be outstanding at D (the others
 * were settled by D: `open_until`), with their attribution, due date and outstanding at D.
 */
export const INSTALLMENTS_AS_OF_CTE = `inst AS MATERIALIZED (SELECT i.receivable_id, i.order_id, i.customer_id, i.rep_id, i.region, i.currency, i.due_date,
      i.amount - ${MOVED_AS_OF} AS outstanding
    FROM kpi_installments i JOIN collection_receivables r ON r.receivable_id = i.receivable_id
    WHERE ${stillOpenAt('@asOf')} AND r.issue_date <= @asOf AND ${SCOPE_CONDITION})`;

// Every installment of the given receivables as of D, its movements up to D summed through the movements' index.
const SQL = `SELECT receivable_id, installment_no, due_date, planned, collected, reduced, planned - collected - reduced AS outstanding,
    CASE WHEN due_date < @asOf AND planned - collected - reduced > 0 THEN CAST(julianday(@asOf) - julianday(due_date) AS INTEGER) ELSE 0 END AS days_past_due
  FROM (SELECT i.receivable_id, i.installment_no, i.due_date, i.amount AS planned,
      COALESCE(SUM(m.paid - m.reversed), 0) AS collected, COALESCE(SUM(m.credited + m.written_off), 0) AS reduced
    FROM kpi_installments i LEFT JOIN kpi_installment_movements m
      ON m.receivable_id = i.receivable_id AND m.installment_no = i.installment_no AND m.business_date <= @asOf
    WHERE i.receivable_id IN (SELECT value FROM json_each(@ids))
    GROUP BY i.receivable_id, i.installment_no)
  ORDER BY receivable_id, due_date, installment_no`;

/** The installments as of D of the receivables `ids` (those overdue at D), by receivable, in due order. */
export function overdueInstallments(
  db: Database.Database,
  asOf: string,
  ids: readonly string[],
): Map<string, OverdueInstallment[]> {
  const byReceivable = new Map<string, OverdueInstallment[]>();
  if (ids.length === 0) return byReceivable;
  for (const row of prepared(db, SQL).all({ asOf, ids: JSON.stringify(ids) }) as Array<
    OverdueInstallment & { receivable_id: string }
  >) {
    const { receivable_id: id, ...installment } = row;
    const list = byReceivable.get(id) ?? [];
    list.push(installment);
    byReceivable.set(id, list);
  }
  return byReceivable;
}
