import { z } from 'zod';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { IsoDate, IsoDateTime } from '../shared/time.js';
import { CompetitionId, CompetitionMetric, CompetitionPeriod, CompetitionScope } from './vocabulary.js';

/** A sales manager announced a competition running from `startsOn` to `endsOn` (the period's first and last days). */
export const CompetitionCreated = z.object({
  competitionId: CompetitionId,
  name: z.string(),
  period: CompetitionPeriod,
  metric: CompetitionMetric,
  scope: CompetitionScope,
  prize: z.string(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  createdBy: ActorId,
  createdAt: IsoDateTime,
});
export type CompetitionCreated = z.infer<typeof CompetitionCreated>;

/** The competition was called off before it started. */
export const CompetitionCancelled = z.object({
  competitionId: CompetitionId,
  reason: z.string(),
  cancelledBy: ActorId,
  cancelledAt: IsoDateTime,
});
export type CompetitionCancelled = z.infer<typeof CompetitionCancelled>;

/** CompetitionCreated as an event. */
export type CompetitionCreatedEvent = Event<'CompetitionCreated', CompetitionCreated>;
/** CompetitionCancelled as an event. */
export type CompetitionCancelledEvent = Event<'CompetitionCancelled', CompetitionCancelled>;

/** Every event of a competition. */
export type CompetitionEvent = CompetitionCreatedEvent | CompetitionCancelledEvent;

/** Schemas and versions of the competition events, for the event registry. */
export const competitionEventDefinitions: readonly EventDefinition<CompetitionEvent>[] = [
  defineEvent('CompetitionCreated', CompetitionCreated),
  defineEvent('CompetitionCancelled', CompetitionCancelled),
];

/** Reads the events of a competition's stream, validated, as competition events. */
export const competitionEventRegistry = createEventRegistry(competitionEventDefinitions);
