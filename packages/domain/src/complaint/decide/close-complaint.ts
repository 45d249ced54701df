import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { CloseComplaintCommand } from '../commands.js';
import { authorizeHandling, requireTransition } from '../errors.js';
import type { ComplaintEvent } from '../events.js';
import type { ComplaintState } from '../state.js';

/** Closes a resolved complaint with the customer's satisfaction with the handling. */
export function closeComplaint(
  command: CloseComplaintCommand,
  state: ComplaintState,
): Either<DomainError, readonly ComplaintEvent[]> {
  const { actor, occurredAt } = command.metadata;
  const found = requireTransition(state, 'ComplaintClosed', occurredAt);
  if (isLeft(found)) return found;
  const complaint = found.right;
  const allowed = authorizeHandling(actor, complaint);
  if (isLeft(allowed)) return allowed;
  return right([
    {
      type: 'ComplaintClosed',
      data: {
        complaintId: complaint.complaintId,
        satisfaction: command.data.satisfaction,
        ownerRepId: complaint.ownerRepId,
        region: complaint.region,
        closedBy: actor.id,
        closedAt: occurredAt,
      },
    },
  ]);
}
