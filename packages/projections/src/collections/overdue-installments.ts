import type Database from 'better-sqlite3';
import { SCOPE_CONDITION } from './collections-sql.js';

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
 * CTE `inst`: every installment in scope of a receivable issued by D (`@asOf`), with its attribution, planned
 * amount, collected and reduced up to D and outstanding at D. Movements are summed in one pass (`parts`), not
 * looked up per installment.
 */
export const INSTALLMENTS_AS_OF_CTE = `parts AS MATERIALIZED (SELECT receivable_id, installment_no,
      SUM(paid - reversed) AS collected, SUM(credited + written_off) AS reduced
    FROM kpi_installment_movements WHERE business_date <= @asOf GROUP BY receivable_id, installment_no),
  inst AS MATERIALIZED (SELECT i.receivable_id, i.installment_no, i.order_id, i.customer_id, i.rep_id, i.region, i.currency, i.due_date,
      i.amount AS planned, COALESCE(p.collected, 0) AS collected, COALESCE(p.reduced, 0) AS reduced,
      i.amount - COALESCE(p.collected, 0) - COALESCE(p.reduced, 0) AS outstanding
    FROM kpi_installments i JOIN collection_receivables r ON r.receivable_id = i.receivable_id
      LEFT JOIN parts p ON p.receivable_id = i.receivable_id AND p.installment_no = i.installment_no
    WHERE r.issue_date <= @asOf AND ${SCOPE_CONDITION})`;

const SQL = `WITH ${INSTALLMENTS_AS_OF_CTE}
  SELECT receivable_id, installment_no, due_date, planned, collected, reduced, outstanding,
    CASE WHEN due_date < @asOf AND outstanding > 0 THEN CAST(julianday(@asOf) - julianday(due_date) AS INTEGER) ELSE 0 END AS days_past_due
  FROM inst WHERE receivable_id IN (SELECT receivable_id FROM inst WHERE due_date < @asOf AND outstanding > 0)
  ORDER BY receivable_id, due_date, installment_no`;

/** The installments as of D of every receivable overdue at D (in scope), by receivable, in due order. */
export function overdueInstallments(db: Database.Database, params: { asOf: string; repId: string | null; region: string | null }): Map<string, OverdueInstallment[]> {
  const byReceivable = new Map<string, OverdueInstallment[]>();
  for (const row of db.prepare(SQL).all(params) as Array<OverdueInstallment & { receivable_id: string }>) {
    const { receivable_id: id, ...installment } = row;
    const list = byReceivable.get(id) ?? [];
    list.push(installment);
    byReceivable.set(id, list);
  }
  return byReceivable;
}
