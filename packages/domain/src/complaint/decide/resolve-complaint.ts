import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { managesRegion, type Actor } from '../../shared/actors.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { ComplaintCompensation, ResolveComplaintCommand } from '../commands.js';
import { authorizeHandling, refuse, requireTransition } from '../errors.js';
import type { ComplaintEvent } from '../events.js';
import type { Complaint, ComplaintState } from '../state.js';
import { COMPENSATION_MANAGER_THRESHOLD } from '../vocabulary.js';

/**
 * Compensation above the threshold needs a manager of the complaint's region (or the system, for imports), or a
 * manager's approval of the resolver's own request: up to the approved amount, in its currency.
 */
function requireCompensationApproval(
  actor: Actor,
  complaint: Complaint,
  compensation: ComplaintCompensation | undefined,
): Either<DomainError, true> {
  if (
    compensation === undefined ||
    compensation.amount <= COMPENSATION_MANAGER_THRESHOLD ||
    managesRegion(actor, complaint.region)
  )
    return right(true);
  const { amount, currency } = compensation;
  const approved = complaint.approvedCompensation;
  if (approved === null || approved.requestedBy !== actor.id) {
    return refuse(
      'COMPLAINT_COMPENSATION_NEEDS_MANAGER',
      `compensation above ${COMPENSATION_MANAGER_THRESHOLD} minor units needs a manager or their approval`,
      {
        amount,
        currency,
        threshold: COMPENSATION_MANAGER_THRESHOLD,
        role: actor.role,
      },
    );
  }
  if (approved.currency !== currency) {
    return refuse('COMPLAINT_COMPENSATION_CURRENCY_MISMATCH', `the compensation was approved in ${approved.currency}`, {
      approved: approved.currency,
      currency,
    });
  }
  if (amount > approved.amount) {
    return refuse(
      'COMPLAINT_COMPENSATION_ABOVE_APPROVED',
      `the compensation was approved up to ${approved.amount} minor units`,
      { approved: approved.amount, amount },
    );
  }
  return right(true);
}

/**
 * Resolves a complaint under investigation. It needs a resolution and a root cause (from this command or an
 * earlier investigation); compensation above 100000 minor units needs a manager of the region or their approval.
 */
export function resolveComplaint(
  command: ResolveComplaintCommand,
  state: ComplaintState,
): Either<DomainError, readonly ComplaintEvent[]> {
  const { actor, occurredAt } = command.metadata;
  const found = requireTransition(state, 'ComplaintResolved', occurredAt);
  if (isLeft(found)) return found;
  const complaint = found.right;
  const allowed = authorizeHandling(actor, complaint);
  if (isLeft(allowed)) return allowed;
  const { resolution, compensation } = command.data;
  if (resolution.trim() === '') return refuse('COMPLAINT_RESOLUTION_REQUIRED', 'say how the complaint was resolved');
  const rootCause = command.data.rootCause ?? complaint.rootCause;
  if (rootCause === null)
    return refuse('COMPLAINT_ROOT_CAUSE_REQUIRED', 'record the root cause before (or while) resolving the complaint');
  const approved = requireCompensationApproval(actor, complaint, compensation);
  if (isLeft(approved)) return approved;
  return right([
    {
      type: 'ComplaintResolved',
      data: {
        complaintId: complaint.complaintId,
        rootCause,
        resolution,
        compensation: compensation ?? null,
        resolvedBy: actor.id,
        resolverRole: actor.role,
        resolvedAt: occurredAt,
      },
    },
  ]);
}
