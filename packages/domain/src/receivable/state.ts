import type { ActorId, CustomerId, OrderId, PaymentId, ReceivableId, RegionId } from '../shared/ids.js';
import type { Currency } from '../shared/money.js';
import type { IsoDate, IsoDateTime } from '../shared/time.js';
import type { ReceivableEvent, ReceivableOpened } from './events.js';
import type { Allocation, PaymentMethod } from './vocabulary.js';

/** Statuses of an existing receivable; a dispute is a flag beside the status, not a status. */
export type ReceivableStatus = 'open' | 'settled' | 'written_off';

/** One installment and what it still owes. */
export interface InstallmentState {
  readonly installmentNo: number;
  readonly dueDate: IsoDate;
  readonly amount: number;
  readonly outstanding: number;
}

/** A payment as received, kept to recognise repeats, reverse it and judge promises. */
export interface PaymentRecord {
  readonly amount: number;
  readonly receivedOn: IsoDate;
  readonly method: PaymentMethod;
  readonly installmentNo: number | null;
  readonly allocations: readonly Allocation[];
  readonly reversedOn: IsoDate | null;
}

/** A credit note as issued, kept to recognise repeats. */
export interface CreditNoteRecord {
  readonly amount: number;
  readonly creditedOn: IsoDate;
}

/** A promise to pay `amount` by `date`, made on `loggedOn`. */
export interface PromiseRecord {
  readonly loggedOn: IsoDate;
  readonly date: IsoDate;
  readonly amount: number;
}

/** A write-off waiting for a manager's approval. */
export interface WriteOffRequest {
  readonly requestedBy: ActorId;
  readonly reason: string;
  readonly requestedAt: IsoDateTime;
}

/** An open dispute. */
export interface DisputeRecord {
  readonly reason: string;
  readonly disputedAt: IsoDateTime;
}

/** No receivable in the stream yet. */
export interface NoReceivable {
  readonly status: 'none';
}

/** A receivable that exists. `paid` is net of reversals. */
export interface Receivable {
  readonly status: ReceivableStatus;
  readonly receivableId: ReceivableId;
  readonly orderId: OrderId;
  readonly customerId: CustomerId;
  readonly repId: ActorId;
  readonly region: RegionId;
  readonly currency: Currency;
  readonly amount: number;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly installments: readonly InstallmentState[];
  readonly outstanding: number;
  readonly paid: number;
  readonly credited: number;
  readonly writtenOff: number;
  readonly payments: Readonly<Record<string, PaymentRecord>>;
  readonly creditNotes: Readonly<Record<string, CreditNoteRecord>>;
  readonly promises: readonly PromiseRecord[];
  readonly lastFollowUpOn: IsoDate | null;
  readonly writeOffRequest: WriteOffRequest | null;
  readonly dispute: DisputeRecord | null;
}

/** State of a receivable stream, tagged by `status`. */
export type ReceivableState = NoReceivable | Receivable;

/** The state of an empty stream. */
export const initialState = (): ReceivableState => ({ status: 'none' });

const opened = (data: ReceivableOpened): Receivable => ({
  status: 'open',
  receivableId: data.receivableId,
  orderId: data.orderId,
  customerId: data.customerId,
  repId: data.repId,
  region: data.region,
  currency: data.currency,
  amount: data.amount,
  issueDate: data.issueDate,
  dueDate: data.dueDate,
  installments: data.installments.map((part) => ({ ...part, outstanding: part.amount })),
  outstanding: data.outstanding,
  paid: 0,
  credited: 0,
  writtenOff: 0,
  payments: {},
  creditNotes: {},
  promises: [],
  lastFollowUpOn: null,
  writeOffRequest: null,
  dispute: null,
});

/** Installments with the `outstandingAfter` of each allocation applied. */
const allocated = (installments: readonly InstallmentState[], allocations: readonly Allocation[]): InstallmentState[] =>
  installments.map((part) => {
    const allocation = allocations.find((a) => a.installmentNo === part.installmentNo);
    return allocation === undefined ? part : { ...part, outstanding: allocation.outstandingAfter };
  });

const withPayment = (payments: Receivable['payments'], id: PaymentId, reversedOn: IsoDate): Receivable['payments'] => {
  const payment = payments[id];
  return payment === undefined ? payments : { ...payments, [id]: { ...payment, reversedOn } };
};

const evolveReceivable = (r: Receivable, event: ReceivableEvent): Receivable => {
  const outstanding = event.data.outstanding;
  switch (event.type) {
    case 'ReceivableOpened':
      return r;
    case 'PaymentReceived': {
      const { paymentId, amount, receivedOn, method, installmentNo, allocations } = event.data;
      const payment: PaymentRecord = { amount, receivedOn, method, installmentNo, allocations, reversedOn: null };
      return {
        ...r,
        outstanding,
        paid: r.paid + amount,
        installments: allocated(r.installments, allocations),
        payments: { ...r.payments, [paymentId]: payment },
      };
    }
    case 'PaymentReversed': {
      const { paymentId, amount, reversedOn, allocations } = event.data;
      const installments = allocated(r.installments, allocations);
      return {
        ...r,
        status: 'open',
        outstanding,
        paid: r.paid - amount,
        installments,
        payments: withPayment(r.payments, paymentId, reversedOn),
      };
    }
    case 'CreditNoteIssued': {
      const { creditNoteId, amount, creditedOn, allocations } = event.data;
      const creditNotes = { ...r.creditNotes, [creditNoteId]: { amount, creditedOn } };
      return {
        ...r,
        outstanding,
        credited: r.credited + amount,
        installments: allocated(r.installments, allocations),
        creditNotes,
      };
    }
    case 'WriteOffRequested':
      return {
        ...r,
        writeOffRequest: {
          requestedBy: event.data.requestedBy,
          reason: event.data.reason,
          requestedAt: event.data.requestedAt,
        },
      };
    case 'ReceivableWrittenOff': {
      const installments = allocated(r.installments, event.data.allocations);
      return {
        ...r,
        status: 'written_off',
        outstanding,
        writtenOff: r.writtenOff + event.data.amount,
        installments,
        writeOffRequest: null,
      };
    }
    case 'ReceivableSettled':
      return { ...r, status: 'settled', outstanding, writeOffRequest: null };
    case 'CollectionFollowUpLogged': {
      const { promiseToPay, loggedOn } = event.data;
      const promises = promiseToPay === null ? r.promises : [...r.promises, { loggedOn, ...promiseToPay }];
      return { ...r, promises, lastFollowUpOn: loggedOn };
    }
    case 'ReceivableDisputed':
      return { ...r, dispute: { reason: event.data.reason, disputedAt: event.data.disputedAt } };
    case 'ReceivableDisputeResolved':
      return { ...r, dispute: null };
  }
};

/** Folds one event into the state; an event that does not apply leaves the state unchanged. */
export const evolve = (state: ReceivableState, event: ReceivableEvent): ReceivableState => {
  if (state.status === 'none') return event.type === 'ReceivableOpened' ? opened(event.data) : state;
  return evolveReceivable(state, event);
};
