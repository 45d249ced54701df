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
export const receivablesDailyTable = defineTable<
  ReceivablesDailyRow,
  'business_date' | 'rep_id' | 'region' | 'currency'
>({
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
  /** The receivable's issue date. */
  readonly issue_date: string;
  /** Everything allocated to it so far, whatever the dates: paid - reversed + credited + written off. */
  readonly moved: number;
  /** Its amount less what moved it on dates up to its due date: above 0, it became overdue the day after. */
  readonly outstanding_at_due: number;
  /** The latest of its issue date and the dates of its movements. */
  readonly last_moved_on: string;
  /**
   * `9999-12-31` while `amount - moved` is not 0, else `last_moved_on`: after that date nothing of it moves and its
   * outstanding is 0, so reports as of a later date (or of a later month) skip it through an index on this column.
   */
  readonly open_until: string;
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
    issue_date: 'TEXT',
    moved: 'INTEGER',
    outstanding_at_due: 'INTEGER',
    last_moved_on: 'TEXT',
    open_until: 'TEXT',
  },
  primaryKey: ['receivable_id', 'installment_no'],
  // Installments due on a day (newly overdue), and those still moving on or after a date (aging, summary, rates).
  indexes: [['due_date'], ['open_until']],
});

/** `open_until` of an installment still open (see {@link InstallmentRow}). */
export const STILL_OPEN = '9999-12-31';

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
export const installmentMovementsTable = defineTable<
  InstallmentMovementRow,
  'business_date' | 'receivable_id' | 'installment_no'
>({
  name: 'kpi_installment_movements',
  columns: {
    business_date: 'TEXT',
    receivable_id: 'TEXT',
    installment_no: 'INTEGER',
    paid: 'INTEGER',
    reversed: 'INTEGER',
    credited: 'INTEGER',
    written_off: 'INTEGER',
  },
  primaryKey: ['business_date', 'receivable_id', 'installment_no'],
  // One installment's movements up to a date (outstanding as of D).
  indexes: [['receivable_id', 'installment_no', 'business_date']],
});
