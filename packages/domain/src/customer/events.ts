import { z } from 'zod';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId, CustomerId, InvitationId, RegionId, SurveyId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { Money } from '../shared/money.js';
import { IsoDateTime, YearMonth } from '../shared/time.js';
import {
  DetractorFollowUpClosed,
  DetractorFollowUpOpened,
  type DetractorFollowUpClosedEvent,
  type DetractorFollowUpOpenedEvent,
} from './follow-up-events.js';
import { CustomerSize, StoredSegment, UNASSIGNED_SEGMENT } from './vocabulary.js';

// Stored history must keep loading when command validation tightens, so personal and free-text
// fields are checked for presence here, not re-validated with today's rules.
const StoredText = z.string().min(1);

/** The contact person as stored: personal data, encrypted by a later issue. */
export const StoredContact = z.object({ name: StoredText, phone: StoredText, email: StoredText });
export type StoredContact = z.infer<typeof StoredContact>;

/** The optional profile fields; `null` when unknown. */
const Profile = {
  size: CustomerSize.nullable(),
  businessScope: StoredText.nullable(),
  purchasingHabits: StoredText.nullable(),
};

/** A customer was registered (version 2: `contact` object and `segment`). Registration is the first profile review. */
export const CustomerRegistered = z.object({
  customerId: CustomerId,
  companyName: StoredText,
  contact: StoredContact,
  region: RegionId,
  segment: StoredSegment,
  ownerRepId: ActorId,
  ...Profile,
  registeredAt: IsoDateTime,
});
export type CustomerRegistered = z.infer<typeof CustomerRegistered>;

/**
 * CustomerRegistered as release 1 wrote it: flat `contactName`, `phone`, `email`, no `segment`,
 * and the profile fields left out when unknown. Read through {@link upcastCustomerRegisteredV1}.
 */
export const CustomerRegisteredV1 = z.object({
  customerId: CustomerId,
  companyName: StoredText,
  contactName: StoredText,
  phone: StoredText,
  email: StoredText,
  region: RegionId,
  ownerRepId: ActorId,
  size: CustomerSize.optional(),
  businessScope: StoredText.optional(),
  purchasingHabits: StoredText.optional(),
  registeredAt: IsoDateTime,
});
export type CustomerRegisteredV1 = z.infer<typeof CustomerRegisteredV1>;

/** v1 -> v2: the contact fields move into `contact`, absent profile fields become `null`, and the segment is `unassigned`. */
export const upcastCustomerRegisteredV1 = (data: unknown): unknown => {
  const record: Record<string, unknown> = typeof data === 'object' && data !== null ? { ...data } : {};
  const { contactName, phone, email, size, businessScope, purchasingHabits, ...rest } = record;
  return {
    ...rest,
    contact: { name: contactName, phone, email },
    segment: UNASSIGNED_SEGMENT,
    size: size ?? null,
    businessScope: businessScope ?? null,
    purchasingHabits: purchasingHabits ?? null,
  };
};

/** Fields an UpdateCustomerProfile can change. */
export const ProfileField = z.enum(['size', 'businessScope', 'purchasingHabits', 'segment']);
export type ProfileField = z.infer<typeof ProfileField>;

/** The profile was reviewed at `reviewedAt` and now reads as given; `changedFields` may be empty (reviewed, still current). */
export const CustomerProfileUpdated = z.object({
  customerId: CustomerId,
  ...Profile,
  segment: StoredSegment,
  changedFields: z.array(ProfileField),
  reviewedBy: ActorId,
  reviewedAt: IsoDateTime,
});
export type CustomerProfileUpdated = z.infer<typeof CustomerProfileUpdated>;

/** The contact person was replaced. */
export const CustomerContactChanged = z.object({
  customerId: CustomerId,
  contact: StoredContact,
  changedAt: IsoDateTime,
});
export type CustomerContactChanged = z.infer<typeof CustomerContactChanged>;

/** The customer got another owner rep and/or home region. */
export const CustomerReassigned = z.object({
  customerId: CustomerId,
  fromRepId: ActorId,
  toRepId: ActorId,
  fromRegion: RegionId,
  toRegion: RegionId,
  reassignedBy: ActorId,
  reassignedAt: IsoDateTime,
});
export type CustomerReassigned = z.infer<typeof CustomerReassigned>;

/** The credit limit was set; `previousCreditLimit` is `null` when there was none. */
export const CustomerCreditLimitSet = z.object({
  customerId: CustomerId,
  creditLimit: Money,
  previousCreditLimit: Money.nullable(),
  setBy: ActorId,
  setAt: IsoDateTime,
});
export type CustomerCreditLimitSet = z.infer<typeof CustomerCreditLimitSet>;

/**
 * A customer answered a satisfaction survey. Region, owner rep and segment at the time are kept so
 * satisfaction reports group without re-deriving them; `comment` is personal data. An answer to a survey campaign's
 * invitation also carries the campaign (its id is `surveyId`), the invitation and how it came (`link`: the customer
 * through the signed link; `phone`: a rep recording what the customer said); a rep's own survey has none of them.
 */
