import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { CancelOrderCommand } from '../commands.js';
import { authorize, requireStatus } from '../errors.js';
import type { OrderEvent } from '../events.js';
import type { OrderState } from '../state.js';

/** Cancels an order before its first shipment (after it, close short instead), reversing what it booked. */
export function cancelOrder(
  command: CancelOrderCommand,
  state: OrderState,
): Either<DomainError, readonly OrderEvent[]> {
  const order = requireStatus(state, 'cancel', ['placed', 'awaiting_approval', 'confirmed'], {
    shipped: 'ORDER_ALREADY_SHIPPED',
  });
  if (isLeft(order)) return order;
  const o = order.right;
  const allowed = authorize(command.metadata.actor, o.repId, o.region);
  if (isLeft(allowed)) return allowed;
  const { orderId, customerId, repId, region, currency } = o;
  return right([
    {
      type: 'OrderCancelled',
      data: {
        ...{ orderId, customerId, repId, region, currency },
        wasConfirmed: o.confirmed,
        bookedReversed: o.bookedTotal,
        reason: command.data.reason,
        cancelledAt: command.metadata.occurredAt,
      },
    },
  ]);
}
