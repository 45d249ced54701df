import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { isManager, managesRegion, type Actor } from '../../shared/actors.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { IsoDateTime } from '../../shared/time.js';
import type { ApproveCompensationCommand, RejectCompensationCommand } from '../commands.js';
import { refuse, requireObjective, requireTransition } from '../errors.js';
import type { ComplaintEvent } from '../events.js';
import type { CompensationRequest, Complaint, ComplaintState } from '../state.js';

type Decision = { readonly complaint: Complaint; readonly request: CompensationRequest };

/**
 * Who decides a pending request: a manager of the complaint's region who is neither the requester (four eyes)
 * nor the customer's own rep (objectivity).
 */
function requireDecider(
  actor: Actor,
  state: ComplaintState,
  event: 'ComplaintCompensationApproved' | 'ComplaintCompensationRejected',
  occurredAt: IsoDateTime,
): Either<DomainError, Decision> {
  const found = requireTransition(state, event, occurredAt);
  if (isLeft(found)) return found;
  const complaint = found.right;
  const objective = requireObjective(complaint, actor.id);
  if (isLeft(objective)) return objective;
  const request = complaint.compensationRequest;
  if (request === null)
    return refuse('COMPLAINT_NO_COMPENSATION_REQUESTED', 'there is no compensation request waiting for a decision', {
      complaintId: complaint.complaintId,
    });
  if (request.requestedBy === actor.id) {
    return refuse(
      'COMPLAINT_COMPENSATION_SAME_PERSON',
      'a compensation request is decided by someone other than the person who asked',
      { requestedBy: request.requestedBy },
    );
  }
  if (!isManager(actor) || !managesRegion(actor, complaint.region)) {
    return refuse(
      'COMPLAINT_APPROVER_NOT_AUTHORIZED',
      "only a manager of the complaint's region decides a compensation request",
      { role: actor.role, region: complaint.region },
    );
  }
  return right({ complaint, request });
}

/** A manager of the region approves the pending compensation request: its requester may then resolve with up to that amount. */
export function approveCompensation(
  command: ApproveCompensationCommand,
  state: ComplaintState,
): Either<DomainError, readonly ComplaintEvent[]> {
  const { actor, occurredAt } = command.metadata;
  const decision = requireDecider(actor, state, 'ComplaintCompensationApproved', occurredAt);
  if (isLeft(decision)) return decision;
  const { complaint, request } = decision.right;
  const { amount, currency, requestedBy } = request;
  return right([
    {
      type: 'ComplaintCompensationApproved',
      data: {
        complaintId: complaint.complaintId,
        amount,
        currency,
        requestedBy,
        approvedBy: actor.id,
        approverRole: actor.role,
        approvedAt: occurredAt,
      },
    },
  ]);
}

/** A manager of the region rejects the pending compensation request with a reason; the handler may ask again. */
export function rejectCompensation(
  command: RejectCompensationCommand,
  state: ComplaintState,
): Either<DomainError, readonly ComplaintEvent[]> {
  const { actor, occurredAt } = command.metadata;
  const decision = requireDecider(actor, state, 'ComplaintCompensationRejected', occurredAt);
  if (isLeft(decision)) return decision;
  const { complaint, request } = decision.right;
  const { amount, currency, requestedBy } = request;
  return right([
    {
      type: 'ComplaintCompensationRejected',
      data: {
        complaintId: complaint.complaintId,
        amount,
        currency,
        requestedBy,
        reason: command.data.reason,
        rejectedBy: actor.id,
        rejecterRole: actor.role,
        rejectedAt: occurredAt,
      },
    },
  ]);
}
