import { z } from 'zod';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId, RegionId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { Currency, PositiveMinorUnits } from '../shared/money.js';
import { IsoDateTime, YearMonth } from '../shared/time.js';
import { TargetScope, TargetScopeId } from './commands.js';

/** Which target: month, scope and scope id; `region` is the region it counts towards (a rep's region for rep targets). */
const TargetFacts = {
  month: YearMonth,
  scope: TargetScope,
  scopeId: TargetScopeId,
  region: RegionId,
  currency: Currency,
};

/** A sales target was set for a month. */
export const SalesTargetSet = z.object({
  ...TargetFacts,
  amount: PositiveMinorUnits,
  setBy: ActorId,
  setAt: IsoDateTime,
});
export type SalesTargetSet = z.infer<typeof SalesTargetSet>;

/** A sales target was revised from `previousAmount` to `amount`, with the reason. */
export const SalesTargetRevised = z.object({
  ...TargetFacts,
  previousAmount: PositiveMinorUnits,
  amount: PositiveMinorUnits,
  reason: z.string().min(1),
  revisedBy: ActorId,
  revisedAt: IsoDateTime,
});
export type SalesTargetRevised = z.infer<typeof SalesTargetRevised>;

/** SalesTargetSet as an event. */
export type SalesTargetSetEvent = Event<'SalesTargetSet', SalesTargetSet>;
/** SalesTargetRevised as an event. */
export type SalesTargetRevisedEvent = Event<'SalesTargetRevised', SalesTargetRevised>;

/** Every Target event. */
export type TargetEvent = SalesTargetSetEvent | SalesTargetRevisedEvent;

/** Schemas and versions of the Target events, for the event registry. */
export const targetEventDefinitions: readonly EventDefinition<TargetEvent>[] = [
  defineEvent('SalesTargetSet', SalesTargetSet),
  defineEvent('SalesTargetRevised', SalesTargetRevised),
];

/** Reads the events of a Target stream (`target-<id>`), upcast and validated, as Target events. */
export const targetEventRegistry = createEventRegistry(targetEventDefinitions);
