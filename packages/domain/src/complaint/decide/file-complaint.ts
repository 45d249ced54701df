import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { FileComplaintCommand } from '../commands.js';
import { authorizeCustomerFacing, refuse } from '../errors.js';
import type { ComplaintEvent } from '../events.js';
import type { ComplaintState } from '../state.js';

/** Files a complaint of a known customer, fixing the customer's owner rep and region on it. */
export function fileComplaint(
  command: FileComplaintCommand,
  state: ComplaintState,
): Either<DomainError, readonly ComplaintEvent[]> {
  if (state.status !== 'none') {
    return refuse('COMPLAINT_ALREADY_FILED', 'this complaint was already filed', { complaintId: state.complaintId });
  }
  const allowed = authorizeCustomerFacing(command.metadata.actor);
  if (isLeft(allowed)) return allowed;
  const { customer } = command.inputs;
  const { complaintId, customerId, orderId, channel, category, severity, description } = command.data;
  if (customer === null)
    return refuse('COMPLAINT_CUSTOMER_NOT_FOUND', `there is no customer ${customerId}`, { customerId });
  return right([
    {
      type: 'ComplaintFiled',
      data: {
        complaintId,
        customerId,
        orderId: orderId ?? null,
        channel,
        category,
        severity,
        description,
        ownerRepId: customer.ownerRepId,
        region: customer.region,
        filedBy: command.metadata.actor.id,
        filedAt: command.metadata.occurredAt,
      },
    },
  ]);
}
