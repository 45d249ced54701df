import type { Allocation, ReceivableEvent } from '@salesbook/domain';
import { upsert, type RowReader, type RowWrite } from '../model/table.js';
import { workReceivablesTable, type WorkReceivableRow } from './worklists.tables.js';

type Installment = { readonly no: number; readonly due: string; readonly owed: number };
type Payment = { readonly id: string; readonly on: string; readonly amount: number; readonly reversed: boolean };

const NO_REQUEST = { write_off_asked_by: null, write_off_asked_at: null } as const;

const existing = (rows: RowReader, receivableId: string): WorkReceivableRow => {
  const row = rows.get(workReceivablesTable, { receivable_id: receivableId });
  if (row === undefined) throw new Error(`receivable ${receivableId} has no ReceivableOpened before this event`);
  return row;
};

/** The installments after allocations (each says what its installment still owes afterwards), and the due dates that follow. */
function allocated(row: WorkReceivableRow, allocations: readonly Allocation[]): WorkReceivableRow {
  const after = new Map(allocations.map((a) => [a.installmentNo, a.outstandingAfter]));
  const installments = (JSON.parse(row.installments) as Installment[]).map((i) => ({
    ...i,
    owed: after.get(i.no) ?? i.owed,
  }));
  return withInstallments(row, installments);
}

function withInstallments(row: WorkReceivableRow, installments: readonly Installment[]): WorkReceivableRow {
  const owing = installments
    .filter((i) => i.owed > 0)
    .map((i) => i.due)
    .sort();
  const last =
    installments
      .map((i) => i.due)
      .sort()
      .at(-1) ?? row.issued_on;
  const next = owing[0] ?? null;
  return { ...row, installments: JSON.stringify(installments), next_due_on: next, sort_due_on: next ?? last };
}

/** Paid towards the latest promise: payments received from the day it was made up to its date, not reversed. */
function withPayments(row: WorkReceivableRow, payments: readonly Payment[]): WorkReceivableRow {
  const from = row.promise_logged_on;
  const until = row.promise_on;
  const paid =
    from === null || until === null
      ? 0
      : payments.filter((p) => !p.reversed && p.on >= from && p.on <= until).reduce((sum, p) => sum + p.amount, 0);
  return { ...row, payments: JSON.stringify(payments), promise_paid: paid };
}

const paymentsOf = (row: WorkReceivableRow): Payment[] => JSON.parse(row.payments) as Payment[];

function opened(event: Extract<ReceivableEvent, { type: 'ReceivableOpened' }>): WorkReceivableRow {
  const d = event.data;
  const row: WorkReceivableRow = {
    receivable_id: d.receivableId,
    order_id: d.orderId,
    customer_id: d.customerId,
    rep_id: d.repId,
    region: d.region,
    currency: d.currency,
    status: 'open',
    amount: d.amount,
    outstanding: d.outstanding,
    issued_on: d.issueDate,
    next_due_on: null,
    sort_due_on: d.dueDate,
    disputed: 0,
    last_follow_up_on: null,
    last_follow_up_channel: null,
    last_follow_up_by: null,
    promise_on: null,
    promise_amount: null,
    promise_logged_on: null,
    promise_paid: 0,
    installments: '[]',
    payments: '[]',
    ...NO_REQUEST,
  };
  return withInstallments(
    row,
    d.installments.map((i) => ({ no: i.installmentNo, due: i.dueDate, owed: i.amount })),
  );
}

function evolveExisting(row: WorkReceivableRow, event: ReceivableEvent): WorkReceivableRow {
  switch (event.type) {
    case 'ReceivableOpened':
      return row;
    case 'PaymentReceived': {
      const d = event.data;
      return withPayments(allocated(row, d.allocations), [
        ...paymentsOf(row),
        { id: d.paymentId, on: d.receivedOn, amount: d.amount, reversed: false },
      ]);
    }
    case 'PaymentReversed': {
      const d = event.data;
      const payments = paymentsOf(row).map((p) => (p.id === d.paymentId ? { ...p, reversed: true } : p));
      return withPayments({ ...allocated(row, d.allocations), status: d.reopened ? 'open' : row.status }, payments);
    }
    case 'CreditNoteIssued':
      return allocated(row, event.data.allocations);
    case 'WriteOffRequested':
      return { ...row, write_off_asked_by: event.data.requestedBy, write_off_asked_at: event.data.requestedAt };
    case 'ReceivableWrittenOff':
      return { ...allocated(row, event.data.allocations), status: 'written_off', ...NO_REQUEST };
    case 'ReceivableSettled':
      return { ...row, status: 'settled', ...NO_REQUEST };
    case 'CollectionFollowUpLogged': {
      const d = event.data;
      const followed = {
        ...row,
        last_follow_up_on: d.loggedOn,
        last_follow_up_channel: d.channel,
        last_follow_up_by: d.loggedBy,
      };
      if (d.promiseToPay === null) return followed;
      const promised = {
        ...followed,
        promise_on: d.promiseToPay.date,
        promise_amount: d.promiseToPay.amount,
        promise_logged_on: d.loggedOn,
      };
      return withPayments(promised, paymentsOf(row));
    }
    case 'ReceivableDisputed':
      return { ...row, disputed: 1 };
    case 'ReceivableDisputeResolved':
      return { ...row, disputed: 0 };
  }
}

/** The receivable list's row from a receivable event (every event carries the outstanding amount after it). */
export function evolveReceivable(event: ReceivableEvent, rows: RowReader): readonly RowWrite[] {
  if (event.type === 'ReceivableOpened') {
    return rows.get(workReceivablesTable, { receivable_id: event.data.receivableId }) === undefined
      ? [upsert(workReceivablesTable, opened(event))]
      : [];
  }
  const row = evolveExisting(existing(rows, event.data.receivableId), event);
  return [upsert(workReceivablesTable, { ...row, outstanding: event.data.outstanding })];
}
