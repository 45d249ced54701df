import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import { millisBetween } from '../../shared/time.js';
import type { ReopenComplaintCommand } from '../commands.js';
import { authorizeCustomerFacing, refuse, requireTransition } from '../errors.js';
import type { ComplaintEvent } from '../events.js';
import type { ComplaintState } from '../state.js';
import { REOPEN_WINDOW_DAYS } from '../vocabulary.js';

const WINDOW_MS = REOPEN_WINDOW_DAYS * 86_400_000;

/** Reopens a closed complaint, back to investigating, up to 30 days (to the millisecond) after it was closed. */
export function reopenComplaint(
  command: ReopenComplaintCommand,
  state: ComplaintState,
): Either<DomainError, readonly ComplaintEvent[]> {
  const { actor, occurredAt } = command.metadata;
  const found = requireTransition(state, 'ComplaintReopened', occurredAt);
  if (isLeft(found)) return found;
  const complaint = found.right;
  const allowed = authorizeCustomerFacing(actor);
  if (isLeft(allowed)) return allowed;
  // A closed complaint always has closedAt; nothing happens to it after closing, so lastAt is the same instant.
  const closedAt = complaint.closedAt ?? complaint.lastAt;
  if (millisBetween(closedAt, occurredAt) > WINDOW_MS) {
    return refuse(
      'COMPLAINT_REOPEN_WINDOW_EXPIRED',
      `a complaint may be reopened within ${REOPEN_WINDOW_DAYS} days of closing`,
      {
        closedAt,
        occurredAt,
        windowDays: REOPEN_WINDOW_DAYS,
      },
    );
  }
  return right([
    {
      type: 'ComplaintReopened',
      data: {
        complaintId: complaint.complaintId,
        reason: command.data.reason,
        reopenCount: complaint.reopenCount + 1,
        closedAt,
        reopenedBy: actor.id,
        reopenedAt: occurredAt,
      },
    },
  ]);
}
