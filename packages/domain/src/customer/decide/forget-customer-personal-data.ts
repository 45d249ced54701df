import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { ForgetCustomerPersonalDataCommand } from '../commands.js';
import { authorizeManager, requireCustomer, type CustomerError } from '../errors.js';
import { ERASED_FIELDS, type CustomerEvent } from '../events.js';
import type { CustomerState } from '../state.js';

/** Erases the personal data (managers of the region or the system); allowed after deactivation; a repeat is a no-op. */
export function forgetCustomerPersonalData(
  command: ForgetCustomerPersonalDataCommand,
  state: CustomerState,
): Either<CustomerError, readonly CustomerEvent[]> {
  const customer = requireCustomer(state, 'forget');
  if (isLeft(customer)) return customer;
  const c = customer.right;
  const allowed = authorizeManager(command.metadata.actor, [c.region], 'erase personal data');
  if (isLeft(allowed)) return allowed;
  if (c.personalDataErased) return right([]);
  return right([
    {
      type: 'CustomerPersonalDataForgotten',
      data: {
        customerId: c.customerId,
        erasedFields: [...ERASED_FIELDS],
        reason: command.data.reason,
        forgottenBy: command.metadata.actor.id,
        forgottenAt: command.metadata.occurredAt,
      },
    },
  ]);
}
