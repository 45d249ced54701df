import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { registeredOrderDecider as orderDecider } from '../order/testing.js';
import type { OrderCommand } from '../order/commands.js';
import type { OrderEvent } from '../order/events.js';
import {
  amendOrder,
  cancelOrder,
  confirmDelivery,
  confirmOrder,
  line,
  line2,
  ORDER_ID,
  placeOrder,
  recordShipment,
} from '../order/testing.js';
import { registeredReceivableDecider as receivableDecider } from '../receivable/testing.js';
import type { ReceivableEvent } from '../receivable/events.js';
import type { IsoDateTime } from '../shared/time.js';
import { orderToReceivable, receivableIdForOrder, scheduleFor, type PolicyContext } from './order-to-receivable.js';

// Business dates in UTC+8, as the default business zone (Asia/Shanghai) has no daylight saving.
const context = (occurredAt: IsoDateTime): PolicyContext => ({
  occurredAt,
  businessDateOf: (instant) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10),
});

/** Runs commands through the real order decider, returning every event with the policy's output for it. */
function run(commands: OrderCommand[]) {
  let state = orderDecider.initialState();
  const events: OrderEvent[] = [];
  for (const command of commands) {
    const decided = orderDecider.decide(command, state);
    if (isLeft(decided)) throw new Error(`${command.type} refused: ${decided.left.code}`);
    for (const event of decided.right) {
      events.push(event);
      state = orderDecider.evolve(state, event);
    }
  }
  return events.flatMap((event) =>
    orderToReceivable(event, context('2026-03-18T10:00:00Z')).map((command) => ({ event, command })),
  );
}

const shipAmended = recordShipment([
  { lineId: 'l1', quantity: 12 },
  { lineId: 'l2', quantity: 5 },
]);
const shipAll = recordShipment([
  { lineId: 'l1', quantity: 10 },
  { lineId: 'l2', quantity: 5 },
]);
const amendTo12 = amendOrder({ lines: [line({ quantity: 12 }), line2()] });

describe('order -> receivable policy', () => {
  it('invoices net terms at delivery, for the total after amendments, due net days later', () => {
    const out = run([placeOrder(), confirmOrder(), amendTo12, shipAmended, confirmDelivery('2026-03-18')]);
    expect(out.map((o) => o.event.type)).toEqual(['OrderDelivered']);
    expect(out[0]?.command.data).toEqual({
      receivableId: receivableIdForOrder(ORDER_ID),
      orderId: ORDER_ID,
      customerId: 'c-1',
      repId: 'rep-1',
      region: 'east',
      amount: { amount: 13_000, currency: 'CNY' }, // 12 x 1000 + 5 x 200
      issueDate: '2026-03-18',
      dueDate: '2026-04-17',
      installments: [{ installmentNo: 1, dueDate: '2026-04-17', amount: 13_000 }],
    });
    expect(out[0]?.command.metadata.actor.role).toBe('system');
  });

  it('invoices payment in advance at confirmation, on the business date of the confirmation', () => {
    const out = run([placeOrder({ paymentTerms: { kind: 'advance' } }), confirmOrder(), shipAll, confirmDelivery()]);
    expect(out.map((o) => o.event.type)).toEqual(['OrderConfirmed']);
    expect(out[0]?.command.data).toMatchObject({
      amount: { amount: 11_000, currency: 'CNY' },
      issueDate: '2026-03-03',
      dueDate: '2026-03-03',
    });
    const confirmed = out[0]?.event;
    if (confirmed?.type !== 'OrderConfirmed') throw new Error('expected the confirmation');
    const lateEvening = orderToReceivable(
      { type: 'OrderConfirmed', data: { ...confirmed.data, confirmedAt: '2026-03-31T20:00:00Z' } },
      context('2026-03-31T20:00:00Z'),
    );
    expect(lateEvening[0]?.data.issueDate).toBe('2026-04-01');
  });

  it('splits an installment plan exactly and dates each part from the delivery', () => {
    const plan = {
      kind: 'installments' as const,
      plan: [
        { dueInDays: 0, shareBp: 3_333 },
        { dueInDays: 30, shareBp: 3_333 },
        { dueInDays: 60, shareBp: 3_334 },
      ],
    };
    const out = run([placeOrder({ paymentTerms: plan }), confirmOrder(), shipAll, confirmDelivery('2026-03-18')]);
    const installments = out[0]?.command.data.installments ?? [];
    expect(installments).toEqual([
      { installmentNo: 1, dueDate: '2026-03-18', amount: 3_666 }, // 11000 x 33.33% = 3666.3
      { installmentNo: 2, dueDate: '2026-04-17', amount: 3_666 },
      { installmentNo: 3, dueDate: '2026-05-17', amount: 3_668 }, // 3667.4 plus the unit left over
    ]);
    expect(installments.reduce((sum, part) => sum + part.amount, 0)).toBe(11_000);
    expect(out[0]?.command.data.dueDate).toBe('2026-05-17');
  });

  it('never invoices a cancelled order', () => {
    expect(run([placeOrder(), confirmOrder(), cancelOrder()])).toEqual([]);
    expect(run([placeOrder({ paymentTerms: { kind: 'advance' } }), cancelOrder()])).toEqual([]);
  });

  it('opens nothing for a free order', () => {
    expect(
      run([
        placeOrder({ lines: [line({ unitPrice: 0 })] }),
        confirmOrder(),
        recordShipment([{ lineId: 'l1', quantity: 10 }]),
        confirmDelivery(),
      ]),
    ).toEqual([]);
  });

  it('produces commands the receivable decider accepts once, and refuses to repeat (idempotent)', () => {
    const [first] = run([placeOrder(), confirmOrder(), shipAll, confirmDelivery()]);
    if (first === undefined) throw new Error('expected a receivable');
    const opened = receivableDecider.decide(first.command, receivableDecider.initialState());
    expect(isRight(opened)).toBe(true);
    const events = isRight(opened) ? (opened.right as ReceivableEvent[]) : [];
    const state = events.reduce(receivableDecider.evolve, receivableDecider.initialState());
    const again = receivableDecider.decide(first.command, state);
    expect(isLeft(again) && again.left.code).toBe('RECEIVABLE_ALREADY_OPENED');
  });

  it('schedules every kind of terms', () => {
    expect(scheduleFor({ kind: 'advance' }, '2026-01-31', 500)).toEqual([
      { installmentNo: 1, dueDate: '2026-01-31', amount: 500 },
    ]);
    expect(scheduleFor({ kind: 'net', days: 29 }, '2026-01-31', 500)).toEqual([
      { installmentNo: 1, dueDate: '2026-03-01', amount: 500 },
    ]);
  });
});
