import { z } from 'zod';
import { Role } from '../shared/actors.js';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId, ComplaintId, CustomerId, OrderId, RegionId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { Currency, PositiveMinorUnits } from '../shared/money.js';
import { IsoDateTime } from '../shared/time.js';
import {
  ComplaintCompensationApproved,
  ComplaintCompensationRejected,
  ComplaintCompensationRequested,
  type ComplaintCompensationEvent,
} from './compensation-events.js';
import {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintSeverity,
  HandlingSatisfaction,
  ComplaintRootCause,
} from './vocabulary.js';

const Text = z.string().min(1);
const Millis = z.number().int().nonnegative();

/**
 * A complaint was filed. `ownerRepId` and `region` are the customer's at filing: reports attribute the
 * complaint to them and the objectivity rule keeps that rep from handling it. `description` is personal data.
 */
export const ComplaintFiled = z.object({
  complaintId: ComplaintId,
  customerId: CustomerId,
  orderId: OrderId.nullable(),
  channel: ComplaintChannel,
  category: ComplaintCategory,
  severity: ComplaintSeverity,
  description: Text,
  ownerRepId: ActorId,
  region: RegionId,
  filedBy: ActorId,
  filedAt: IsoDateTime,
});
export type ComplaintFiled = z.infer<typeof ComplaintFiled>;

/** A handler was assigned; `previousHandlerId` is set on a reassignment. */
export const ComplaintAssigned = z.object({
  complaintId: ComplaintId,
  handlerId: ActorId,
  previousHandlerId: ActorId.nullable(),
  assignedBy: ActorId,
  assignedAt: IsoDateTime,
});
export type ComplaintAssigned = z.infer<typeof ComplaintAssigned>;

/** The customer was told we have the complaint: the acknowledgement clock stops at `acknowledgedAt`. */
export const ComplaintAcknowledged = z.object({
  complaintId: ComplaintId,
  handlerId: ActorId,
  acknowledgedBy: ActorId,
  acknowledgedAt: IsoDateTime,
});
export type ComplaintAcknowledged = z.infer<typeof ComplaintAcknowledged>;

/** Investigation findings (personal data) and, once known, the root cause. */
export const ComplaintInvestigationRecorded = z.object({
  complaintId: ComplaintId,
  rootCause: ComplaintRootCause.nullable(),
  findings: Text,
  recordedBy: ActorId,
  recordedAt: IsoDateTime,
});
export type ComplaintInvestigationRecorded = z.infer<typeof ComplaintInvestigationRecorded>;

/** The handler waits on the customer from `pausedAt`: the resolution clock pauses. `note` is personal data. */
export const ComplaintAwaitingCustomer = z.object({
  complaintId: ComplaintId,
  note: Text,
  pausedBy: ActorId,
  pausedAt: IsoDateTime,
});
export type ComplaintAwaitingCustomer = z.infer<typeof ComplaintAwaitingCustomer>;

/** The customer responded at `resumedAt`, after `pausedMs` of waiting. `note` is personal data. */
export const ComplaintCustomerResponded = z.object({
  complaintId: ComplaintId,
  note: Text.nullable(),
  recordedBy: ActorId,
  pausedAt: IsoDateTime,
  resumedAt: IsoDateTime,
  pausedMs: Millis,
});
export type ComplaintCustomerResponded = z.infer<typeof ComplaintCustomerResponded>;

/** The complaint was escalated to `escalatedTo`; `level` counts escalations (1 for the first). */
export const ComplaintEscalated = z.object({
  complaintId: ComplaintId,
  escalatedTo: ActorId,
  reason: Text,
  level: z.number().int().positive(),
  escalatedBy: ActorId,
  escalatedAt: IsoDateTime,
});
export type ComplaintEscalated = z.infer<typeof ComplaintEscalated>;

/** The complaint was resolved with this root cause and resolution (personal data), and any compensation. */
export const ComplaintResolved = z.object({
  complaintId: ComplaintId,
  rootCause: ComplaintRootCause,
  resolution: Text,
  compensation: z.object({ amount: PositiveMinorUnits, currency: Currency }).nullable(),
  resolvedBy: ActorId,
  resolverRole: Role,
  resolvedAt: IsoDateTime,
});
export type ComplaintResolved = z.infer<typeof ComplaintResolved>;

/** The complaint was closed with the customer's satisfaction with the handling (1-5). */
export const ComplaintClosed = z.object({
  complaintId: ComplaintId,
  satisfaction: HandlingSatisfaction,
  ownerRepId: ActorId,
  region: RegionId,
  closedBy: ActorId,
  closedAt: IsoDateTime,
});
export type ComplaintClosed = z.infer<typeof ComplaintClosed>;

