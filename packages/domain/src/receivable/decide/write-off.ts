import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import { allOutstanding } from '../allocation.js';
import type { ApproveWriteOffCommand, RequestWriteOffCommand } from '../commands.js';
import { authorize, refuse, requireOpen } from '../errors.js';
import type { ReceivableEvent } from '../events.js';
import type { ReceivableState } from '../state.js';
import { dateOf } from '../vocabulary.js';
import { common } from './facts.js';

/** Asks for the outstanding amount to be written off; one request at a time. */
export function requestWriteOff(
  command: RequestWriteOffCommand,
  state: ReceivableState,
): Either<DomainError, readonly ReceivableEvent[]> {
  const { data, metadata } = command;
  const open = requireOpen(state, 'request a write-off');
  if (isLeft(open)) return open;
  const r = open.right;
  const allowed = authorize(metadata.actor, 'requestWriteOff', r);
  if (isLeft(allowed)) return allowed;
  if (r.writeOffRequest !== null) {
    return refuse('RECEIVABLE_WRITE_OFF_ALREADY_REQUESTED', 'a write-off is already waiting for approval', {
      requestedBy: r.writeOffRequest.requestedBy,
    });
  }
  const { actor, occurredAt } = metadata;
  return right([
    {
      type: 'WriteOffRequested',
      data: {
        ...common(r, r.outstanding),
        reason: data.reason,
        requestedBy: actor.id,
        requesterRole: actor.role,
        requestedAt: occurredAt,
      },
    },
  ]);
}

/**
 * A manager approves the pending write-off of everything still outstanding. Four eyes: the approver
 * is never the person who asked.
 */
export function approveWriteOff(
  command: ApproveWriteOffCommand,
  state: ReceivableState,
): Either<DomainError, readonly ReceivableEvent[]> {
  const { data, metadata } = command;
  const open = requireOpen(state, 'approve a write-off');
  if (isLeft(open)) return open;
  const r = open.right;
  const allowed = authorize(metadata.actor, 'approveWriteOff', r);
  if (isLeft(allowed)) return allowed;
  const request = r.writeOffRequest;
  if (request === null)
    return refuse('RECEIVABLE_NO_WRITE_OFF_REQUESTED', 'there is no write-off request to approve', {
      receivableId: r.receivableId,
    });
  const { actor, occurredAt } = metadata;
  if (request.requestedBy === actor.id) {
    return refuse(
      'RECEIVABLE_WRITE_OFF_SAME_PERSON',
      'a write-off must be approved by someone other than the person who requested it',
      { requestedBy: request.requestedBy, approvedBy: actor.id },
    );
  }
  const writtenOffOn = data.writtenOffOn ?? dateOf(occurredAt);
  const writtenOff = {
    ...common(r, 0),
    amount: r.outstanding,
    reason: request.reason,
    requestedBy: request.requestedBy,
    approvedBy: actor.id,
    approverRole: actor.role,
  };
  return right([
    {
      type: 'ReceivableWrittenOff',
      data: { ...writtenOff, writtenOffOn, allocations: allOutstanding(r.installments), approvedAt: occurredAt },
    },
  ]);
}
