import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { managesRegion } from '../../shared/actors.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { AssignComplaintCommand } from '../commands.js';
import { refuse, requireObjective, requireTransition } from '../errors.js';
import type { ComplaintEvent } from '../events.js';
import type { ComplaintState } from '../state.js';

/** A manager of the complaint's region assigns a handler who is not the customer's own rep; the same handler again is a no-op. */
export function assignComplaint(
  command: AssignComplaintCommand,
  state: ComplaintState,
): Either<DomainError, readonly ComplaintEvent[]> {
  const { actor, occurredAt } = command.metadata;
  const found = requireTransition(state, 'ComplaintAssigned', occurredAt);
  if (isLeft(found)) return found;
  const complaint = found.right;
  const assigner = requireObjective(complaint, actor.id);
  if (isLeft(assigner)) return assigner;
  if (!managesRegion(actor, complaint.region)) {
    return refuse('COMPLAINT_NOT_AUTHORIZED', `only a manager of region ${complaint.region} assigns its complaints`, {
      role: actor.role,
    });
  }
  const { handlerId } = command.data;
  const objective = requireObjective(complaint, handlerId);
  if (isLeft(objective)) return objective;
  if (handlerId === complaint.handlerId) return right([]);
  return right([
    {
      type: 'ComplaintAssigned',
      data: {
        complaintId: complaint.complaintId,
        handlerId,
        previousHandlerId: complaint.handlerId,
        assignedBy: actor.id,
        assignedAt: occurredAt,
      },
    },
  ]);
}