/** A closed complaint was reopened (back to investigating); `reopenCount` counts reopens (1 for the first). */
export const ComplaintReopened = z.object({
  complaintId: ComplaintId,
  reason: Text,
  reopenCount: z.number().int().positive(),
  closedAt: IsoDateTime,
  reopenedBy: ActorId,
  reopenedAt: IsoDateTime,
});
export type ComplaintReopened = z.infer<typeof ComplaintReopened>;

/** ComplaintFiled event. */
export type ComplaintFiledEvent = Event<'ComplaintFiled', ComplaintFiled>;
/** ComplaintAssigned event. */
export type ComplaintAssignedEvent = Event<'ComplaintAssigned', ComplaintAssigned>;
/** ComplaintAcknowledged event. */
export type ComplaintAcknowledgedEvent = Event<'ComplaintAcknowledged', ComplaintAcknowledged>;
/** ComplaintInvestigationRecorded event. */
export type ComplaintInvestigationRecordedEvent = Event<
  'ComplaintInvestigationRecorded',
  ComplaintInvestigationRecorded
>;
/** ComplaintAwaitingCustomer event. */
export type ComplaintAwaitingCustomerEvent = Event<'ComplaintAwaitingCustomer', ComplaintAwaitingCustomer>;
/** ComplaintCustomerResponded event. */
export type ComplaintCustomerRespondedEvent = Event<'ComplaintCustomerResponded', ComplaintCustomerResponded>;
/** ComplaintEscalated event. */
export type ComplaintEscalatedEvent = Event<'ComplaintEscalated', ComplaintEscalated>;
/** ComplaintResolved event. */
export type ComplaintResolvedEvent = Event<'ComplaintResolved', ComplaintResolved>;
/** ComplaintClosed event. */
export type ComplaintClosedEvent = Event<'ComplaintClosed', ComplaintClosed>;
/** ComplaintReopened event. */
export type ComplaintReopenedEvent = Event<'ComplaintReopened', ComplaintReopened>;

/** Every event of the Complaint aggregate. */
export type ComplaintEvent =
  | ComplaintFiledEvent
  | ComplaintAssignedEvent
  | ComplaintAcknowledgedEvent
  | ComplaintInvestigationRecordedEvent
  | ComplaintAwaitingCustomerEvent
  | ComplaintCustomerRespondedEvent
  | ComplaintEscalatedEvent
  | ComplaintResolvedEvent
  | ComplaintClosedEvent
  | ComplaintReopenedEvent
  | ComplaintCompensationEvent;

/** Schemas and versions of the Complaint events, for the event registry. */
export const complaintEventDefinitions: readonly EventDefinition<ComplaintEvent>[] = [
  defineEvent('ComplaintFiled', ComplaintFiled),
  defineEvent('ComplaintAssigned', ComplaintAssigned),
  defineEvent('ComplaintAcknowledged', ComplaintAcknowledged),
  defineEvent('ComplaintInvestigationRecorded', ComplaintInvestigationRecorded),
  defineEvent('ComplaintAwaitingCustomer', ComplaintAwaitingCustomer),
  defineEvent('ComplaintCustomerResponded', ComplaintCustomerResponded),
  defineEvent('ComplaintEscalated', ComplaintEscalated),
  defineEvent('ComplaintResolved', ComplaintResolved),
  defineEvent('ComplaintClosed', ComplaintClosed),
  defineEvent('ComplaintReopened', ComplaintReopened),
  defineEvent('ComplaintCompensationRequested', ComplaintCompensationRequested),
  defineEvent('ComplaintCompensationApproved', ComplaintCompensationApproved),
  defineEvent('ComplaintCompensationRejected', ComplaintCompensationRejected),
];

/** The free-text fields of each event that hold personal data (to be encrypted; masked for auditors and analysts). */
export const COMPLAINT_PERSONAL_DATA_FIELDS: Readonly<Partial<Record<ComplaintEvent['type'], readonly string[]>>> = {
  ComplaintFiled: ['description'],
  ComplaintInvestigationRecorded: ['findings'],
  ComplaintAwaitingCustomer: ['note'],
  ComplaintCustomerResponded: ['note'],
  ComplaintResolved: ['resolution'],
  ComplaintReopened: ['reason'],
  ComplaintEscalated: ['reason'],
  ComplaintCompensationRequested: ['reason'],
  ComplaintCompensationRejected: ['reason'],
};

/** Reads the events of a Complaint stream (`complaint-<id>`), upcast and validated, as Complaint events. */
export const complaintEventRegistry = createEventRegistry(complaintEventDefinitions);
