import { z } from 'zod';
import { OrderLine } from '../order/order-line.js';
import { PaymentTerms } from '../order/payment-terms.js';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId, CustomerId, OpportunityId, OrderId, QuotationId, RegionId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { BasisPoints, Currency, NonNegativeMinorUnits } from '../shared/money.js';
import { IsoDate, IsoDateTime, YearMonth } from '../shared/time.js';
import { LostReason, OpenStage } from './commands.js';

/** The probability in force and whether it is an override of the stage's default. */
const Probability = { probabilityBp: BasisPoints, overridden: z.boolean() };

/** An opportunity was opened: whose, how much, when it is expected to close, its stage and probability. */
export const OpportunityOpened = z.object({
  opportunityId: OpportunityId,
  customerId: CustomerId,
  repId: ActorId,
  region: RegionId,
  /** The customer's segment when the opportunity was opened. */
  segment: z.string().min(1),
  title: z.string().min(1),
  amount: NonNegativeMinorUnits,
  currency: Currency,
  expectedCloseMonth: YearMonth,
  stage: OpenStage,
  ...Probability,
  openedBy: ActorId,
  openedAt: IsoDateTime,
});
export type OpportunityOpened = z.infer<typeof OpportunityOpened>;

/** The amount, expected close month or probability changed; the values after the change. */
export const OpportunityRevised = z.object({
  opportunityId: OpportunityId,
  amount: NonNegativeMinorUnits,
  expectedCloseMonth: YearMonth,
  ...Probability,
  revisedBy: ActorId,
  revisedAt: IsoDateTime,
});
export type OpportunityRevised = z.infer<typeof OpportunityRevised>;

/** The opportunity moved from one open stage to another, with the probability now in force. */
export const OpportunityStageMoved = z.object({
  opportunityId: OpportunityId,
  from: OpenStage,
  to: OpenStage,
  ...Probability,
  movedBy: ActorId,
  movedAt: IsoDateTime,
});
export type OpportunityStageMoved = z.infer<typeof OpportunityStageMoved>;

/** The opportunity was lost at stage `from`, and why. */
export const OpportunityLost = z.object({
  opportunityId: OpportunityId,
  from: OpenStage,
  reason: LostReason,
  note: z.string().min(1).nullable(),
  lostBy: ActorId,
  lostAt: IsoDateTime,
});
export type OpportunityLost = z.infer<typeof OpportunityLost>;

/** A quotation was sent: its lines priced as an order's, its total, until when it holds and the order's terms. */
export const QuotationSent = z.object({
  opportunityId: OpportunityId,
  quotationId: QuotationId,
  currency: Currency,
  lines: z.array(OrderLine).min(1),
  total: NonNegativeMinorUnits,
  validUntil: IsoDate,
  promisedDeliveryDate: IsoDate,
  paymentTerms: PaymentTerms,
  sentBy: ActorId,
  sentAt: IsoDateTime,
});
export type QuotationSent = z.infer<typeof QuotationSent>;

/** The customer accepted the quotation on `acceptedOn`; `orderId` is the order placed from it. */
export const QuotationAccepted = z.object({
  opportunityId: OpportunityId,
  quotationId: QuotationId,
  orderId: OrderId,
  acceptedOn: IsoDate,
  acceptedBy: ActorId,
  acceptedAt: IsoDateTime,
});
export type QuotationAccepted = z.infer<typeof QuotationAccepted>;

/** The opportunity was won by an accepted quotation, for the quotation's total. */
export const OpportunityWon = z.object({
  opportunityId: OpportunityId,
  quotationId: QuotationId,
  orderId: OrderId,
  from: OpenStage,
  amount: NonNegativeMinorUnits,
  wonBy: ActorId,
  wonAt: IsoDateTime,
});
export type OpportunityWon = z.infer<typeof OpportunityWon>;

/** OpportunityOpened as an event. */
export type OpportunityOpenedEvent = Event<'OpportunityOpened', OpportunityOpened>;
/** OpportunityRevised as an event. */
export type OpportunityRevisedEvent = Event<'OpportunityRevised', OpportunityRevised>;
/** OpportunityStageMoved as an event. */
export type OpportunityStageMovedEvent = Event<'OpportunityStageMoved', OpportunityStageMoved>;
/** OpportunityLost as an event. */
export type OpportunityLostEvent = Event<'OpportunityLost', OpportunityLost>;
/** QuotationSent as an event. */
export type QuotationSentEvent = Event<'QuotationSent', QuotationSent>;
/** QuotationAccepted as an event. */
export type QuotationAcceptedEvent = Event<'QuotationAccepted', QuotationAccepted>;
/** OpportunityWon as an event. */
export type OpportunityWonEvent = Event<'OpportunityWon', OpportunityWon>;

/** Every Opportunity event. */
export type OpportunityEvent =
  | OpportunityOpenedEvent
  | OpportunityRevisedEvent
  | OpportunityStageMovedEvent
  | OpportunityLostEvent
  | QuotationSentEvent
  | QuotationAcceptedEvent
  | OpportunityWonEvent;

/** Schemas and versions of the Opportunity events, for the event registry. */
export const opportunityEventDefinitions: readonly EventDefinition<OpportunityEvent>[] = [
  defineEvent('OpportunityOpened', OpportunityOpened),
  defineEvent('OpportunityRevised', OpportunityRevised),
  defineEvent('OpportunityStageMoved', OpportunityStageMoved),
  defineEvent('OpportunityLost', OpportunityLost),
  defineEvent('QuotationSent', QuotationSent),
  defineEvent('QuotationAccepted', QuotationAccepted),
  defineEvent('OpportunityWon', OpportunityWon),
];

/** Reads the events of an opportunity stream (`opportunity-<id>`), validated, as Opportunity events. */
export const opportunityEventRegistry = createEventRegistry(opportunityEventDefinitions);
