import { defineTable } from '../model/table.js';

/**
 * A receivable as opened: attribution, issue date and amount. Aging and the collections summary join it with
 * the KPI installment tables (`kpi_installments`, `kpi_installment_movements`) so a receivable counts only from
 * its issue date on.
 */
export type CollectionReceivableRow = {
  readonly receivable_id: string;
  readonly order_id: string;
  readonly customer_id: string;
  readonly rep_id: string;
  readonly region: string;
  readonly currency: string;
  readonly issue_date: string;
  readonly due_date: string;
  readonly amount: number;
};

/** The `collection_receivables` read model. */
export const collectionReceivablesTable = defineTable<CollectionReceivableRow, 'receivable_id'>({
  name: 'collection_receivables',
  columns: {
    receivable_id: 'TEXT',
    order_id: 'TEXT',
    customer_id: 'TEXT',
    rep_id: 'TEXT',
    region: 'TEXT',
    currency: 'TEXT',
    issue_date: 'TEXT',
    due_date: 'TEXT',
    amount: 'INTEGER',
  },
  primaryKey: ['receivable_id'],
});

/**
 * One collection follow-up: channel, date and the promise to pay it carried. The free-text note is personal
 * data and is never stored in a read model. `revision` is the event's revision in its stream (orders follow-ups of a day).
 */
export type CollectionFollowUpRow = {
  readonly receivable_id: string;
  readonly revision: number;
  readonly logged_on: string;
  readonly channel: string;
  readonly promise_date: string | null;
  readonly promise_amount: number | null;
};

/** The `collection_follow_ups` read model. */
export const collectionFollowUpsTable = defineTable<CollectionFollowUpRow, 'receivable_id' | 'revision'>({
  name: 'collection_follow_ups',
  columns: {
    receivable_id: 'TEXT',
    revision: 'INTEGER',
    logged_on: 'TEXT',
    channel: 'TEXT',
    promise_date: 'TEXT NULL',
    promise_amount: 'INTEGER NULL',
  },
  primaryKey: ['receivable_id', 'revision'],
});

/** A payment as received and, once bounced, the date of its reversal (to judge promises to pay as of a date). */
export type CollectionPaymentRow = {
  readonly receivable_id: string;
  readonly payment_id: string;
  readonly received_on: string;
  readonly amount: number;
  readonly reversed_on: string | null;
};

/** The `collection_payments` read model. */
export const collectionPaymentsTable = defineTable<CollectionPaymentRow, 'receivable_id' | 'payment_id'>({
  name: 'collection_payments',
  columns: {
    receivable_id: 'TEXT',
    payment_id: 'TEXT',
    received_on: 'TEXT',
    amount: 'INTEGER',
    reversed_on: 'TEXT NULL',
  },
  primaryKey: ['receivable_id', 'payment_id'],
});
