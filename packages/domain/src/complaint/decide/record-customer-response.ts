import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import { millisBetween } from '../../shared/time.js';
import type { RecordCustomerResponseCommand } from '../commands.js';
import { authorizeHandling, requireTransition } from '../errors.js';
import type { ComplaintEvent } from '../events.js';
import type { ComplaintState } from '../state.js';

/** The customer responded: the investigation and the resolution clock resume; the event says how long the wait was. */
export function recordCustomerResponse(
  command: RecordCustomerResponseCommand,
  state: ComplaintState,
): Either<DomainError, readonly ComplaintEvent[]> {
  const { actor, occurredAt } = command.metadata;
  const found = requireTransition(state, 'ComplaintCustomerResponded', occurredAt);
  if (isLeft(found)) return found;
  const complaint = found.right;
  const allowed = authorizeHandling(actor, complaint);
  if (isLeft(allowed)) return allowed;
  // Awaiting the customer always has a pausedAt; lastAt is the same instant unless something happened since.
  const pausedAt = complaint.pausedAt ?? complaint.lastAt;
  return right([
    {
      type: 'ComplaintCustomerResponded',
      data: {
        complaintId: complaint.complaintId,
        note: command.data.note ?? null,
        recordedBy: actor.id,
        pausedAt,
        resumedAt: occurredAt,
        pausedMs: millisBetween(pausedAt, occurredAt),
      },
    },
  ]);
}
