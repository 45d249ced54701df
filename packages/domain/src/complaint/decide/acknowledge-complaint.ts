import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { AcknowledgeComplaintCommand } from '../commands.js';
import { authorizeHandling, refuse, requireTransition } from '../errors.js';
import type { ComplaintEvent } from '../events.js';
import type { ComplaintState } from '../state.js';

/** Acknowledges a filed complaint once someone is assigned to handle it: the acknowledgement clock stops. */
export function acknowledgeComplaint(
  command: AcknowledgeComplaintCommand,
  state: ComplaintState,
): Either<DomainError, readonly ComplaintEvent[]> {
  const { actor, occurredAt } = command.metadata;
  const found = requireTransition(state, 'ComplaintAcknowledged', occurredAt);
  if (isLeft(found)) return found;
  const complaint = found.right;
  if (complaint.handlerId === null) {
    return refuse('COMPLAINT_NOT_ASSIGNED', 'assign a handler before acknowledging the complaint', {
      complaintId: complaint.complaintId,
    });
  }
  const allowed = authorizeHandling(actor, complaint);
  if (isLeft(allowed)) return allowed;
  return right([
    {
      type: 'ComplaintAcknowledged',
      data: {
        complaintId: complaint.complaintId,
        handlerId: complaint.handlerId,
        acknowledgedBy: actor.id,
        acknowledgedAt: occurredAt,
      },
    },
  ]);
}
