import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { RecordCampaignAnswer, RecordSatisfactionSurvey, RecordSatisfactionSurveyCommand } from '../commands.js';
import { authorizeChange, refuse, requireActive, requireCustomer, type CustomerError } from '../errors.js';
import type { CustomerEvent } from '../events.js';
import { followUpFor } from '../follow-up.js';
import type { Customer, CustomerState, SurveyAnswer } from '../state.js';

/** Whether `data` repeats `answer`; an erased comment cannot be compared, so it is left out then. */
const sameAnswer = (answer: SurveyAnswer, data: RecordSatisfactionSurvey, erased: boolean): boolean =>
  answer.period === data.period &&
  answer.nps === data.nps &&
  answer.csat === data.csat &&
  answer.scores.productQuality === data.scores.productQuality &&
  answer.scores.delivery === data.scores.delivery &&
  answer.scores.service === data.scores.service &&
  answer.scores.price === data.scores.price &&
  (erased || answer.comment === (data.comment ?? null));

/** Refuses what may not be recorded for this customer now: a deactivated customer, or a comment after erasure. */
function checkRecordable(state: Customer, data: RecordSatisfactionSurvey): Either<CustomerError, Customer> {
  const active = requireActive(state, 'record a survey');
  if (isLeft(active)) return active;
  if (state.personalDataErased && data.comment !== undefined) {
    return refuse(
      'CUSTOMER_PERSONAL_DATA_ERASED',
      'the personal data of this customer was erased; record the answer without a comment',
      { customerId: state.customerId },
    );
  }
  return right(state);
}

/**
 * Records one answer per customer and survey id: the same answer again is a no-op (checked first, so a
 * retry still succeeds after deactivation), a different one is refused.
 */
export function recordSatisfactionSurvey(
  command: RecordSatisfactionSurveyCommand,
  state: CustomerState,
): Either<CustomerError, readonly CustomerEvent[]> {
  const customer = requireCustomer(state, 'record a survey');
  if (isLeft(customer)) return customer;
  const c = customer.right;
  const { data, metadata } = command;
  const allowed = authorizeChange(metadata.actor, c, 'record surveys for this customer');
  if (isLeft(allowed)) return allowed;
  const previous = c.surveys[data.surveyId];
  if (previous !== undefined) {
    return sameAnswer(previous, data, c.personalDataErased)
      ? right([])
      : refuse(
          'CUSTOMER_SURVEY_ALREADY_ANSWERED',
          `the customer already answered survey ${data.surveyId} differently`,
          { surveyId: data.surveyId, previous },
        );
  }
  const recordable = checkRecordable(c, data);
  if (isLeft(recordable)) return recordable;
  return right(surveyAnswerEvents(c, data, metadata.occurredAt));
}

/** Where an answer came from when a campaign's invitation was answered: kept on the event after the answer itself. */
type CampaignSource = Pick<RecordCampaignAnswer, 'campaignId' | 'invitationId' | 'channel'>;

/**
 * The events of one answer, however it arrived: the survey recorded with the customer's region, owner and segment as
 * they stand, and the follow-up an unhappy answer opens in the same append.
 */
export function surveyAnswerEvents(
  c: Customer,
  data: RecordSatisfactionSurvey,
  respondedAt: string,
  campaign?: CampaignSource,
): readonly CustomerEvent[] {
  const { surveyId, period, nps, csat, scores, comment } = data;
  const answer = {
    customerId: c.customerId,
    surveyId,
    nps,
    csat,
    region: c.region,
    ownerRepId: c.ownerRepId,
    segment: c.segment,
  };
  return [
    {
      type: 'SatisfactionSurveyRecorded',
      data: {
        customerId: c.customerId,
        surveyId,
        period,
        nps,
        csat,
        scores,
        ...(comment === undefined ? {} : { comment }),
        region: c.region,
        ownerRepId: c.ownerRepId,
        segment: c.segment,
        respondedAt,
        ...(campaign === undefined
          ? {}
          : { campaignId: campaign.campaignId, invitationId: campaign.invitationId, channel: campaign.channel }),
      },
    },
    ...followUpFor(answer, respondedAt),
  ];
}
