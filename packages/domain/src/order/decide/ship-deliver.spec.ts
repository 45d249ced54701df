import { isRight } from 'fp-ts/lib/Either.js';
import { fold } from '../../shared/decider.js';
import { deciderSpec } from '../../testing/decider-spec.js';
import { registeredOrderDecider as orderDecider } from '../testing.js';
import type { OrderDeliveredEvent, OrderEvent } from '../events.js';
import {
  analyst,
  at,
  confirmDelivery,
  eastManager,
  line,
  line2,
  on,
  orderClosed,
  orderConfirmed,
  orderPlaced,
  orderShipped,
  recordShipment,
  westManager,
} from '../testing.js';

const given = deciderSpec(orderDecider);
const confirmed: OrderEvent[] = [orderPlaced(), orderConfirmed()];
const fullyShipped: OrderEvent[] = [...confirmed, orderShipped({ l1: 10, l2: 5 })];

describe('RecordShipment', () => {
  it('records a partial shipment with per-line quantities and running totals', () => {
    given(confirmed)
      .when(recordShipment([{ lineId: 'l1', quantity: 4 }]))
      .then([orderShipped({ l1: 4 })]);
  });

  it('marks the shipment that ships the rest as full', () => {
    const history = [...confirmed, orderShipped({ l1: 4 })];
    given(history)
      .when(
        recordShipment(
          [
            { lineId: 'l1', quantity: 6 },
            { lineId: 'l2', quantity: 5 },
          ],
          's2',
        ),
      )
      .then([orderShipped({ l1: 6, l2: 5 }, 's2', { l1: 10, l2: 5 })]);
  });

  it('never ships more than ordered', () => {
    given(confirmed)
      .when(recordShipment([{ lineId: 'l1', quantity: 11 }]))
      .then('ORDER_SHIPMENT_EXCEEDS_ORDERED');
    const error = given([...confirmed, orderShipped({ l1: 8 })])
      .when(recordShipment([{ lineId: 'l1', quantity: 3 }], 's2'))
      .thenError('ORDER_SHIPMENT_EXCEEDS_ORDERED');
    expect(error.details).toMatchObject({ remaining: 2 });
  });

  it('refuses an unknown line', () => {
    given(confirmed)
      .when(recordShipment([{ lineId: 'l9', quantity: 1 }]))
      .then('ORDER_LINE_NOT_FOUND');
  });

  it('treats a repeated shipment id with the same content as a no-op, with other content as an error', () => {
    const history = [...confirmed, orderShipped({ l1: 4 })];
    given(history)
      .when(recordShipment([{ lineId: 'l1', quantity: 4 }]))
      .then([]);
    given(fullyShipped)
      .when(
        recordShipment([
          { lineId: 'l1', quantity: 10 },
          { lineId: 'l2', quantity: 5 },
        ]),
      )
      .then([]);
    given(history)
      .when(recordShipment([{ lineId: 'l1', quantity: 3 }]))
      .then('ORDER_SHIPMENT_ID_REUSED');
    given(history)
      .when(recordShipment([{ lineId: 'l1', quantity: 4 }], 's1', on(11)))
      .then('ORDER_SHIPMENT_ID_REUSED');
    given(history)
      .when(
        recordShipment([
          { lineId: 'l1', quantity: 4 },
          { lineId: 'l2', quantity: 1 },
        ]),
      )
      .then('ORDER_SHIPMENT_ID_REUSED');
  });

  it('ships only confirmed orders that are not fully shipped', () => {
    given([])
      .when(recordShipment([{ lineId: 'l1', quantity: 1 }]))
      .then('FORBIDDEN_SCOPE');
    given([orderPlaced()])
      .when(recordShipment([{ lineId: 'l1', quantity: 1 }]))
      .then('ORDER_NOT_CONFIRMED');
    given(fullyShipped)
      .when(recordShipment([{ lineId: 'l1', quantity: 1 }], 's2'))
      .then('ORDER_FULLY_SHIPPED');
  });

  it('is recorded by the order rep or a manager of its region', () => {
    given(confirmed)
      .when(recordShipment([{ lineId: 'l1', quantity: 4 }], 's1', on(10), eastManager))
      .then([orderShipped({ l1: 4 })]);
    given(confirmed)
      .when(recordShipment([{ lineId: 'l1', quantity: 4 }], 's1', on(10), westManager))
      .then('FORBIDDEN_SCOPE');
    given(confirmed)
      .when(recordShipment([{ lineId: 'l1', quantity: 4 }], 's1', on(10), analyst))
      .then('ORDER_NOT_AUTHORIZED');
  });
});

