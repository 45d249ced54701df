import { z } from 'zod';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId, RegionId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { Currency, PositiveMinorUnits } from '../shared/money.js';
import { IsoDateTime } from '../shared/time.js';
import { TargetPart, TargetScope, TargetScopeId } from './commands.js';
import { TargetMeasure, TargetPeriod } from './period.js';

/**
 * Which target: period, measure, scope and scope id; `region` is the region it counts towards (a rep's region for rep
 * targets). A `newCustomers` target counts customers: its `amount` is a number of customers, `currency` is still the
 * one the command named.
 */
const TargetFacts = {
  period: TargetPeriod,
  measure: TargetMeasure,
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

/**
 * A region's target was split into its reps' targets: `amount` is the region target's when split (the parts' sum),
 * each part is the rep's target of the period and measure in `currency`. A later split replaces this one whole.
 */
export const SalesTargetSplit = z.object({
  ...TargetFacts,
  amount: PositiveMinorUnits,
  parts: z.array(TargetPart).min(1),
  splitBy: ActorId,
  splitAt: IsoDateTime,
});
export type SalesTargetSplit = z.infer<typeof SalesTargetSplit>;

/** v1 -> v2 (both events): version 1 named a `month`, which is the period, and every target then measured booked sales. */
export const upcastTargetV1 = (data: unknown): unknown => {
  const { month, ...rest }: Record<string, unknown> = typeof data === 'object' && data !== null ? { ...data } : {};
  return { ...rest, period: month, measure: 'booked' };
};

/** SalesTargetSet as an event. */
export type SalesTargetSetEvent = Event<'SalesTargetSet', SalesTargetSet>;
/** SalesTargetRevised as an event. */
export type SalesTargetRevisedEvent = Event<'SalesTargetRevised', SalesTargetRevised>;

/** SalesTargetSplit as an event. */
export type SalesTargetSplitEvent = Event<'SalesTargetSplit', SalesTargetSplit>;

/** Every Target event. */
export type TargetEvent = SalesTargetSetEvent | SalesTargetRevisedEvent | SalesTargetSplitEvent;

/** Schemas and versions of the Target events, for the event registry. */
export const targetEventDefinitions: readonly EventDefinition<TargetEvent>[] = [
  defineEvent('SalesTargetSet', SalesTargetSet, { version: 2, upcasters: { 1: upcastTargetV1 } }),
  defineEvent('SalesTargetRevised', SalesTargetRevised, { version: 2, upcasters: { 1: upcastTargetV1 } }),
  defineEvent('SalesTargetSplit', SalesTargetSplit),
];

/** Reads the events of a Target stream (`target-<id>`), upcast and validated, as Target events. */
export const targetEventRegistry = createEventRegistry(targetEventDefinitions);
