import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { SetCreditLimitCommand } from '../commands.js';
import { authorizeManager, requireActive, type CustomerError } from '../errors.js';
import type { CustomerEvent } from '../events.js';
import type { CustomerState } from '../state.js';

/** Sets the credit limit (managers of the customer's region); the same limit again is a no-op. */
export function setCreditLimit(
  command: SetCreditLimitCommand,
  state: CustomerState,
): Either<CustomerError, readonly CustomerEvent[]> {
  const customer = requireActive(state, 'set the credit limit');
  if (isLeft(customer)) return customer;
  const c = customer.right;
  const allowed = authorizeManager(command.metadata.actor, [c.region], 'set credit limits');
  if (isLeft(allowed)) return allowed;
  const { amount, currency } = command.data.creditLimit;
  if (c.creditLimit?.amount === amount && c.creditLimit.currency === currency) return right([]);
  return right([
    {
      type: 'CustomerCreditLimitSet',
      data: {
        customerId: c.customerId,
        creditLimit: { amount, currency },
        previousCreditLimit: c.creditLimit,
        setBy: command.metadata.actor.id,
        setAt: command.metadata.occurredAt,
      },
    },
  ]);
}
