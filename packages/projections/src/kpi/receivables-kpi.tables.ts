import { defineTable } from '../model/table.js';

/**
 * Receivable movements of one business day x rep x region x currency (minor units), by the dates the events
 * carry: opened by `issueDate`, credit notes by `creditedOn`, payments by `receivedOn`, reversals by
 * `reversedOn`, write-offs by `writtenOffOn`. Invoiced = opened - credited; collected = received - reversed.
 */
export type ReceivablesDailyRow = {
  readonly business_date: string;
  readonly rep_id: string;
  readonly region: string;
  readonly currency: string;
  readonly opened: number;
  readonly credited: number;
  readonly received: number;
  readonly reversed: number;
  readonly written_off: number;
};

/** The `kpi_receivables_daily` read model. */
export const receivablesDailyTable = defineTable<ReceivablesDailyRow, 'business_date' | 'rep_id' | 'region' | 'currency'>({
  name: 'kpi_receivables_daily',
  columns: {
    business_date: 'TEXT',
    rep_id: 'TEXT',
    region: 'TEXT',
    currency: 'TEXT',
    opened: 'INTEGER',
    credited: 'INTEGER',
    received: 'INTEGER',
    reversed: 'INTEGER',
    written_off: 'INTEGER',
  },
  primaryKey: ['business_date', 'rep_id', 'region', 'currency'],
});

/** One installment of a receivable as opened, with the receivable's attribution and order. */
export type InstallmentRow = {
  readonly receivable_id: string;
  readonly installment_no: number;
  readonly order_id: string;
  readonly customer_id: string;
  readonly rep_id: string;
  readonly region: string;
  readonly currency: string;
  readonly due_date: string;
  readonly amount: number;
};

/** The `kpi_installments` read model. */
export const installmentsTable = defineTable<InstallmentRow, 'receivable_id' | 'installment_no'>({
  name: 'kpi_installments',
  columns: {
    receivable_id: 'TEXT',
    installment_no: 'INTEGER',
    order_id: 'TEXT',
    customer_id: 'TEXT',
    rep_id: 'TEXT',
    region: 'TEXT',
    currency: 'TEXT',
    due_date: 'TEXT',
    amount: 'INTEGER',
  },
  primaryKey: ['receivable_id', 'installment_no'],
});

/** What was allocated to one installment on one business day, by kind (from the events' `allocations`). */
export type InstallmentMovementRow = {
  readonly business_date: string;
  readonly receivable_id: string;
  readonly installment_no: number;
  readonly paid: number;
  readonly reversed: number;
  readonly credited: number;
  readonly written_off: number;
};

/** The `kpi_installment_movements` read model: outstanding of an installment at the end of day D is its amount less movements up to D. */
export const installmentMovementsTable = defineTable<InstallmentMovementRow, 'business_date' | 'receivable_id' | 'installment_no'>({
  name: 'kpi_installment_movements',
  columns: { business_date: 'TEXT', receivable_id: 'TEXT', installment_no: 'INTEGER', paid: 'INTEGER', reversed: 'INTEGER', credited: 'INTEGER', written_off: 'INTEGER' },
  primaryKey: ['business_date', 'receivable_id', 'installment_no'],
});
