import type Database from 'better-sqlite3';

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

const SQL = `SELECT installment_no, due_date, planned, collected, reduced, planned - collected - reduced AS outstanding,
    CASE WHEN due_date < @asOf AND planned - collected - reduced > 0 THEN CAST(julianday(@asOf) - julianday(due_date) AS INTEGER) ELSE 0 END AS days_past_due
  FROM (SELECT i.installment_no, i.due_date, i.amount AS planned,
      COALESCE(SUM(m.paid - m.reversed), 0) AS collected, COALESCE(SUM(m.credited + m.written_off), 0) AS reduced
    FROM kpi_installments i LEFT JOIN kpi_installment_movements m
      ON m.receivable_id = i.receivable_id AND m.installment_no = i.installment_no AND m.business_date <= @asOf
    WHERE i.receivable_id = @receivableId
    GROUP BY i.installment_no)
  ORDER BY due_date, installment_no`;

/** Reads, per receivable, its installments as of D (planned, collected, reduced, outstanding) in due order. */
export function installmentsAsOf(db: Database.Database, asOf: string): (receivableId: string) => OverdueInstallment[] {
  const statement = db.prepare(SQL);
  return (receivableId) => statement.all({ asOf, receivableId }) as OverdueInstallment[];
}
