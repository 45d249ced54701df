import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { RecordShipment, RecordShipmentCommand } from '../commands.js';
import { authorize, checkFulfilmentDate, orderError, refuse, requireStatus, type OrderError } from '../errors.js';
import type { OrderEvent, ShippedLine } from '../events.js';
import type { Order, OrderState, ShipmentRecord } from '../state.js';

const sameShipment = (previous: ShipmentRecord, data: RecordShipment): boolean =>
  previous.shippedOn === data.shippedOn &&
  previous.lines.length === data.lines.length &&
  data.lines.every((line) => previous.lines.some((p) => p.lineId === line.lineId && p.quantity === line.quantity));

/** Each shipped line exists and its shipped total never exceeds the ordered quantity. */
function shippedLines(order: Order, data: RecordShipment): Either<OrderError, ShippedLine[]> {
  const result: ShippedLine[] = [];
  for (const { lineId, quantity } of data.lines) {
    const line = order.lines.find((l) => l.lineId === lineId);
    if (line === undefined)
      return left(orderError('ORDER_LINE_NOT_FOUND', `the order has no line ${lineId}`, { lineId }));
    const shippedTotal = line.shipped + quantity;
    if (shippedTotal > line.quantity) {
      const details = {
        lineId,
        ordered: line.quantity,
        alreadyShipped: line.shipped,
        requested: quantity,
        remaining: line.quantity - line.shipped,
      };
      return left(
        orderError(
          'ORDER_SHIPMENT_EXCEEDS_ORDERED',
          `line ${lineId} has only ${line.quantity - line.shipped} left to ship`,
          details,
        ),
      );
    }
    result.push({ lineId, sku: line.sku, quantity, shippedTotal, ordered: line.quantity });
  }
  return right(result);
}

/** Records a (partial) shipment of a confirmed order; a repeated shipment id with the same content is a no-op. */
export function recordShipment(
  command: RecordShipmentCommand,
  state: OrderState,
): Either<DomainError, readonly OrderEvent[]> {
  const { data, metadata } = command;
  const previous = state.status === 'none' ? undefined : state.shipments[data.shipmentId];
  if (previous !== undefined) {
    return sameShipment(previous, data)
      ? right([])
      : refuse('ORDER_SHIPMENT_ID_REUSED', `shipment ${data.shipmentId} was recorded with other content`, {
          shipmentId: data.shipmentId,
        });
  }
  const order = requireStatus(state, 'ship', ['confirmed', 'partially_shipped']);
  if (isLeft(order)) return order;
  const o = order.right;
  const allowed = authorize(metadata.actor, o.repId, o.region);
  if (isLeft(allowed)) return allowed;
  const dated = checkFulfilmentDate('shippedOn', data.shippedOn, o, metadata.occurredAt);
  if (isLeft(dated)) return dated;
  const lines = shippedLines(o, data);
  if (isLeft(lines)) return lines;
  const shippedNow = new Map(lines.right.map((l) => [l.lineId, l.quantity]));
  const fullyShipped = o.lines.every((l) => l.shipped + (shippedNow.get(l.lineId) ?? 0) >= l.quantity);
  const { orderId, customerId, repId, region, currency } = o;
  return right([
    {
      type: 'OrderShipmentRecorded',
      data: {
        orderId,
        customerId,
        repId,
        region,
        currency,
        shipmentId: data.shipmentId,
        shippedOn: data.shippedOn,
        lines: lines.right,
        fullyShipped,
        recordedAt: metadata.occurredAt,
      },
    },
  ]);
}