export const SatisfactionSurveyRecorded = z.object({
  customerId: CustomerId,
  surveyId: SurveyId,
  period: YearMonth,
  nps: z.number().int().min(0).max(10),
  csat: z.number().int().min(1).max(5),
  scores: z.object({
    productQuality: z.number().int().min(1).max(5),
    delivery: z.number().int().min(1).max(5),
    service: z.number().int().min(1).max(5),
    price: z.number().int().min(1).max(5),
  }),
  comment: StoredText.optional(),
  region: RegionId,
  ownerRepId: ActorId,
  segment: StoredSegment,
  respondedAt: IsoDateTime,
  campaignId: SurveyId.optional(),
  invitationId: InvitationId.optional(),
  channel: z.enum(['link', 'phone']).optional(),
});
export type SatisfactionSurveyRecorded = z.infer<typeof SatisfactionSurveyRecorded>;

/** What ForgetCustomerPersonalData erases. */
export const ERASED_FIELDS = [
  'contact.name',
  'contact.phone',
  'contact.email',
  'survey.comment',
  'followUp.actionTaken',
] as const;

/** The customer's personal data was erased (the key is deleted by the crypto-shredding issue); business facts stay. */
export const CustomerPersonalDataForgotten = z.object({
  customerId: CustomerId,
  erasedFields: z.array(z.enum(ERASED_FIELDS)),
  reason: StoredText,
  forgottenBy: ActorId,
  forgottenAt: IsoDateTime,
});
export type CustomerPersonalDataForgotten = z.infer<typeof CustomerPersonalDataForgotten>;

/** The customer was deactivated. */
export const CustomerDeactivated = z.object({
  customerId: CustomerId,
  reason: StoredText,
  deactivatedBy: ActorId,
  deactivatedAt: IsoDateTime,
});
export type CustomerDeactivated = z.infer<typeof CustomerDeactivated>;

/** CustomerRegistered as an event. */
export type CustomerRegisteredEvent = Event<'CustomerRegistered', CustomerRegistered>;
/** CustomerProfileUpdated as an event. */
export type CustomerProfileUpdatedEvent = Event<'CustomerProfileUpdated', CustomerProfileUpdated>;
/** CustomerContactChanged as an event. */
export type CustomerContactChangedEvent = Event<'CustomerContactChanged', CustomerContactChanged>;
/** CustomerReassigned as an event. */
export type CustomerReassignedEvent = Event<'CustomerReassigned', CustomerReassigned>;
/** CustomerCreditLimitSet as an event. */
export type CustomerCreditLimitSetEvent = Event<'CustomerCreditLimitSet', CustomerCreditLimitSet>;
/** SatisfactionSurveyRecorded as an event. */
export type SatisfactionSurveyRecordedEvent = Event<'SatisfactionSurveyRecorded', SatisfactionSurveyRecorded>;
/** CustomerPersonalDataForgotten as an event. */
export type CustomerPersonalDataForgottenEvent = Event<'CustomerPersonalDataForgotten', CustomerPersonalDataForgotten>;
/** CustomerDeactivated as an event. */
export type CustomerDeactivatedEvent = Event<'CustomerDeactivated', CustomerDeactivated>;

/** Every Customer event. */
export type CustomerEvent =
  | CustomerRegisteredEvent
  | CustomerProfileUpdatedEvent
  | CustomerContactChangedEvent
  | CustomerReassignedEvent
  | CustomerCreditLimitSetEvent
  | SatisfactionSurveyRecordedEvent
  | CustomerPersonalDataForgottenEvent
  | CustomerDeactivatedEvent
  | DetractorFollowUpOpenedEvent
  | DetractorFollowUpClosedEvent;

/** Schemas and versions of the Customer events, for the event registry. */
export const customerEventDefinitions: readonly EventDefinition<CustomerEvent>[] = [
  defineEvent('CustomerRegistered', CustomerRegistered, { version: 2, upcasters: { 1: upcastCustomerRegisteredV1 } }),
  defineEvent('CustomerProfileUpdated', CustomerProfileUpdated),
  defineEvent('CustomerContactChanged', CustomerContactChanged),
  defineEvent('CustomerReassigned', CustomerReassigned),
  defineEvent('CustomerCreditLimitSet', CustomerCreditLimitSet),
  defineEvent('SatisfactionSurveyRecorded', SatisfactionSurveyRecorded),
  defineEvent('CustomerPersonalDataForgotten', CustomerPersonalDataForgotten),
  defineEvent('CustomerDeactivated', CustomerDeactivated),
  defineEvent('DetractorFollowUpOpened', DetractorFollowUpOpened),
  defineEvent('DetractorFollowUpClosed', DetractorFollowUpClosed),
];

/** Reads the events of a Customer stream (`customer-<id>`), upcast and validated, as Customer events. */
export const customerEventRegistry = createEventRegistry(customerEventDefinitions);
