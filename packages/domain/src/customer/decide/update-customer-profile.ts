import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { UpdateCustomerProfileCommand } from '../commands.js';
import { authorizeChange, requireActive, type CustomerError } from '../errors.js';
import type { CustomerEvent, ProfileField } from '../events.js';
import type { CustomerState } from '../state.js';

const FIELDS: readonly ProfileField[] = ['size', 'businessScope', 'purchasingHabits', 'segment'];

/** Updates the profile (absent fields stay, `null` clears) and records the review, even when nothing changed. */
export function updateCustomerProfile(
  command: UpdateCustomerProfileCommand,
  state: CustomerState,
): Either<CustomerError, readonly CustomerEvent[]> {
  const customer = requireActive(state, 'update the profile');
  if (isLeft(customer)) return customer;
  const c = customer.right;
  const allowed = authorizeChange(command.metadata.actor, c, 'update this customer profile');
  if (isLeft(allowed)) return allowed;
  const { data } = command;
  const after = {
    size: data.size === undefined ? c.size : data.size,
    businessScope: data.businessScope === undefined ? c.businessScope : data.businessScope,
    purchasingHabits: data.purchasingHabits === undefined ? c.purchasingHabits : data.purchasingHabits,
    segment: data.segment ?? c.segment,
  };
  return right([
    {
      type: 'CustomerProfileUpdated',
      data: {
        customerId: c.customerId,
        ...after,
        changedFields: FIELDS.filter((field) => after[field] !== c[field]),
        reviewedBy: command.metadata.actor.id,
        reviewedAt: command.metadata.occurredAt,
      },
    },
  ]);
}
