import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import { daysBetween } from '../../shared/time.js';
import type { ConfirmDeliveryCommand } from '../commands.js';
import { authorize, checkFulfilmentDate, refuse, requireStatus } from '../errors.js';
import type { OrderEvent } from '../events.js';
import { orderTotal } from '../order-line.js';
import type { OrderState } from '../state.js';

/**
 * Confirms delivery of a fully shipped or short-closed order. On time means on or before the last
 * promised date agreed; the delay in days is 0 when on time.
 */
export function confirmDelivery(
  command: ConfirmDeliveryCommand,
  state: OrderState,
): Either<DomainError, readonly OrderEvent[]> {
  const order = requireStatus(state, 'confirm the delivery of', ['shipped', 'closed'], {
    confirmed: 'ORDER_NOT_SHIPPED',
    partially_shipped: 'ORDER_NOT_SHIPPED',
  });
  if (isLeft(order)) return order;
  const o = order.right;
  const { data, metadata } = command;
  if (o.delivery !== null)
    return refuse('ORDER_ALREADY_DELIVERED', 'delivery of this order is already confirmed', {
      deliveredOn: o.delivery.deliveredOn,
    });
  const allowed = authorize(metadata.actor, o.repId, o.region);
  if (isLeft(allowed)) return allowed;
  const dated = checkFulfilmentDate('deliveredOn', data.deliveredOn, o, metadata.occurredAt);
  if (isLeft(dated)) return dated;
  const lastShippedOn = o.lastShippedOn ?? data.deliveredOn;
  if (data.deliveredOn < lastShippedOn) {
    return refuse(
      'ORDER_DELIVERY_BEFORE_SHIPMENT',
      `delivered on ${data.deliveredOn}, before the last shipment on ${lastShippedOn}`,
      { lastShippedOn },
    );
  }
  const delay = daysBetween(o.promisedDeliveryDate, data.deliveredOn);
  const { orderId, customerId, repId, region, currency, promisedDeliveryDate, paymentTerms } = o;
  return right([
    {
      type: 'OrderDelivered',
      data: {
        ...{ orderId, customerId, repId, region, currency },
        deliveredOn: data.deliveredOn,
        promisedDeliveryDate,
        onTime: delay <= 0,
        delayDays: Math.max(0, delay),
        total: orderTotal(o.lines),
        paymentTerms,
      },
    },
  ]);
}
