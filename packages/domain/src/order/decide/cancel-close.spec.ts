import { deciderSpec } from '../../testing/decider-spec.js';
import { registeredOrderDecider as orderDecider } from '../testing.js';
import type { OrderEvent } from '../events.js';
import {
  cancelOrder,
  closeOrder,
  orderCancelled,
  orderClosed,
  orderConfirmed,
  orderPlaced,
  orderShipped,
  otherRep,
} from '../testing.js';

const given = deciderSpec(orderDecider);
const placed = orderPlaced();
const confirmed: OrderEvent[] = [placed, orderConfirmed()];

describe('CancelOrder', () => {
  it('cancels an unconfirmed order reversing nothing', () => {
    given([placed])
      .when(cancelOrder())
      .then([orderCancelled(0)]);
  });

  it('cancels a confirmed order reversing its booked amount', () => {
    given(confirmed)
      .when(cancelOrder())
      .then([orderCancelled(11_000)]);
  });

  it('is refused after the first shipment: close short instead', () => {
    given([...confirmed, orderShipped({ l1: 1 })])
      .when(cancelOrder())
      .then('ORDER_ALREADY_SHIPPED');
    given([...confirmed, orderShipped({ l1: 10, l2: 5 })])
      .when(cancelOrder())
      .then('ORDER_ALREADY_SHIPPED');
  });

  it('is refused twice, for unknown orders and for other reps', () => {
    given([placed, orderCancelled()]).when(cancelOrder()).then('ORDER_ALREADY_CANCELLED');
    given([]).when(cancelOrder()).then('FORBIDDEN_SCOPE');
    given([placed]).when(cancelOrder(otherRep)).then('FORBIDDEN_SCOPE');
  });
});

const closed = orderClosed;

describe('CloseOrder', () => {
  const partly = [...confirmed, orderShipped({ l1: 4 })];

  it('short-closes the unshipped rest of a partially shipped order', () => {
    given(partly).when(closeOrder()).then([closed()]);
  });

  it('needs something shipped and something left', () => {
    given(confirmed).when(closeOrder()).then('ORDER_NOT_SHIPPED');
    given([placed]).when(closeOrder()).then('ORDER_NOT_CONFIRMED');
    given([...confirmed, orderShipped({ l1: 10, l2: 5 })])
      .when(closeOrder())
      .then('ORDER_FULLY_SHIPPED');
  });

  it('is final', () => {
    given([...partly, closed()])
      .when(closeOrder())
      .then('ORDER_ALREADY_CLOSED');
    given([...partly, closed()])
      .when(cancelOrder())
      .then('ORDER_ALREADY_CLOSED');
  });

  it('is refused for other reps', () => {
    given(partly).when(closeOrder(otherRep)).then('FORBIDDEN_SCOPE');
  });
});
