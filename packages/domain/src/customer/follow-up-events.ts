import { z } from 'zod';
import { ActorId, CustomerId, RegionId, SurveyId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { IsoDateTime } from '../shared/time.js';
import { StoredSegment } from './vocabulary.js';

// Stored history must keep loading when command validation tightens: free text is checked for presence only.
const StoredText = z.string().min(1);

/**
 * An unhappy answer (NPS 0-6 or CSAT 1-2) opened a follow-up for the customer's owner rep, in the same
 * append as the answer. The owner, region and segment are those of the answer; the due date is not stored:
 * it is the configured number of business days after the business date of `openedAt` (docs/domain-rules.md).
 */
export const DetractorFollowUpOpened = z.object({
  customerId: CustomerId,
  surveyId: SurveyId,
  nps: z.number().int().min(0).max(10),
  csat: z.number().int().min(1).max(5),
  region: RegionId,
  ownerRepId: ActorId,
  segment: StoredSegment,
  openedAt: IsoDateTime,
});
export type DetractorFollowUpOpened = z.infer<typeof DetractorFollowUpOpened>;

/**
 * The follow-up of an unhappy answer was closed: what was done (free text about the customer, personal data;
 * absent only when closed after the customer's personal data was erased) and whether the customer was recovered.
 */
export const DetractorFollowUpClosed = z.object({
  customerId: CustomerId,
  surveyId: SurveyId,
  actionTaken: StoredText.optional(),
  recovered: z.boolean(),
  closedBy: ActorId,
  closedAt: IsoDateTime,
});
export type DetractorFollowUpClosed = z.infer<typeof DetractorFollowUpClosed>;

/** DetractorFollowUpOpened as an event. */
export type DetractorFollowUpOpenedEvent = Event<'DetractorFollowUpOpened', DetractorFollowUpOpened>;
/** DetractorFollowUpClosed as an event. */
export type DetractorFollowUpClosedEvent = Event<'DetractorFollowUpClosed', DetractorFollowUpClosed>;
