import { fold } from '../shared/decider.js';
import { registeredOrderDecider as orderDecider } from './testing.js';
import type { OrderEvent } from './events.js';
import { evolve, initialState, shippingStatus, type Order, type OrderState } from './state.js';
import { line, line2, on, orderCancelled, orderClosed, orderConfirmed, orderPlaced, orderShipped } from './testing.js';

const order = (state: OrderState): Order => {
  if (state.status === 'none') throw new Error('expected an order');
  return state;
};
const stateOf = (...events: OrderEvent[]): Order => order(fold(orderDecider, events));

describe('shippingStatus', () => {
  it('is confirmed before any shipment, partially shipped, then shipped', () => {
    const lines = [
      { ...line(), shipped: 0 },
      { ...line2(), shipped: 0 },
    ];
    expect(shippingStatus(lines)).toBe('confirmed');
    expect(shippingStatus([{ ...line(), shipped: 3 }, lines[1]!])).toBe('partially_shipped');
    expect(
      shippingStatus([
        { ...line(), shipped: 10 },
        { ...line2(), shipped: 5 },
      ]),
    ).toBe('shipped');
  });
});

describe('evolve', () => {
  it('starts with no order and ignores events other than OrderPlaced', () => {
    expect(initialState()).toEqual({ status: 'none' });
    expect(evolve(initialState(), orderConfirmed())).toEqual({ status: 'none' });
  });

  it('ignores a second OrderPlaced', () => {
    const placed = stateOf(orderPlaced());
    expect(evolve(placed, orderPlaced([line({ quantity: 99 })]))).toBe(placed);
  });

  it('places an order with nothing shipped, nothing booked and revision 1', () => {
    const state = stateOf(orderPlaced());
    expect(state).toMatchObject({
      status: 'placed',
      revision: 1,
      bookedTotal: 0,
      confirmed: false,
      discountCoveredBp: 1_000,
    });
    expect(state.lines.map((l) => l.shipped)).toEqual([0, 0]);
    expect(stateOf(orderPlaced(undefined, { approvalRequired: true })).status).toBe('awaiting_approval');
  });

  it('confirms with booked total, segment, rep and region', () => {
    expect(stateOf(orderPlaced(), orderConfirmed())).toMatchObject({
      status: 'confirmed',
      bookedTotal: 11_000,
      segment: 'smb',
      confirmed: true,
    });
  });

  it('ships partially, then fully, keeping the latest ship date', () => {
    const partly = stateOf(orderPlaced(), orderConfirmed(), orderShipped({ l1: 4 }));
    expect(partly.status).toBe('partially_shipped');
    expect(partly.lines.map((l) => l.shipped)).toEqual([4, 0]);
    const early = orderShipped({ l1: 6, l2: 5 }, 's2', { l1: 10, l2: 5 });
    const full = stateOf(orderPlaced(), orderConfirmed(), orderShipped({ l1: 4 }), {
      ...early,
      data: { ...early.data, shippedOn: on(9) },
    });
    expect(full.status).toBe('shipped');
    expect(full.lastShippedOn).toBe(on(10));
    expect(Object.keys(full.shipments)).toEqual(['s1', 's2']);
  });

  it('cancels, reversing the booked total', () => {
    expect(stateOf(orderPlaced(), orderConfirmed(), orderCancelled(11_000))).toMatchObject({
      status: 'cancelled',
      bookedTotal: 0,
    });
  });

  it('short-closes to the shipped quantities and stays closed when delivered', () => {
    const closed = stateOf(orderPlaced(), orderConfirmed(), orderShipped({ l1: 4 }), orderClosed());
    expect(closed).toMatchObject({ status: 'closed', bookedTotal: 4_000 });
    expect(closed.lines.map((l) => l.quantity)).toEqual([4, 0]);
    const delivered = evolve(closed, {
      type: 'OrderDelivered',
      data: {
        ...orderPlaced().data,
        deliveredOn: on(18),
        promisedDeliveryDate: on(20),
        onTime: true,
        delayDays: 0,
        total: 4_000,
      },
    });
    expect(delivered).toMatchObject({
      status: 'closed',
      delivery: { deliveredOn: on(18), onTime: true, delayDays: 0 },
    });
  });

  it('amends lines keeping shipped quantities by line id and moving the promised date', () => {
    const before = stateOf(orderPlaced(), orderConfirmed(), orderShipped({ l1: 4 }));
    const after = order(
      evolve(before, {
        type: 'OrderAmended',
        data: {
          ...orderPlaced().data,
          revision: 2,
          linesBefore: [line(), line2()],
          linesAfter: [line2(), line({ quantity: 6 })],
          promisedDeliveryDateBefore: on(20),
          promisedDeliveryDateAfter: on(22),
          totalBefore: 11_000,
          totalAfter: 7_000,
          bookedDelta: -4_000,
          approvalRequired: false,
          reason: 'less',
          customerConfirmationRef: 'ref',
          amendedAt: '2026-03-05T09:00:00Z',
        },
      }),
    );
    expect(after.lines.map((l) => [l.lineId, l.quantity, l.shipped])).toEqual([
      ['l2', 5, 0],
      ['l1', 6, 4],
    ]);
    expect(after).toMatchObject({
      revision: 2,
      bookedTotal: 7_000,
      promisedDeliveryDate: on(22),
      status: 'partially_shipped',
    });
  });
});
