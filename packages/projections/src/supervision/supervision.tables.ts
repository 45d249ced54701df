import { defineTable } from '../model/table.js';

/**
 * An order as supervision and alerts need it: attribution, placement, the discount approval it waited for, the
 * promised date in force and how it ended. Instants are ISO UTC; `*_on` are business dates.
 */
export type SupervisionOrderRow = {
  readonly order_id: string;
  readonly customer_id: string;
  readonly rep_id: string;
  readonly region: string;
  readonly placed_at: string;
  readonly placed_on: string;
  /** 1 when placing or an amendment before confirmation asked a manager to approve a discount. */
  readonly approval_required: number;
  /** When the approval now awaited was asked for (placing or amending); null when none is awaited. */
  readonly approval_pending_since: string | null;
  /** When the latest awaited approval was asked for and when it came (kept after approval, for the alert's history). */
  readonly approval_asked_at: string | null;
  readonly approved_at: string | null;
  /** The promised delivery date in force once confirmed (null before). */
  readonly promised_date: string | null;
  readonly delivered_on: string | null;
  readonly cancelled_at: string | null;
};

/** The `supervision_orders` read model: one row per placed order. */
export const supervisionOrdersTable = defineTable<SupervisionOrderRow, 'order_id'>({
  name: 'supervision_orders',
  columns: {
    order_id: 'TEXT',
    customer_id: 'TEXT',
    rep_id: 'TEXT',
    region: 'TEXT',
    placed_at: 'TEXT',
    placed_on: 'TEXT',
    approval_required: 'INTEGER',
    approval_pending_since: 'TEXT NULL',
    approval_asked_at: 'TEXT NULL',
    approved_at: 'TEXT NULL',
    promised_date: 'TEXT NULL',
    delivered_on: 'TEXT NULL',
    cancelled_at: 'TEXT NULL',
  },
  primaryKey: ['order_id'],
  // Orders placed in a month (report); approvals asked in a window and deliveries promised in a window (alerts).
  indexes: [['placed_on'], ['approval_asked_at'], ['promised_date']],
});

/** A promise to pay made in a follow-up, with the receivable's attribution (the note is personal data, never kept). */
export type SupervisionPromiseRow = {
  readonly receivable_id: string;
  readonly revision: number;
  readonly rep_id: string;
  readonly region: string;
  readonly made_on: string;
  readonly promise_date: string;
  readonly amount: number;
};

/** The `supervision_promises` read model, indexed by the promised date. */
export const supervisionPromisesTable = defineTable<SupervisionPromiseRow, 'receivable_id' | 'revision'>({
  name: 'supervision_promises',
  columns: {
    receivable_id: 'TEXT',
    revision: 'INTEGER',
    rep_id: 'TEXT',
    region: 'TEXT',
    made_on: 'TEXT',
    promise_date: 'TEXT',
    amount: 'INTEGER',
  },
  primaryKey: ['receivable_id', 'revision'],
  indexes: [['promise_date']],
});

/** A write-off request and, once given, its approval (a second person's). */
export type SupervisionWriteOffRow = {
  readonly receivable_id: string;
  readonly rep_id: string;
  readonly region: string;
  readonly requested_at: string;
  readonly requested_by: string;
  readonly approved_at: string | null;
};

/** The `supervision_write_offs` read model: the latest request per receivable. */
export const supervisionWriteOffsTable = defineTable<SupervisionWriteOffRow, 'receivable_id'>({
  name: 'supervision_write_offs',
  columns: {
    receivable_id: 'TEXT',
    rep_id: 'TEXT',
    region: 'TEXT',
    requested_at: 'TEXT',
    requested_by: 'TEXT',
    approved_at: 'TEXT NULL',
  },
  primaryKey: ['receivable_id'],
  indexes: [['requested_at']],
});

/**
 * A complaint's SLA clocks for alerts: the domain's `ComplaintTimeline` as JSON, its current handler, and `open`
 * (1 while not resolved, or reopened since) so alert queries read only complaints whose clocks may still run.
 */
export type SupervisionComplaintRow = {
  readonly complaint_id: string;
  readonly owner_rep_id: string;
  readonly region: string;
  readonly handler_id: string | null;
  readonly timeline: string;
  readonly open: number;
  /** The business instant of its latest event: a closed complaint's alerts can only have fired before it. */
  readonly changed_at: string;
};

/** The `supervision_complaints` read model. */
export const supervisionComplaintsTable = defineTable<SupervisionComplaintRow, 'complaint_id'>({
  name: 'supervision_complaints',
  columns: {
    complaint_id: 'TEXT',
    owner_rep_id: 'TEXT',
    region: 'TEXT',
    handler_id: 'TEXT NULL',
    timeline: 'TEXT',
    open: 'INTEGER',
    changed_at: 'TEXT',
  },
  primaryKey: ['complaint_id'],
  indexes: [['open'], ['changed_at']],
});

/** A compensation request waiting for a manager (by its event's revision), and when it was decided. */
export type SupervisionCompensationRow = {
  readonly complaint_id: string;
  readonly revision: number;
  /** The complaint's owner rep and region: whose alert it is. */
  readonly rep_id: string;
  readonly region: string;
  readonly requested_at: string;
  /** Approved, rejected or ended by a resolution; null while it waits. */
  readonly decided_at: string | null;
};

/** The `supervision_compensations` read model: every compensation request, indexed by when it was asked. */
export const supervisionCompensationsTable = defineTable<SupervisionCompensationRow, 'complaint_id' | 'revision'>({
  name: 'supervision_compensations',
  columns: {
    complaint_id: 'TEXT',
    revision: 'INTEGER',
    rep_id: 'TEXT',
    region: 'TEXT',
    requested_at: 'TEXT',
    decided_at: 'TEXT NULL',
  },
  primaryKey: ['complaint_id', 'revision'],
  indexes: [['requested_at']],
});

/** The request a complaint has waiting, if any (the decision events do not name it). */
export type SupervisionPendingCompensationRow = { readonly complaint_id: string; readonly revision: number };

/** The `supervision_pending_compensations` read model: one row per complaint with a request waiting. */
export const supervisionPendingCompensationsTable = defineTable<SupervisionPendingCompensationRow, 'complaint_id'>({
  name: 'supervision_pending_compensations',
  columns: { complaint_id: 'TEXT', revision: 'INTEGER' },
  primaryKey: ['complaint_id'],
});
