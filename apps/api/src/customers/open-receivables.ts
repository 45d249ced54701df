import type Database from 'better-sqlite3';

// Outstanding = amount opened less what moved each installment (paid - reversed + credited + written off).
const SQL = `SELECT
    COALESCE((SELECT SUM(r.amount) FROM collection_receivables r WHERE r.customer_id = @customerId AND r.currency = @currency), 0)
  - COALESCE((SELECT SUM(m.paid - m.reversed + m.credited + m.written_off) FROM kpi_installment_movements m
      WHERE m.receivable_id IN (SELECT receivable_id FROM collection_receivables WHERE customer_id = @customerId AND currency = @currency)), 0)
  AS outstanding`;

/**
 * A customer's outstanding receivables in one currency (minor units), from the collections read model: the
 * credit check's input. It is as fresh as the read model (live events apply within a tick); a receivable opened
 * a moment ago by another instance may not count yet, which the design accepts for a credit limit.
 */
export function openReceivablesOf(db: Database.Database, customerId: string, currency: string): number {
  const row = db.prepare(SQL).get({ customerId, currency }) as { outstanding: number } | undefined;
  return Math.max(0, row?.outstanding ?? 0);
}
