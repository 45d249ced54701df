import type { ActorId, CustomerId, RegionId, SurveyId } from '../shared/ids.js';
import type { DetractorFollowUpOpenedEvent } from './follow-up-events.js';
import type { StoredSegment } from './vocabulary.js';

/** Highest NPS answer that counts as a detractor (0-6). */
export const DETRACTOR_NPS_MAX = 6;
/** Highest CSAT answer that counts as dissatisfied (1-2). */
export const DISSATISFIED_CSAT_MAX = 2;

/** Whether an answer calls for a follow-up: a detractor (NPS 0-6) or a dissatisfied customer (CSAT 1-2). */
export const needsFollowUp = (answer: { readonly nps: number; readonly csat: number }): boolean =>
  answer.nps <= DETRACTOR_NPS_MAX || answer.csat <= DISSATISFIED_CSAT_MAX;

/** One answer as the closed loop sees it, whichever way it arrived (a rep's record, or any later channel). */
export interface FollowUpTrigger {
  readonly customerId: CustomerId;
  readonly surveyId: SurveyId;
  readonly nps: number;
  readonly csat: number;
  readonly region: RegionId;
  readonly ownerRepId: ActorId;
  readonly segment: StoredSegment;
}

/**
 * The follow-up an answer opens, as events to append with the answer itself (none for a content customer).
 * Any event that records an answer on the customer stream appends these beside it, so the loop opens once per answer.
 */
export const followUpFor = (answer: FollowUpTrigger, openedAt: string): DetractorFollowUpOpenedEvent[] =>
  needsFollowUp(answer)
    ? [
        {
          type: 'DetractorFollowUpOpened',
          data: {
            customerId: answer.customerId,
            surveyId: answer.surveyId,
            nps: answer.nps,
            csat: answer.csat,
            region: answer.region,
            ownerRepId: answer.ownerRepId,
            segment: answer.segment,
            openedAt,
          },
        },
      ]
    : [];
