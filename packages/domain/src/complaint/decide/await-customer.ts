import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { AwaitCustomerCommand } from '../commands.js';
import { authorizeHandling, requireTransition } from '../errors.js';
import type { ComplaintEvent } from '../events.js';
import type { ComplaintState } from '../state.js';

/** The investigation waits on the customer: the resolution clock pauses from now. */
export function awaitCustomer(
  command: AwaitCustomerCommand,
  state: ComplaintState,
): Either<DomainError, readonly ComplaintEvent[]> {
  const { actor, occurredAt } = command.metadata;
  const found = requireTransition(state, 'ComplaintAwaitingCustomer', occurredAt);
  if (isLeft(found)) return found;
  const allowed = authorizeHandling(actor, found.right);
  if (isLeft(allowed)) return allowed;
  return right([
    {
      type: 'ComplaintAwaitingCustomer',
      data: { complaintId: found.right.complaintId, note: command.data.note, pausedBy: actor.id, pausedAt: occurredAt },
    },
  ]);
}
