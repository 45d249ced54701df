import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DeactivateCustomerCommand } from '../commands.js';
import { authorizeManager, requireCustomer, type CustomerError } from '../errors.js';
import type { CustomerEvent } from '../events.js';
import type { CustomerState } from '../state.js';

/** Deactivates the customer (managers of the region or the system); deactivating again is a no-op. */
export function deactivateCustomer(
  command: DeactivateCustomerCommand,
  state: CustomerState,
): Either<CustomerError, readonly CustomerEvent[]> {
  const customer = requireCustomer(state, 'deactivate');
  if (isLeft(customer)) return customer;
  const c = customer.right;
  const allowed = authorizeManager(command.metadata.actor, [c.region], 'deactivate customers');
  if (isLeft(allowed)) return allowed;
  if (c.status === 'deactivated') return right([]);
  return right([
    {
      type: 'CustomerDeactivated',
      data: {
        customerId: c.customerId,
        reason: command.data.reason,
        deactivatedBy: command.metadata.actor.id,
        deactivatedAt: command.metadata.occurredAt,
      },
    },
  ]);
}
