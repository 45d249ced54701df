import { deciderSpec } from '../../testing/decider-spec.js';
import { fold } from '../../shared/decider.js';
import { registeredOrderDecider as orderDecider } from '../testing.js';
import type { OrderAmendedEvent, OrderEvent } from '../events.js';
import type { OrderLine } from '../order-line.js';
import {
  amendOrder,
  at,
  confirmOrder,
  eastManager,
  id,
  line,
  line2,
  on,
  orderCancelled,
  orderConfirmed,
  orderPlaced,
  orderShipped,
  otherRep,
  recordShipment,
} from '../testing.js';

const given = deciderSpec(orderDecider);
const placed = orderPlaced();

const amended = (linesAfter: OrderLine[], overrides: Partial<OrderAmendedEvent['data']> = {}): OrderAmendedEvent => ({
  type: 'OrderAmended',
  data: {
    orderId: placed.data.orderId,
    customerId: placed.data.customerId,
    repId: placed.data.repId,
    region: placed.data.region,
    currency: placed.data.currency,
    revision: 2,
    linesBefore: [line(), line2()],
    linesAfter,
    promisedDeliveryDateBefore: on(20),
    promisedDeliveryDateAfter: on(20),
    totalBefore: 11_000,
    totalAfter: 11_000,
    bookedDelta: 0,
    approvalRequired: false,
    reason: 'customer asked for more',
    customerConfirmationRef: 'email-2026-03-05',
    amendedAt: at(5),
    ...overrides,
  },
});

describe('AmendOrder', () => {
  const confirmed: OrderEvent[] = [placed, orderConfirmed()];

  it('records lines before and after, the booked delta, reason, confirmation reference and a new revision', () => {
    const after = [line({ quantity: 12 }), line2()];
    given(confirmed)
      .when(amendOrder({ lines: after }))
      .then([amended(after, { totalAfter: 13_000, bookedDelta: 2_000 })]);
  });

  it('numbers each amendment as the next revision', () => {
    const first = amended([line({ quantity: 12 }), line2()], { totalAfter: 13_000, bookedDelta: 2_000 });
    const after = [line({ quantity: 12 }), line2({ quantity: 1 })];
    given([...confirmed, first])
      .when(amendOrder({ lines: after }))
      .then([
        amended(after, {
          revision: 3,
          linesBefore: first.data.linesAfter,
          totalBefore: 13_000,
          totalAfter: 12_200,
          bookedDelta: -800,
        }),
      ]);
  });

  it('moves the promised date and records it before and after', () => {
    given(confirmed)
      .when(amendOrder({ promisedDeliveryDate: on(25) }))
      .then([amended([line(), line2()], { promisedDeliveryDateAfter: on(25) })]);
  });

  it('books no delta while the order is unconfirmed', () => {
    const after = [line({ quantity: 20 })];
    given([placed])
      .when(amendOrder({ lines: after }))
      .then([amended(after, { totalAfter: 20_000 })]);
  });

  it('refuses an amendment that changes nothing', () => {
    given(confirmed)
      .when(amendOrder({ lines: [line(), line2()], promisedDeliveryDate: on(20) }))
      .then('ORDER_AMENDMENT_EMPTY');
  });

  it('is allowed after a partial shipment but never below the quantity shipped', () => {
    const shipped = [...confirmed, orderShipped({ l1: 4 })];
    const after = [line({ quantity: 4 }), line2()];
    given(shipped)
      .when(amendOrder({ lines: after }))
      .then([amended(after, { totalAfter: 5_000, bookedDelta: -6_000 })]);
    given(shipped)
      .when(amendOrder({ lines: [line({ quantity: 3 }), line2()] }))
      .then('ORDER_AMENDMENT_BELOW_SHIPPED');
    given(shipped)
      .when(amendOrder({ lines: [line2()] }))
      .then('ORDER_AMENDMENT_BELOW_SHIPPED');
  });

  it('removes and adds unshipped lines, and changes the sku only of a line not yet shipped', () => {
    const after = [line({ sku: id.sku('SKU-C') }), line2({ lineId: id.line('l3') })];
    given(confirmed)
      .when(amendOrder({ lines: after }))
      .then([amended(after)]);
    given([...confirmed, orderShipped({ l1: 1 })])
      .when(amendOrder({ lines: after }))
      .then('ORDER_LINE_SKU_FIXED');
  });

  it('is refused once the order is fully shipped, cancelled or unknown', () => {
    const lines = [line({ quantity: 11 }), line2()];
    given([...confirmed, orderShipped({ l1: 10, l2: 5 })])
      .when(amendOrder({ lines }))
      .then('ORDER_FULLY_SHIPPED');
    given([placed, orderCancelled()]).when(amendOrder({ lines })).then('ORDER_ALREADY_CANCELLED');
    given([]).when(amendOrder({ lines })).then('FORBIDDEN_SCOPE');
  });

  it('an amendment down to what shipped completes the shipment', () => {
    const history = [
      ...confirmed,
      orderShipped({ l1: 4, l2: 5 }),
      amended([line({ quantity: 4 }), line2()], { totalAfter: 5_000, bookedDelta: -6_000 }),
    ];
    expect(fold(orderDecider, history).status).toBe('shipped');
    given(history)
      .when(recordShipment([{ lineId: 'l1', quantity: 1 }], 's2'))
      .then('ORDER_FULLY_SHIPPED');
  });

  it('refuses another rep', () => {
    given(confirmed)
      .when(amendOrder({ promisedDeliveryDate: on(25) }, otherRep))
      .then('FORBIDDEN_SCOPE');
  });

  describe('discounts', () => {
    const rich = [line({ discountBp: 2_000 }), line2()];

    it('above the limit before confirmation sends the order back for approval', () => {
      const event = amended(rich, { totalAfter: 9_000, approvalRequired: true });
      given([placed])
        .when(amendOrder({ lines: rich }))
        .then([event]);
      expect(fold(orderDecider, [placed, event]).status).toBe('awaiting_approval');
      given([placed, event]).when(confirmOrder()).then('ORDER_DISCOUNT_NOT_APPROVED');
    });

    it('back within the limit releases an order that awaited approval', () => {
      const waiting = orderPlaced(rich, { total: 9_000, maxDiscountBp: 2_000, approvalRequired: true });
      const after = [line({ discountBp: 500 }), line2()];
      const event = amended(after, { linesBefore: rich, totalBefore: 9_000, totalAfter: 10_500 });
      given([waiting])
        .when(amendOrder({ lines: after }))
        .then([event]);
      expect(fold(orderDecider, [waiting, event]).status).toBe('placed');
    });

    it('a manager amending within their own limit needs no further approval', () => {
      given([placed])
        .when(amendOrder({ lines: rich }, eastManager))
        .then([amended(rich, { totalAfter: 9_000 })]);
      const history = [placed, amended(rich, { totalAfter: 9_000 })];
      const moreLines = [...rich, line2({ lineId: id.line('l3'), discountBp: 1_000 })];
      given(history)
        .when(amendOrder({ lines: moreLines }))
        .then([amended(moreLines, { revision: 3, linesBefore: rich, totalBefore: 9_000, totalAfter: 9_900 })]);
    });

    it('after confirmation only someone whose limit covers it may raise a discount', () => {
      given(confirmed)
        .when(amendOrder({ lines: rich }))
        .then('ORDER_DISCOUNT_ABOVE_LIMIT');
      given(confirmed)
        .when(amendOrder({ lines: rich }, eastManager))
        .then([amended(rich, { totalAfter: 9_000, bookedDelta: -2_000 })]);
    });
  });
});
