import { z } from 'zod';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { IsoDateTime, YearMonth } from '../shared/time.js';

/** The roles that take part in reopening a month: one asks, the other approves. */
export const ReopeningRole = z.enum(['finance', 'sales_manager']);
export type ReopeningRole = z.infer<typeof ReopeningRole>;

/** Finance closed a business month. */
export const PeriodClosed = z.object({ month: YearMonth, closedBy: ActorId, closedAt: IsoDateTime });
export type PeriodClosed = z.infer<typeof PeriodClosed>;

/** Someone asked to reopen a closed month, and why. */
export const PeriodReopeningRequested = z.object({
  month: YearMonth,
  reason: z.string().min(1),
  requestedBy: ActorId,
  requesterRole: ReopeningRole,
  requestedAt: IsoDateTime,
});
export type PeriodReopeningRequested = z.infer<typeof PeriodReopeningRequested>;

/** A person of the other role approved: the month is open again. */
export const PeriodReopened = z.object({
  month: YearMonth,
  reason: z.string().min(1),
  requestedBy: ActorId,
  approvedBy: ActorId,
  approverRole: ReopeningRole,
  reopenedAt: IsoDateTime,
});
export type PeriodReopened = z.infer<typeof PeriodReopened>;

/** PeriodClosed as an event. */
export type PeriodClosedEvent = Event<'PeriodClosed', PeriodClosed>;
/** PeriodReopeningRequested as an event. */
export type PeriodReopeningRequestedEvent = Event<'PeriodReopeningRequested', PeriodReopeningRequested>;
/** PeriodReopened as an event. */
export type PeriodReopenedEvent = Event<'PeriodReopened', PeriodReopened>;

/** Every Period event. */
export type PeriodEvent = PeriodClosedEvent | PeriodReopeningRequestedEvent | PeriodReopenedEvent;

/** Schemas and versions of the Period events, for the event registry. */
export const periodEventDefinitions: readonly EventDefinition<PeriodEvent>[] = [
  defineEvent('PeriodClosed', PeriodClosed),
  defineEvent('PeriodReopeningRequested', PeriodReopeningRequested),
  defineEvent('PeriodReopened', PeriodReopened),
];

/** Reads the events of the `period-closes` stream, upcast and validated, as Period events. */
export const periodEventRegistry = createEventRegistry(periodEventDefinitions);
