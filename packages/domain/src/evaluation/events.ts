import { z } from 'zod';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId, RegionId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { IsoDateTime } from '../shared/time.js';
import { EvaluationOutcome, EvaluationSnapshot, ImprovementAction, Quarter, Rating } from './commands.js';

const Which = { repId: ActorId, quarter: Quarter };

/** A manager opened the rep's evaluation of the quarter, with the scorecard figures as they stood and their position. */
export const EvaluationOpened = z.object({
  ...Which,
  region: RegionId,
  snapshot: EvaluationSnapshot,
  openedBy: ActorId,
  openedAt: IsoDateTime,
});
export type EvaluationOpened = z.infer<typeof EvaluationOpened>;

/** A manager recorded the assessment; a later one before finalising replaces it. */
export const EvaluationAssessed = z.object({
  ...Which,
  rating: Rating,
  strengths: z.string().min(1),
  comments: z.string().min(1).nullable(),
  actions: z.array(ImprovementAction),
  outcomes: z.array(EvaluationOutcome),
  assessedBy: ActorId,
  assessedAt: IsoDateTime,
});
export type EvaluationAssessed = z.infer<typeof EvaluationAssessed>;

/** A manager finalised the evaluation with its rating. */
export const EvaluationFinalised = z.object({
  ...Which,
  rating: Rating,
  finalisedBy: ActorId,
  finalisedAt: IsoDateTime,
});
export type EvaluationFinalised = z.infer<typeof EvaluationFinalised>;

/** The rep acknowledged the finalised evaluation. */
export const EvaluationAcknowledged = z.object({
  ...Which,
  comment: z.string().min(1).nullable(),
  acknowledgedAt: IsoDateTime,
});
export type EvaluationAcknowledged = z.infer<typeof EvaluationAcknowledged>;

/** EvaluationOpened as an event. */
export type EvaluationOpenedEvent = Event<'EvaluationOpened', EvaluationOpened>;
/** EvaluationAssessed as an event. */
export type EvaluationAssessedEvent = Event<'EvaluationAssessed', EvaluationAssessed>;
/** EvaluationFinalised as an event. */
export type EvaluationFinalisedEvent = Event<'EvaluationFinalised', EvaluationFinalised>;
/** EvaluationAcknowledged as an event. */
export type EvaluationAcknowledgedEvent = Event<'EvaluationAcknowledged', EvaluationAcknowledged>;

/** Every Evaluation event. */
export type EvaluationEvent =
  EvaluationOpenedEvent | EvaluationAssessedEvent | EvaluationFinalisedEvent | EvaluationAcknowledgedEvent;

/** Schemas and versions of the Evaluation events, for the event registry. */
export const evaluationEventDefinitions: readonly EventDefinition<EvaluationEvent>[] = [
  defineEvent('EvaluationOpened', EvaluationOpened),
  defineEvent('EvaluationAssessed', EvaluationAssessed),
  defineEvent('EvaluationFinalised', EvaluationFinalised),
  defineEvent('EvaluationAcknowledged', EvaluationAcknowledged),
];

/** Reads the events of an `evaluation-<rep>-<quarter>` stream, upcast and validated. */
export const evaluationEventRegistry = createEventRegistry(evaluationEventDefinitions);
