import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { RegisterCustomerCommand } from '../commands.js';
import { authorizeChange, refuse, type CustomerError } from '../errors.js';
import type { CustomerEvent } from '../events.js';
import type { CustomerState } from '../state.js';

/** Registers a customer once; a rep may only register customers they own. */
export function registerCustomer(
  command: RegisterCustomerCommand,
  state: CustomerState,
): Either<CustomerError, readonly CustomerEvent[]> {
  if (state.status !== 'none') {
    return refuse('CUSTOMER_ALREADY_REGISTERED', 'the customer is already registered', {
      customerId: state.customerId,
    });
  }
  const { data, metadata } = command;
  const allowed = authorizeChange(metadata.actor, data, 'register this customer');
  if (isLeft(allowed)) return allowed;
  return right([
    {
      type: 'CustomerRegistered',
      data: {
        customerId: data.customerId,
        companyName: data.companyName,
        contact: data.contact,
        region: data.region,
        segment: data.segment,
        ownerRepId: data.ownerRepId,
        size: data.size ?? null,
        businessScope: data.businessScope ?? null,
        purchasingHabits: data.purchasingHabits ?? null,
        registeredAt: metadata.occurredAt,
      },
    },
  ]);
}
