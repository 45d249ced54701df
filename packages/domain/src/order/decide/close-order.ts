import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { CloseOrderCommand } from '../commands.js';
import { authorize, requireStatus } from '../errors.js';
import type { OrderEvent } from '../events.js';
import { orderTotal } from '../order-line.js';
import type { OrderState } from '../state.js';

/** Short-closes a partially shipped order: each line's ordered quantity becomes what shipped. */
export function closeOrder(command: CloseOrderCommand, state: OrderState): Either<DomainError, readonly OrderEvent[]> {
  // Nothing shipped yet: cancel instead; everything shipped: nothing is left to close.
  const order = requireStatus(state, 'close', ['partially_shipped'], { confirmed: 'ORDER_NOT_SHIPPED' });
  if (isLeft(order)) return order;
  const o = order.right;
  const allowed = authorize(command.metadata.actor, o.repId, o.region);
  if (isLeft(allowed)) return allowed;
  const totalBefore = orderTotal(o.lines);
  const totalAfter = orderTotal(o.lines.map((line) => ({ ...line, quantity: line.shipped })));
  const { orderId, customerId, repId, region, currency } = o;
  return right([
    {
      type: 'OrderClosed',
      data: {
        ...{ orderId, customerId, repId, region, currency },
        lines: o.lines.map((l) => ({
          lineId: l.lineId,
          sku: l.sku,
          orderedBefore: l.quantity,
          shipped: l.shipped,
          closedQuantity: l.quantity - l.shipped,
        })),
        totalBefore,
        totalAfter,
        bookedDelta: totalAfter - totalBefore,
        reason: command.data.reason,
        closedAt: command.metadata.occurredAt,
      },
    },
  ]);
}
