import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { DisputeReceivableCommand, ResolveDisputeCommand } from '../commands.js';
import { authorize, refuse, requireOpen, requireReceivable } from '../errors.js';
import type { ReceivableEvent } from '../events.js';
import type { ReceivableState } from '../state.js';
import { common } from './facts.js';

/** The customer disputes an open receivable; one dispute at a time. */
export function disputeReceivable(
  command: DisputeReceivableCommand,
  state: ReceivableState,
): Either<DomainError, readonly ReceivableEvent[]> {
  const { data, metadata } = command;
  const open = requireOpen(state, 'dispute it');
  if (isLeft(open)) return open;
  const r = open.right;
  const allowed = authorize(metadata.actor, 'collect', r);
  if (isLeft(allowed)) return allowed;
  if (r.dispute !== null)
    return refuse('RECEIVABLE_ALREADY_DISPUTED', 'the receivable is already disputed', {
      disputedAt: r.dispute.disputedAt,
    });
  return right([
    {
      type: 'ReceivableDisputed',
      data: {
        ...common(r, r.outstanding),
        reason: data.reason,
        disputedBy: metadata.actor.id,
        disputedAt: metadata.occurredAt,
      },
    },
  ]);
}

/** Resolves the open dispute; allowed after settlement too, since a credit note often ends a dispute. */
export function resolveDispute(
  command: ResolveDisputeCommand,
  state: ReceivableState,
): Either<DomainError, readonly ReceivableEvent[]> {
  const { data, metadata } = command;
  const found = requireReceivable(state, 'resolve a dispute');
  if (isLeft(found)) return found;
  const r = found.right;
  const allowed = authorize(metadata.actor, 'collect', r);
  if (isLeft(allowed)) return allowed;
  if (r.dispute === null)
    return refuse('RECEIVABLE_NOT_DISPUTED', 'the receivable is not disputed', { receivableId: r.receivableId });
  const resolved = {
    ...common(r, r.outstanding),
    resolution: data.resolution,
    disputedAt: r.dispute.disputedAt,
    resolvedBy: metadata.actor.id,
    resolvedAt: metadata.occurredAt,
  };
  return right([{ type: 'ReceivableDisputeResolved', data: resolved }]);
}
