import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { RecordCampaignAnswerCommand } from '../commands.js';
import { authorizeChange, refuse, requireActive, requireCustomer, type CustomerError } from '../errors.js';
import type { CustomerEvent } from '../events.js';
import { surveyAnswerEvents } from './record-satisfaction-survey.js';
import type { CustomerState } from '../state.js';

/**
 * Records the answer to a campaign's invitation as a satisfaction survey of the campaign's id: once, whatever the
 * second answer says (an invitation's link is single-use, so even the same answer again is refused). The customer's
 * owner rep or a manager records an answer taken by phone; the system records one given through the link.
 */
export function recordCampaignAnswer(
  command: RecordCampaignAnswerCommand,
  state: CustomerState,
): Either<CustomerError, readonly CustomerEvent[]> {
  const customer = requireCustomer(state, 'record a survey');
  if (isLeft(customer)) return customer;
  const c = customer.right;
  const { data, metadata } = command;
  const allowed = authorizeChange(metadata.actor, c, 'record surveys for this customer');
  if (isLeft(allowed)) return allowed;
  if (c.surveys[data.campaignId] !== undefined) {
    return refuse('CUSTOMER_SURVEY_ALREADY_ANSWERED', `invitation ${data.invitationId} was already answered`, {
      surveyId: data.campaignId,
      invitationId: data.invitationId,
    });
  }
  const active = requireActive(c, 'record a survey');
  if (isLeft(active)) return active;
  if (c.personalDataErased && data.comment !== undefined) {
    return refuse(
      'CUSTOMER_PERSONAL_DATA_ERASED',
      'the personal data of this customer was erased; record the answer without a comment',
      { customerId: c.customerId },
    );
  }
  const { campaignId, invitationId, period, channel, nps, csat, scores, comment } = data;
  const answer = { surveyId: campaignId, period, nps, csat, scores, ...(comment === undefined ? {} : { comment }) };
  return right(
    surveyAnswerEvents(c, { customerId: c.customerId, ...answer }, metadata.occurredAt, {
      campaignId,
      invitationId,
      channel,
    }),
  );
}
