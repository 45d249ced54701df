import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { EscalateComplaintCommand } from '../commands.js';
import { authorizeHandling, requireObjective, requireTransition } from '../errors.js';
import type { ComplaintEvent } from '../events.js';
import type { ComplaintState } from '../state.js';

/** Escalates an open complaint to someone who is not the customer's own rep; each escalation raises the level. */
export function escalateComplaint(
  command: EscalateComplaintCommand,
  state: ComplaintState,
): Either<DomainError, readonly ComplaintEvent[]> {
  const { actor, occurredAt } = command.metadata;
  const found = requireTransition(state, 'ComplaintEscalated', occurredAt);
  if (isLeft(found)) return found;
  const complaint = found.right;
  const allowed = authorizeHandling(actor, complaint);
  if (isLeft(allowed)) return allowed;
  const { escalateTo, reason } = command.data;
  const objective = requireObjective(complaint, escalateTo);
  if (isLeft(objective)) return objective;
  return right([
    {
      type: 'ComplaintEscalated',
      data: {
        complaintId: complaint.complaintId,
        escalatedTo: escalateTo,
        reason,
        level: complaint.escalationLevel + 1,
        escalatedBy: actor.id,
        escalatedAt: occurredAt,
      },
    },
  ]);
}
