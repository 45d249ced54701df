import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { RecordInvestigationCommand } from '../commands.js';
import { authorizeHandling, requireTransition } from '../errors.js';
import type { ComplaintEvent } from '../events.js';
import type { ComplaintState } from '../state.js';

/** Records findings (and the root cause once known): an acknowledged complaint is now being investigated. */
export function recordInvestigation(
  command: RecordInvestigationCommand,
  state: ComplaintState,
): Either<DomainError, readonly ComplaintEvent[]> {
  const { actor, occurredAt } = command.metadata;
  const found = requireTransition(state, 'ComplaintInvestigationRecorded', occurredAt);
  if (isLeft(found)) return found;
  const allowed = authorizeHandling(actor, found.right);
  if (isLeft(allowed)) return allowed;
  const { rootCause, findings } = command.data;
  return right([
    {
      type: 'ComplaintInvestigationRecorded',
      data: {
        complaintId: found.right.complaintId,
        rootCause: rootCause ?? null,
        findings,
        recordedBy: actor.id,
        recordedAt: occurredAt,
      },
    },
  ]);
}
