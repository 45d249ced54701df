import type { WithAccess } from '../shared/access.js';
import { customerAccess } from './access.js';
import type { Either } from 'fp-ts/lib/Either.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import type { CustomerCommand } from './commands.js';
import { closeDetractorFollowUp } from './decide/close-detractor-follow-up.js';
import { changeCustomerContact } from './decide/change-customer-contact.js';
import { deactivateCustomer } from './decide/deactivate-customer.js';
import { forgetCustomerPersonalData } from './decide/forget-customer-personal-data.js';
import { reassignCustomer } from './decide/reassign-customer.js';
import { recordCampaignAnswer } from './decide/record-campaign-answer.js';
import { recordSatisfactionSurvey } from './decide/record-satisfaction-survey.js';
import { registerCustomer } from './decide/register-customer.js';
import { setCreditLimit } from './decide/set-credit-limit.js';
import { updateCustomerProfile } from './decide/update-customer-profile.js';
import type { CustomerEvent } from './events.js';
import { evolve, initialState, type CustomerState } from './state.js';

/** Decides a Customer command against the customer's state. */
function decide(
  command: WithAccess<CustomerCommand>,
  state: CustomerState,
): Either<DomainError, readonly CustomerEvent[]> {
  const access = customerAccess(command, state);
  if (access._tag === 'Left') return access;
  switch (command.type) {
    case 'RegisterCustomer':
      return registerCustomer(command, state);
    case 'UpdateCustomerProfile':
      return updateCustomerProfile(command, state);
    case 'ChangeCustomerContact':
      return changeCustomerContact(command, state);
    case 'ReassignCustomer':
      return reassignCustomer(command, state);
    case 'SetCreditLimit':
      return setCreditLimit(command, state);
    case 'RecordSatisfactionSurvey':
      return recordSatisfactionSurvey(command, state);
    case 'CloseDetractorFollowUp':
      return closeDetractorFollowUp(command, state);
    case 'RecordCampaignAnswer':
      return recordCampaignAnswer(command, state);
    case 'ForgetCustomerPersonalData':
      return forgetCustomerPersonalData(command, state);
    case 'DeactivateCustomer':
      return deactivateCustomer(command, state);
    default:
      return assertNever(command);
  }
}

/** The Customer aggregate (stream `customer-<id>`) as a decider. */
export const customerDecider: Decider<WithAccess<CustomerCommand>, CustomerEvent, CustomerState> = {
  initialState,
  decide,
  evolve,
};