const delivered = (
  deliveredOn: string,
  onTime: boolean,
  delayDays: number,
  promisedDeliveryDate = on(20),
  total = 11_000,
): OrderDeliveredEvent => {
  const { orderId, customerId, repId, region, currency, paymentTerms } = orderPlaced().data;
  return {
    type: 'OrderDelivered',
    data: {
      orderId,
      customerId,
      repId,
      region,
      currency,
      deliveredOn,
      promisedDeliveryDate,
      onTime,
      delayDays,
      total,
      paymentTerms,
    },
  };
};

describe('ConfirmDelivery', () => {
  it('on or before the promised date is on time, with no delay', () => {
    given(fullyShipped)
      .when(confirmDelivery(on(18)))
      .then([delivered(on(18), true, 0)]);
    given(fullyShipped)
      .when(confirmDelivery(on(20)))
      .then([delivered(on(20), true, 0)]);
  });

  it('after the promised date is late, with the delay in days', () => {
    given(fullyShipped)
      .when(confirmDelivery(on(23)))
      .then([delivered(on(23), false, 3)]);
  });

  it('measures against the last promised date agreed by amendment', () => {
    const moved: OrderEvent = {
      type: 'OrderAmended',
      data: {
        ...orderPlaced().data,
        revision: 2,
        linesBefore: [line(), line2()],
        linesAfter: [line(), line2()],
        promisedDeliveryDateBefore: on(20),
        promisedDeliveryDateAfter: on(25),
        totalBefore: 11_000,
        totalAfter: 11_000,
        bookedDelta: 0,
        approvalRequired: false,
        reason: 'customer moved the date',
        customerConfirmationRef: 'call-42',
        amendedAt: at(5),
      },
    };
    given([...confirmed, moved, orderShipped({ l1: 10, l2: 5 })])
      .when(confirmDelivery(on(23)))
      .then([delivered(on(23), true, 0, on(25))]);
  });

  it('needs the order fully shipped (or short-closed), once', () => {
    given(confirmed).when(confirmDelivery()).then('ORDER_NOT_SHIPPED');
    given([...confirmed, orderShipped({ l1: 4 })])
      .when(confirmDelivery())
      .then('ORDER_NOT_SHIPPED');
    given([...fullyShipped, delivered(on(18), true, 0)])
      .when(confirmDelivery())
      .then('ORDER_ALREADY_DELIVERED');
  });

  it('cannot be delivered before the last shipment left', () => {
    given(fullyShipped)
      .when(confirmDelivery(on(9)))
      .then('ORDER_DELIVERY_BEFORE_SHIPMENT');
  });

  it('confirms delivery of what shipped from a short-closed order, once', () => {
    const history = [...confirmed, orderShipped({ l1: 4 })];
    const afterClose = [...history, orderClosed()];
    given(afterClose)
      .when(confirmDelivery(on(18)))
      .then([delivered(on(18), true, 0, on(20), 4_000)]);
    given([...afterClose, delivered(on(18), true, 0, on(20), 4_000)])
      .when(confirmDelivery())
      .then('ORDER_ALREADY_DELIVERED');
  });

  it('compares with the delivery date itself when no shipment date is known', () => {
    const state = fold(orderDecider, fullyShipped);
    if (state.status === 'none') throw new Error('expected an order');
    const result = orderDecider.decide(confirmDelivery(on(1)), { ...state, lastShippedOn: null });
    expect(isRight(result)).toBe(true);
  });

  it('refuses another region manager', () => {
    given(fullyShipped)
      .when(confirmDelivery(on(18), westManager))
      .then('FORBIDDEN_SCOPE');
  });
});
