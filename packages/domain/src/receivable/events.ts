import { z } from 'zod';
import { Role } from '../shared/actors.js';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId, CustomerId, OrderId, PaymentId, ReceivableId, RegionId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { Currency, NonNegativeMinorUnits, PositiveMinorUnits } from '../shared/money.js';
import { IsoDate, IsoDateTime } from '../shared/time.js';
import {
  Allocation,
  CreditNoteId,
  FollowUpChannel,
  Installment,
  InstallmentNo,
  PaymentMethod,
  ReversalReason,
} from './vocabulary.js';

/**
 * Fields every Receivable event carries, so projections group by rep, region and currency without
 * looking anything up; `outstanding` is what the customer owes after the event.
 */
const Common = {
  receivableId: ReceivableId,
  orderId: OrderId,
  customerId: CustomerId,
  repId: ActorId,
  region: RegionId,
  currency: Currency,
  outstanding: NonNegativeMinorUnits,
};

/** An invoice was issued: `amount` falls due by `installments` (one at `dueDate` when no schedule was given). */
export const ReceivableOpened = z.object({
  ...Common,
  amount: PositiveMinorUnits,
  issueDate: IsoDate,
  dueDate: IsoDate,
  installments: z.array(Installment).min(1),
  openedAt: IsoDateTime,
});
export type ReceivableOpened = z.infer<typeof ReceivableOpened>;

/** A payment was received on `receivedOn` and allocated to installments (`allocations`, oldest first unless aimed). */
export const PaymentReceived = z.object({
  ...Common,
  paymentId: PaymentId,
  amount: PositiveMinorUnits,
  method: PaymentMethod,
  receivedOn: IsoDate,
  installmentNo: InstallmentNo.nullable(),
  /** Only on a fact dated in a month that was closed when it was recorded: the open business day it counts on. */
  postedOn: IsoDate.optional(),
  allocations: z.array(Allocation).min(1),
  recordedAt: IsoDateTime,
});
export type PaymentReceived = z.infer<typeof PaymentReceived>;

/**
 * A payment bounced: its `allocations` are owed again, counted as a reversal on `reversedOn`
 * (never in the period it was received). `reopened` when it re-opens a settled or written-off receivable.
 */
export const PaymentReversed = z.object({
  ...Common,
  paymentId: PaymentId,
  amount: PositiveMinorUnits,
  reason: ReversalReason,
  receivedOn: IsoDate,
  reversedOn: IsoDate,
  /** Only on a fact dated in a month that was closed when it was recorded: the open business day it counts on. */
  postedOn: IsoDate.optional(),
  allocations: z.array(Allocation).min(1),
  reopened: z.boolean(),
  recordedAt: IsoDateTime,
});
export type PaymentReversed = z.infer<typeof PaymentReversed>;

/** A credit note reduced what is owed (never a collection), allocated like a payment. */
export const CreditNoteIssued = z.object({
  ...Common,
  creditNoteId: CreditNoteId,
  amount: PositiveMinorUnits,
  reason: z.string().min(1),
  creditedOn: IsoDate,
  /** Only on a fact dated in a month that was closed when it was recorded: the open business day it counts on. */
  postedOn: IsoDate.optional(),
  allocations: z.array(Allocation).min(1),
  issuedBy: ActorId,
  issuedAt: IsoDateTime,
});
export type CreditNoteIssued = z.infer<typeof CreditNoteIssued>;

/** Someone asked for the outstanding amount to be written off; a different manager must approve. */
export const WriteOffRequested = z.object({
  ...Common,
  reason: z.string().min(1),
  requestedBy: ActorId,
  requesterRole: Role,
  requestedAt: IsoDateTime,
});
export type WriteOffRequested = z.infer<typeof WriteOffRequested>;

/** A manager approved the write-off: `amount` (all that was outstanding) is lost, never collected. */
export const ReceivableWrittenOff = z.object({
  ...Common,
  amount: PositiveMinorUnits,
  reason: z.string().min(1),
  requestedBy: ActorId,
  approvedBy: ActorId,
  approverRole: Role,
  writtenOffOn: IsoDate,
  /** Only on a fact dated in a month that was closed when it was recorded: the open business day it counts on. */
  postedOn: IsoDate.optional(),
  allocations: z.array(Allocation).min(1),
  approvedAt: IsoDateTime,
});
export type ReceivableWrittenOff = z.infer<typeof ReceivableWrittenOff>;

