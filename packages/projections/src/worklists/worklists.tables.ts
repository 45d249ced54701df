import { defineTable } from '../model/table.js';

/** A customer in the lists: business facts only (no contact, never personal data). */
export type WorkCustomerRow = {
  readonly customer_id: string;
  readonly company_name: string;
  readonly region: string;
  readonly segment: string;
  readonly owner_rep_id: string;
  /** 1 while active, 0 once deactivated. */
  readonly active: number;
  /** Business date of the latest profile review (registration is the first). */
  readonly last_reviewed_on: string;
};

/** Customers, in id order per scope (the list's order). */
export const workCustomersTable = defineTable<WorkCustomerRow, 'customer_id'>({
  name: 'wl_customers',
  columns: {
    customer_id: 'TEXT',
    company_name: 'TEXT',
    region: 'TEXT',
    segment: 'TEXT',
    owner_rep_id: 'TEXT',
    active: 'INTEGER',
    last_reviewed_on: 'TEXT',
  },
  primaryKey: ['customer_id'],
  indexes: [
    ['owner_rep_id', 'customer_id'],
    ['region', 'customer_id'],
    ['owner_rep_id', 'last_reviewed_on'],
    ['region', 'last_reviewed_on'],
    ['last_reviewed_on'],
  ],
});

/** The search terms of a customer: its id, its company name, each word of it, each tail of a CJK run (see search-terms.ts). */
export type WorkCustomerTermRow = { readonly term: string; readonly customer_id: string };

/** Search terms, looked up by prefix. */
export const workCustomerTermsTable = defineTable<WorkCustomerTermRow, 'term' | 'customer_id'>({
  name: 'wl_customer_terms',
  columns: { term: 'TEXT', customer_id: 'TEXT' },
  primaryKey: ['term', 'customer_id'],
  indexes: [['customer_id']],
});

/** An order in the lists. `status` is the list's vocabulary (`partly_shipped`, not the domain's `partially_shipped`). */
export type WorkOrderRow = {
  readonly order_id: string;
  readonly customer_id: string;
  readonly rep_id: string;
  readonly region: string;
  readonly currency: string;
  readonly status: string;
  /** 1 until delivered, cancelled or closed: what `late` and "deliveries due" look at. */
  readonly awaiting_delivery: number;
  readonly placed_on: string;
  readonly promised_on: string;
  readonly delivered_on: string | null;
  readonly total: number;
  /** Who placed or amended the order into `awaiting_approval`, when, and the highest line discount asked (bp). */
  readonly approval_asked_by: string | null;
  readonly approval_asked_at: string | null;
  readonly approval_discount_bp: number | null;
  /** `[{ id, qty, shipped }]`: each line's quantity and what has shipped, for the status after an amendment. */
  readonly lines: string;
};

/** Orders, newest placed first per filter. */
export const workOrdersTable = defineTable<WorkOrderRow, 'order_id'>({
  name: 'wl_orders',
  columns: {
    order_id: 'TEXT',
    customer_id: 'TEXT',
    rep_id: 'TEXT',
    region: 'TEXT',
    currency: 'TEXT',
    status: 'TEXT',
    awaiting_delivery: 'INTEGER',
    placed_on: 'TEXT',
    promised_on: 'TEXT',
    delivered_on: 'TEXT NULL',
    total: 'INTEGER',
    approval_asked_by: 'TEXT NULL',
    approval_asked_at: 'TEXT NULL',
    approval_discount_bp: 'INTEGER NULL',
    lines: 'TEXT',
  },
  primaryKey: ['order_id'],
  indexes: [
    ['placed_on', 'order_id'],
    ['rep_id', 'placed_on', 'order_id'],
    ['region', 'placed_on', 'order_id'],
    ['customer_id', 'placed_on', 'order_id'],
    ['status', 'placed_on', 'order_id'],
    // Late orders and deliveries due: the few orders still awaiting delivery, newest first.
    ['awaiting_delivery', 'placed_on', 'order_id'],
  ],
});

/** A receivable in the lists, with what the collection plan needs (no follow-up note: personal data). */
export type WorkReceivableRow = {
  readonly receivable_id: string;
  readonly order_id: string;
  readonly customer_id: string;
  readonly rep_id: string;
  readonly region: string;
  readonly currency: string;
  /** `open`, `settled` or `written_off`. */
  readonly status: string;
  readonly amount: number;
  readonly outstanding: number;
  readonly issued_on: string;
  /** Due date of the earliest installment still owing; `null` once nothing is owed. */
  readonly next_due_on: string | null;
  /** The list's order: `next_due_on`, or the last installment's due date once nothing is owed. */
  readonly sort_due_on: string;
  readonly disputed: number;
  readonly last_follow_up_on: string | null;
  readonly last_follow_up_channel: string | null;
  readonly last_follow_up_by: string | null;
  /** The latest promise to pay: its date, amount, the day it was made and what was paid towards it so far. */
  readonly promise_on: string | null;
  readonly promise_amount: number | null;
  readonly promise_logged_on: string | null;
  readonly promise_paid: number;
  /** `[{ no, due, owed }]`: each installment's due date and what it still owes. */
  readonly installments: string;
  /** `[{ id, on, amount, reversed }]`: payments, for what counts towards a promise. */
  readonly payments: string;
  readonly write_off_asked_by: string | null;
  readonly write_off_asked_at: string | null;
};

