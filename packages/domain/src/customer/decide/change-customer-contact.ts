import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { ChangeCustomerContactCommand } from '../commands.js';
import { authorizeChange, refuse, requireActive, type CustomerError } from '../errors.js';
import type { CustomerEvent } from '../events.js';
import type { CustomerState } from '../state.js';

/** Replaces the contact person; the same contact again is a no-op; refused once personal data was erased. */
export function changeCustomerContact(
  command: ChangeCustomerContactCommand,
  state: CustomerState,
): Either<CustomerError, readonly CustomerEvent[]> {
  const customer = requireActive(state, 'change the contact');
  if (isLeft(customer)) return customer;
  const c = customer.right;
  const allowed = authorizeChange(command.metadata.actor, c, 'change this customer contact');
  if (isLeft(allowed)) return allowed;
  // Erasure is final: a new contact would bring personal data back for a customer who asked to be forgotten.
  if (c.personalDataErased) {
    return refuse(
      'CUSTOMER_PERSONAL_DATA_ERASED',
      'the personal data of this customer was erased; its contact cannot be set again',
      { customerId: c.customerId },
    );
  }
  const { name, phone, email } = command.data.contact;
  if (c.contact.name === name && c.contact.phone === phone && c.contact.email === email) return right([]);
  return right([
    {
      type: 'CustomerContactChanged',
      data: { customerId: c.customerId, contact: { name, phone, email }, changedAt: command.metadata.occurredAt },
    },
  ]);
}
