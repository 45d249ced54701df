import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { CloseDetractorFollowUp, CloseDetractorFollowUpCommand } from '../commands.js';
import { authorizeChange, refuse, requireCustomer, type CustomerError } from '../errors.js';
import type { CustomerEvent } from '../events.js';
import type { Customer, CustomerState, FollowUp } from '../state.js';

/** Whether `data` repeats the closing; an erased action cannot be compared, so it is left out then. */
const sameClosing = (followUp: FollowUp, data: CloseDetractorFollowUp, erased: boolean): boolean =>
  followUp.recovered === data.recovered && (erased || followUp.actionTaken === (data.actionTaken ?? null));

/** What was done is required, except after erasure, when no free text about the customer may be recorded. */
function checkAction(state: Customer, data: CloseDetractorFollowUp): Either<CustomerError, true> {
  if (state.personalDataErased && data.actionTaken !== undefined) {
    return refuse(
      'CUSTOMER_PERSONAL_DATA_ERASED',
      'the personal data of this customer was erased; close the follow-up without saying what was done',
      { customerId: state.customerId },
    );
  }
  if (!state.personalDataErased && data.actionTaken === undefined) {
    return refuse('CUSTOMER_FOLLOW_UP_ACTION_REQUIRED', 'say what was done to close the follow-up', {
      surveyId: data.surveyId,
    });
  }
  return right(true);
}

/**
 * Closes the follow-up of an unhappy answer once: the same closing again is a no-op, a different one is refused.
 * Whoever may change the customer may close it, also after deactivation (the call back still happened).
 */
export function closeDetractorFollowUp(
  command: CloseDetractorFollowUpCommand,
  state: CustomerState,
): Either<CustomerError, readonly CustomerEvent[]> {
  const customer = requireCustomer(state, 'close a follow-up');
  if (isLeft(customer)) return customer;
  const c = customer.right;
  const { data, metadata } = command;
  const allowed = authorizeChange(metadata.actor, c, 'close follow-ups for this customer');
  if (isLeft(allowed)) return allowed;
  const followUp = c.followUps[data.surveyId];
  if (followUp === undefined)
    return refuse('CUSTOMER_FOLLOW_UP_NOT_FOUND', `no follow-up was opened for survey ${data.surveyId}`, {
      surveyId: data.surveyId,
    });
  if (followUp.status === 'closed') {
    return sameClosing(followUp, data, c.personalDataErased)
      ? right([])
      : refuse(
          'CUSTOMER_FOLLOW_UP_ALREADY_CLOSED',
          `the follow-up of survey ${data.surveyId} was already closed differently`,
          { surveyId: data.surveyId },
        );
  }
  const action = checkAction(c, data);
  if (isLeft(action)) return action;
  const { surveyId, actionTaken, recovered } = data;
  return right([
    {
      type: 'DetractorFollowUpClosed',
      data: {
        customerId: c.customerId,
        surveyId,
        ...(actionTaken === undefined ? {} : { actionTaken }),
        recovered,
        closedBy: metadata.actor.id,
        closedAt: metadata.occurredAt,
      },
    },
  ]);
}
