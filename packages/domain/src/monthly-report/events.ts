import { z } from 'zod';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId, RegionId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { IsoDateTime, YearMonth } from '../shared/time.js';
import { MonthlyReportFigures } from './commands.js';

const Which = { month: YearMonth, region: RegionId, submission: z.number().int().positive() };

/** A regional manager submitted the region's report (the `submission`-th), with the figures as they stood. */
export const MonthlyReportSubmitted = z.object({
  ...Which,
  commentary: z.string().min(1),
  figures: MonthlyReportFigures,
  submittedBy: ActorId,
  submittedAt: IsoDateTime,
});
export type MonthlyReportSubmitted = z.infer<typeof MonthlyReportSubmitted>;

/** A sales manager accepted the submission. */
export const MonthlyReportAccepted = z.object({ ...Which, acceptedBy: ActorId, acceptedAt: IsoDateTime });
export type MonthlyReportAccepted = z.infer<typeof MonthlyReportAccepted>;

/** A sales manager sent the submission back, and why. */
export const MonthlyReportReturned = z.object({
  ...Which,
  reason: z.string().min(1),
  returnedBy: ActorId,
  returnedAt: IsoDateTime,
});
export type MonthlyReportReturned = z.infer<typeof MonthlyReportReturned>;

/** MonthlyReportSubmitted as an event. */
export type MonthlyReportSubmittedEvent = Event<'MonthlyReportSubmitted', MonthlyReportSubmitted>;
/** MonthlyReportAccepted as an event. */
export type MonthlyReportAcceptedEvent = Event<'MonthlyReportAccepted', MonthlyReportAccepted>;
/** MonthlyReportReturned as an event. */
export type MonthlyReportReturnedEvent = Event<'MonthlyReportReturned', MonthlyReportReturned>;

/** Every MonthlyReport event. */
export type MonthlyReportEvent = MonthlyReportSubmittedEvent | MonthlyReportAcceptedEvent | MonthlyReportReturnedEvent;

/** Schemas and versions of the MonthlyReport events, for the event registry. */
export const monthlyReportEventDefinitions: readonly EventDefinition<MonthlyReportEvent>[] = [
  defineEvent('MonthlyReportSubmitted', MonthlyReportSubmitted),
  defineEvent('MonthlyReportAccepted', MonthlyReportAccepted),
  defineEvent('MonthlyReportReturned', MonthlyReportReturned),
];

/** Reads the events of a `report-<month>-<region>` stream, upcast and validated. */
export const monthlyReportEventRegistry = createEventRegistry(monthlyReportEventDefinitions);
