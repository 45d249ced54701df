import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { RequestCompensationApprovalCommand } from '../commands.js';
import { authorizeHandling, refuse, requireTransition } from '../errors.js';
import type { ComplaintEvent } from '../events.js';
import type { Complaint, ComplaintState } from '../state.js';
import { COMPENSATION_MANAGER_THRESHOLD } from '../vocabulary.js';

/** Only a compensation above the threshold needs asking for, and one question stands at a time. */
function requireNewRequest(complaint: Complaint, amount: number): Either<DomainError, true> {
  if (amount <= COMPENSATION_MANAGER_THRESHOLD) {
    return refuse(
      'COMPLAINT_COMPENSATION_WITHIN_LIMIT',
      `a compensation of at most ${COMPENSATION_MANAGER_THRESHOLD} minor units needs no approval`,
      {
        amount,
        threshold: COMPENSATION_MANAGER_THRESHOLD,
      },
    );
  }
  const pending = complaint.compensationRequest;
  if (pending !== null) {
    return refuse(
      'COMPLAINT_COMPENSATION_ALREADY_REQUESTED',
      'a compensation request is already waiting for a manager',
      { ...pending },
    );
  }
  const approved = complaint.approvedCompensation;
  if (approved !== null) {
    return refuse('COMPLAINT_COMPENSATION_ALREADY_APPROVED', 'a compensation is already approved: resolve within it', {
      ...approved,
    });
  }
  return right(true);
}

/**
 * Whoever may work on an open complaint (its handler, a manager of its region) asks a manager to approve a
 * compensation above the threshold, saying why.
 */
export function requestCompensationApproval(
  command: RequestCompensationApprovalCommand,
  state: ComplaintState,
): Either<DomainError, readonly ComplaintEvent[]> {
  const { actor, occurredAt } = command.metadata;
  const found = requireTransition(state, 'ComplaintCompensationRequested', occurredAt);
  if (isLeft(found)) return found;
  const complaint = found.right;
  const allowed = authorizeHandling(actor, complaint);
  if (isLeft(allowed)) return allowed;
  const { amount, currency, reason } = command.data;
  const fresh = requireNewRequest(complaint, amount);
  if (isLeft(fresh)) return fresh;
  const { complaintId, region } = complaint;
  return right([
    {
      type: 'ComplaintCompensationRequested',
      data: {
        complaintId,
        amount,
        currency,
        reason,
        region,
        requestedBy: actor.id,
        requesterRole: actor.role,
        requestedAt: occurredAt,
      },
    },
  ]);
}
