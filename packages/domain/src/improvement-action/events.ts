import { z } from 'zod';
import { Role } from '../shared/actors.js';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActionId, ActorId, RegionId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { IsoDate, IsoDateTime } from '../shared/time.js';
import { ActionStatusChange, Department, Finding } from './commands.js';

/** A manager turned a finding into an action for a department, with an owner and a due date. */
export const ImprovementActionOpened = z.object({
  actionId: ActionId,
  title: z.string().min(1),
  finding: Finding,
  department: Department,
  ownerId: ActorId,
  dueOn: IsoDate,
  region: RegionId.optional(),
  openedBy: ActorId,
  openerRole: Role,
  openedAt: IsoDateTime,
});
export type ImprovementActionOpened = z.infer<typeof ImprovementActionOpened>;

/** The action moved from one status to another, with the note saying what was done or why. */
export const ImprovementActionStatusChanged = z.object({
  actionId: ActionId,
  from: z.enum(['open', 'in_progress']),
  to: ActionStatusChange,
  note: z.string().min(1),
  changedBy: ActorId,
  changedAt: IsoDateTime,
});
export type ImprovementActionStatusChanged = z.infer<typeof ImprovementActionStatusChanged>;

/** ImprovementActionOpened as an event. */
export type ImprovementActionOpenedEvent = Event<'ImprovementActionOpened', ImprovementActionOpened>;
/** ImprovementActionStatusChanged as an event. */
export type ImprovementActionStatusChangedEvent = Event<
  'ImprovementActionStatusChanged',
  ImprovementActionStatusChanged
>;

/** Every ImprovementAction event. */
export type ImprovementActionEvent = ImprovementActionOpenedEvent | ImprovementActionStatusChangedEvent;

/** Schemas and versions of the ImprovementAction events, for the event registry. */
export const improvementActionEventDefinitions: readonly EventDefinition<ImprovementActionEvent>[] = [
  defineEvent('ImprovementActionOpened', ImprovementActionOpened),
  defineEvent('ImprovementActionStatusChanged', ImprovementActionStatusChanged),
];

/** Reads the events of an action stream (`action-<id>`), validated, as ImprovementAction events. */
export const improvementActionEventRegistry = createEventRegistry(improvementActionEventDefinitions);
