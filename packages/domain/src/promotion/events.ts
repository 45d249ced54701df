import { z } from 'zod';
import { Role } from '../shared/actors.js';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId, PromotionId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { Currency, PositiveMinorUnits } from '../shared/money.js';
import { IsoDate, IsoDateTime } from '../shared/time.js';
import { PromotionBenefit, PromotionCoverage } from './commands.js';

/** A promotion was drafted (not yet in force); `budget` null is unlimited. */
export const PromotionDrafted = z.object({
  promotionId: PromotionId,
  name: z.string().min(1),
  currency: Currency,
  startsOn: IsoDate,
  endsOn: IsoDate,
  coverage: PromotionCoverage,
  benefit: PromotionBenefit,
  budget: PositiveMinorUnits.nullable(),
  draftedBy: ActorId,
  drafterRole: Role,
  draftedAt: IsoDateTime,
});
export type PromotionDrafted = z.infer<typeof PromotionDrafted>;

/** A sales manager approved the promotion: it applies on its days. */
export const PromotionApproved = z.object({ promotionId: PromotionId, approvedBy: ActorId, approvedAt: IsoDateTime });
export type PromotionApproved = z.infer<typeof PromotionApproved>;

/** The promotion was ended early on `endsOn` (its last day), or withdrawn while a draft (`wasApproved` false). */
export const PromotionEnded = z.object({
  promotionId: PromotionId,
  endsOn: IsoDate,
  previousEndsOn: IsoDate,
  wasApproved: z.boolean(),
  reason: z.string().min(1),
  endedBy: ActorId,
  endedAt: IsoDateTime,
});
export type PromotionEnded = z.infer<typeof PromotionEnded>;

/** PromotionDrafted as an event. */
export type PromotionDraftedEvent = Event<'PromotionDrafted', PromotionDrafted>;
/** PromotionApproved as an event. */
export type PromotionApprovedEvent = Event<'PromotionApproved', PromotionApproved>;
/** PromotionEnded as an event. */
export type PromotionEndedEvent = Event<'PromotionEnded', PromotionEnded>;

/** Every Promotion event. */
export type PromotionEvent = PromotionDraftedEvent | PromotionApprovedEvent | PromotionEndedEvent;

/** Schemas and versions of the Promotion events, for the event registry. */
export const promotionEventDefinitions: readonly EventDefinition<PromotionEvent>[] = [
  defineEvent('PromotionDrafted', PromotionDrafted),
  defineEvent('PromotionApproved', PromotionApproved),
  defineEvent('PromotionEnded', PromotionEnded),
];

/** Reads the events of a Promotion stream (`promotion-<id>`), validated, as Promotion events. */
export const promotionEventRegistry = createEventRegistry(promotionEventDefinitions);