/** Receivables, earliest due first per filter. */
export const workReceivablesTable = defineTable<WorkReceivableRow, 'receivable_id'>({
  name: 'wl_receivables',
  columns: {
    receivable_id: 'TEXT',
    order_id: 'TEXT',
    customer_id: 'TEXT',
    rep_id: 'TEXT',
    region: 'TEXT',
    currency: 'TEXT',
    status: 'TEXT',
    amount: 'INTEGER',
    outstanding: 'INTEGER',
    issued_on: 'TEXT',
    next_due_on: 'TEXT NULL',
    sort_due_on: 'TEXT',
    disputed: 'INTEGER',
    last_follow_up_on: 'TEXT NULL',
    last_follow_up_channel: 'TEXT NULL',
    last_follow_up_by: 'TEXT NULL',
    promise_on: 'TEXT NULL',
    promise_amount: 'INTEGER NULL',
    promise_logged_on: 'TEXT NULL',
    promise_paid: 'INTEGER',
    installments: 'TEXT',
    payments: 'TEXT',
    write_off_asked_by: 'TEXT NULL',
    write_off_asked_at: 'TEXT NULL',
  },
  primaryKey: ['receivable_id'],
  indexes: [
    ['sort_due_on', 'receivable_id'],
    ['status', 'sort_due_on', 'receivable_id'],
    ['rep_id', 'status', 'sort_due_on', 'receivable_id'],
    ['region', 'status', 'sort_due_on', 'receivable_id'],
    ['customer_id', 'sort_due_on', 'receivable_id'],
    ['status', 'disputed', 'sort_due_on', 'receivable_id'],
    // "My day": promises falling due on a date.
    ['status', 'promise_on', 'sort_due_on', 'receivable_id'],
    // The approvals inbox: write-offs waiting, everywhere or in a region.
    ['write_off_asked_at'],
    ['region', 'write_off_asked_at'],
  ],
});

/** A complaint in the queue: attribution, handler, status and its next SLA deadline. */
export type WorkComplaintRow = {
  readonly complaint_id: string;
  readonly customer_id: string;
  readonly owner_rep_id: string;
  readonly region: string;
  readonly handler_id: string | null;
  readonly category: string;
  readonly severity: string;
  /** The domain's status: filed, acknowledged, investigating, awaiting_customer, resolved, closed. */
  readonly status: string;
  readonly filed_at: string;
  /** `acknowledge`, `resolve`, `paused` (waiting on the customer) or `none` (resolved or closed). */
  readonly deadline_kind: string;
  readonly deadline_at: string | null;
  /** `deadline_at`, or `9999-12-31T23:59:59.999Z` without one: the queue's order. */
  readonly queue_at: string;
  /** The SLA timeline (instants only) the deadline is computed from. */
  readonly timeline: string;
  /** The compensation request waiting for a manager: who asked, when, how much (`null` when none waits). */
  readonly compensation_asked_by: string | null;
  readonly compensation_asked_at: string | null;
  readonly compensation_amount: number | null;
  readonly compensation_currency: string | null;
};

/** Complaints by next deadline, breached first. */
export const workComplaintsTable = defineTable<WorkComplaintRow, 'complaint_id'>({
  name: 'wl_complaints',
  columns: {
    complaint_id: 'TEXT',
    customer_id: 'TEXT',
    owner_rep_id: 'TEXT',
    region: 'TEXT',
    handler_id: 'TEXT NULL',
    category: 'TEXT',
    severity: 'TEXT',
    status: 'TEXT',
    filed_at: 'TEXT',
    deadline_kind: 'TEXT',
    deadline_at: 'TEXT NULL',
    queue_at: 'TEXT',
    timeline: 'TEXT',
    compensation_asked_by: 'TEXT NULL',
    compensation_asked_at: 'TEXT NULL',
    compensation_amount: 'INTEGER NULL',
    compensation_currency: 'TEXT NULL',
  },
  primaryKey: ['complaint_id'],
  indexes: [
    ['queue_at', 'complaint_id'],
    ['handler_id', 'queue_at', 'complaint_id'],
    ['owner_rep_id', 'queue_at', 'complaint_id'],
    ['region', 'queue_at', 'complaint_id'],
    ['customer_id', 'queue_at', 'complaint_id'],
    // The approvals inbox: compensation requests waiting, everywhere or in a region.
    ['compensation_asked_at'],
    ['region', 'compensation_asked_at'],
  ],
});

/** Every table of the worklists read model. */
export const WORKLIST_TABLES = [
  workCustomersTable,
  workCustomerTermsTable,
  workOrdersTable,
  workReceivablesTable,
  workComplaintsTable,
] as const;
