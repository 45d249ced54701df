import { z } from 'zod';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { IsoDateTime, YearMonth } from '../shared/time.js';
import { ApprovedStatementFigures } from './commands.js';

/** A sales manager approved the month's statement: these figures, read at this position, are frozen from now on. */
export const CommissionStatementApproved = z.object({
  month: YearMonth,
  figures: ApprovedStatementFigures,
  approvedBy: ActorId,
  approvedAt: IsoDateTime,
});
export type CommissionStatementApproved = z.infer<typeof CommissionStatementApproved>;

/** Finance confirmed the approved statement (another person than the approver). */
export const CommissionStatementConfirmed = z.object({
  month: YearMonth,
  confirmedBy: ActorId,
  confirmedAt: IsoDateTime,
});
export type CommissionStatementConfirmed = z.infer<typeof CommissionStatementConfirmed>;

/** CommissionStatementApproved as an event. */
export type CommissionStatementApprovedEvent = Event<'CommissionStatementApproved', CommissionStatementApproved>;
/** CommissionStatementConfirmed as an event. */
export type CommissionStatementConfirmedEvent = Event<'CommissionStatementConfirmed', CommissionStatementConfirmed>;

/** Every CommissionStatement event. */
export type CommissionStatementEvent = CommissionStatementApprovedEvent | CommissionStatementConfirmedEvent;

/** Schemas and versions of the CommissionStatement events, for the event registry. */
export const commissionStatementEventDefinitions: readonly EventDefinition<CommissionStatementEvent>[] = [
  defineEvent('CommissionStatementApproved', CommissionStatementApproved),
  defineEvent('CommissionStatementConfirmed', CommissionStatementConfirmed),
];

/** Reads the events of a `statement-<month>` stream, validated. */
export const commissionStatementEventRegistry = createEventRegistry(commissionStatementEventDefinitions);
