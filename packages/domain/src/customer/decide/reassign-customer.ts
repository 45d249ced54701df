import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { ReassignCustomerCommand } from '../commands.js';
import { authorizeManager, requireActive, type CustomerError } from '../errors.js';
import type { CustomerEvent } from '../events.js';
import type { CustomerState } from '../state.js';

/** Gives the customer another owner rep (and region); a regional manager must manage both the old and the new region. */
export function reassignCustomer(
  command: ReassignCustomerCommand,
  state: CustomerState,
): Either<CustomerError, readonly CustomerEvent[]> {
  const customer = requireActive(state, 'reassign the customer');
  if (isLeft(customer)) return customer;
  const c = customer.right;
  const toRegion = command.data.region ?? c.region;
  const allowed = authorizeManager(command.metadata.actor, [c.region, toRegion], 'reassign customers');
  if (isLeft(allowed)) return allowed;
  if (command.data.ownerRepId === c.ownerRepId && toRegion === c.region) return right([]);
  return right([
    {
      type: 'CustomerReassigned',
      data: {
        customerId: c.customerId,
        fromRepId: c.ownerRepId,
        toRepId: command.data.ownerRepId,
        fromRegion: c.region,
        toRegion,
        reassignedBy: command.metadata.actor.id,
        reassignedAt: command.metadata.occurredAt,
      },
    },
  ]);
}
