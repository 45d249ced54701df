import { z } from 'zod';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId, CommissionPlanId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { IsoDateTime, YearMonth } from '../shared/time.js';
import { CommissionTerms } from './commands.js';

/**
 * A version of a commission plan, in force from `effectiveFrom` until the plan's next version or its end.
 * `replaces` is the version of the same month it takes the place of (a month not yet begun, or the current one).
 */
export const CommissionPlanVersionSet = CommissionTerms.extend({
  planId: CommissionPlanId,
  version: z.number().int().positive(),
  effectiveFrom: YearMonth,
  replaces: z.number().int().positive().nullable(),
  setBy: ActorId,
  setAt: IsoDateTime,
});
export type CommissionPlanVersionSet = z.infer<typeof CommissionPlanVersionSet>;

/** A plan ends: no version of it applies from `from` on. */
export const CommissionPlanEnded = z.object({
  planId: CommissionPlanId,
  from: YearMonth,
  endedBy: ActorId,
  endedAt: IsoDateTime,
});
export type CommissionPlanEnded = z.infer<typeof CommissionPlanEnded>;

/** CommissionPlanVersionSet as an event. */
export type CommissionPlanVersionSetEvent = Event<'CommissionPlanVersionSet', CommissionPlanVersionSet>;
/** CommissionPlanEnded as an event. */
export type CommissionPlanEndedEvent = Event<'CommissionPlanEnded', CommissionPlanEnded>;

/** Every CommissionPlan event. */
export type CommissionPlanEvent = CommissionPlanVersionSetEvent | CommissionPlanEndedEvent;

/** Schemas and versions of the CommissionPlan events, for the event registry. */
export const commissionPlanEventDefinitions: readonly EventDefinition<CommissionPlanEvent>[] = [
  defineEvent('CommissionPlanVersionSet', CommissionPlanVersionSet),
  defineEvent('CommissionPlanEnded', CommissionPlanEnded),
];

/** Reads the events of the `commission-plans` stream, validated, as CommissionPlan events. */
export const commissionPlanEventRegistry = createEventRegistry(commissionPlanEventDefinitions);