/** Outstanding reached zero by payments and credit notes on `settledOn`. */
export const ReceivableSettled = z.object({
  ...Common,
  amount: PositiveMinorUnits,
  paid: NonNegativeMinorUnits,
  credited: NonNegativeMinorUnits,
  dueDate: IsoDate,
  settledOn: IsoDate,
});
export type ReceivableSettled = z.infer<typeof ReceivableSettled>;

/** A collection follow-up; `note` is personal data (encrypted at rest), `promiseToPay` optional. */
export const CollectionFollowUpLogged = z.object({
  ...Common,
  channel: FollowUpChannel,
  note: z.string().min(1),
  promiseToPay: z.object({ date: IsoDate, amount: PositiveMinorUnits }).nullable(),
  loggedOn: IsoDate,
  loggedBy: ActorId,
  loggedAt: IsoDateTime,
});
export type CollectionFollowUpLogged = z.infer<typeof CollectionFollowUpLogged>;

/** The customer disputed the receivable; reminders pause until it is resolved. */
export const ReceivableDisputed = z.object({
  ...Common,
  reason: z.string().min(1),
  disputedBy: ActorId,
  disputedAt: IsoDateTime,
});
export type ReceivableDisputed = z.infer<typeof ReceivableDisputed>;

/** The dispute was resolved; `disputedAt` is when it began, so its length needs no lookup. */
export const ReceivableDisputeResolved = z.object({
  ...Common,
  resolution: z.string().min(1),
  disputedAt: IsoDateTime,
  resolvedBy: ActorId,
  resolvedAt: IsoDateTime,
});
export type ReceivableDisputeResolved = z.infer<typeof ReceivableDisputeResolved>;

/** ReceivableOpened event. */
export type ReceivableOpenedEvent = Event<'ReceivableOpened', ReceivableOpened>;
/** PaymentReceived event. */
export type PaymentReceivedEvent = Event<'PaymentReceived', PaymentReceived>;
/** PaymentReversed event. */
export type PaymentReversedEvent = Event<'PaymentReversed', PaymentReversed>;
/** CreditNoteIssued event. */
export type CreditNoteIssuedEvent = Event<'CreditNoteIssued', CreditNoteIssued>;
/** WriteOffRequested event. */
export type WriteOffRequestedEvent = Event<'WriteOffRequested', WriteOffRequested>;
/** ReceivableWrittenOff event. */
export type ReceivableWrittenOffEvent = Event<'ReceivableWrittenOff', ReceivableWrittenOff>;
/** ReceivableSettled event. */
export type ReceivableSettledEvent = Event<'ReceivableSettled', ReceivableSettled>;
/** CollectionFollowUpLogged event. */
export type CollectionFollowUpLoggedEvent = Event<'CollectionFollowUpLogged', CollectionFollowUpLogged>;
/** ReceivableDisputed event. */
export type ReceivableDisputedEvent = Event<'ReceivableDisputed', ReceivableDisputed>;
/** ReceivableDisputeResolved event. */
export type ReceivableDisputeResolvedEvent = Event<'ReceivableDisputeResolved', ReceivableDisputeResolved>;

/** Every event of the Receivable aggregate. */
export type ReceivableEvent =
  | ReceivableOpenedEvent
  | PaymentReceivedEvent
  | PaymentReversedEvent
  | CreditNoteIssuedEvent
  | WriteOffRequestedEvent
  | ReceivableWrittenOffEvent
  | ReceivableSettledEvent
  | CollectionFollowUpLoggedEvent
  | ReceivableDisputedEvent
  | ReceivableDisputeResolvedEvent;

/** Schemas and versions of the Receivable events, for the event registry. */
export const receivableEventDefinitions: readonly EventDefinition<ReceivableEvent>[] = [
  defineEvent('ReceivableOpened', ReceivableOpened),
  defineEvent('PaymentReceived', PaymentReceived),
  defineEvent('PaymentReversed', PaymentReversed),
  defineEvent('CreditNoteIssued', CreditNoteIssued),
  defineEvent('WriteOffRequested', WriteOffRequested),
  defineEvent('ReceivableWrittenOff', ReceivableWrittenOff),
  defineEvent('ReceivableSettled', ReceivableSettled),
  defineEvent('CollectionFollowUpLogged', CollectionFollowUpLogged),
  defineEvent('ReceivableDisputed', ReceivableDisputed),
  defineEvent('ReceivableDisputeResolved', ReceivableDisputeResolved),
];

/** Reads the events of a Receivable stream (`receivable-<id>`), upcast and validated, as Receivable events. */
export const receivableEventRegistry = createEventRegistry(receivableEventDefinitions);
