import { isRight } from 'fp-ts/lib/Either.js';
import { fold } from '../../shared/decider.js';
import { deciderSpec } from '../../testing/decider-spec.js';
import { RecordShipment, type OrderCommand } from '../commands.js';
import type { OrderEvent } from '../events.js';
import {
  line,
  line2,
  orderConfirmed,
  orderPlaced,
  orderShipped,
  recordShipment,
  registeredOrderDecider,
  rep,
} from '../testing.js';

const given = deciderSpec(registeredOrderDecider);
const confirmed: OrderEvent[] = [orderPlaced(), orderConfirmed()];
const shipped: OrderEvent[] = [...confirmed, orderShipped({ l1: 10, l2: 5 })];
const now = '2026-03-10T09:00:00Z';
const shipAll = (shippedOn: string): OrderCommand => ({
  ...recordShipment(
    [
      { lineId: 'l1', quantity: line().quantity },
      { lineId: 'l2', quantity: line2().quantity },
    ],
    's1',
    shippedOn,
  ),
  metadata: { actor: rep, occurredAt: now },
});
const deliver = (deliveredOn: string): OrderCommand => ({
  type: 'ConfirmDelivery',
  data: { orderId: orderPlaced().data.orderId, deliveredOn },
  metadata: { actor: rep, occurredAt: '2026-03-12T09:00:00Z' },
});
const accepted = (history: readonly OrderEvent[], command: OrderCommand): boolean =>
  isRight(registeredOrderDecider.decide(command, fold(registeredOrderDecider, history)));

describe('business dates of shipments and deliveries (abuse 6)', () => {
  it('refuses a shipment dated before the order was placed, such as 1990 on a 2026 order', () => {
    given(confirmed).when(shipAll('1990-03-10')).then('ORDER_DATE_BEFORE_PLACEMENT');
    given(confirmed).when(shipAll('2026-02-27')).then('ORDER_DATE_BEFORE_PLACEMENT');
    // The business zone's date may be a day off UTC: the day before the UTC placement date is within tolerance.
    expect(accepted(confirmed, shipAll('2026-02-28'))).toBe(true);
  });

  it('refuses a shipment or a delivery dated after today beyond one day', () => {
    expect(accepted(confirmed, shipAll('2026-03-11'))).toBe(true);
    given(confirmed).when(shipAll('2026-03-12')).then('ORDER_DATE_IN_FUTURE');
    expect(accepted(shipped, deliver('2026-03-13'))).toBe(true);
    given(shipped).when(deliver('2026-03-14')).then('ORDER_DATE_IN_FUTURE');
    given(shipped).when(deliver('1990-01-01')).then('ORDER_DATE_BEFORE_PLACEMENT');
  });

  it('refuses dates outside the years the reports accept in the command itself', () => {
    const shipment = { orderId: 'o-1', shipmentId: 's1', lines: [{ lineId: 'l1', quantity: 1 }] };
    expect(RecordShipment.safeParse({ ...shipment, shippedOn: '0001-01-01' }).success).toBe(false);
    expect(RecordShipment.safeParse({ ...shipment, shippedOn: '2999-12-31' }).success).toBe(true);
    expect(RecordShipment.safeParse({ ...shipment, shippedOn: '3000-01-01' }).success).toBe(false);
    expect(
      RecordShipment.safeParse({ ...shipment, shippedOn: '2016-13-45' }).error?.issues.map((issue) =>
        issue.path.join('.'),
      ),
    ).toEqual(['shippedOn']);
  });
});
