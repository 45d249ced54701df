import { deciderSpec } from '../../testing/decider-spec.js';
import { registeredReceivableDecider as receivableDecider } from '../testing.js';
import * as t from '../testing.js';

const given = deciderSpec(receivableDecider);
const common = {
  receivableId: t.RECEIVABLE_ID,
  orderId: t.ORDER_ID,
  customerId: t.CUSTOMER_ID,
  repId: t.rep.id,
  region: t.EAST,
  currency: t.CNY,
};

describe('ReversePayment', () => {
  it('re-opens what the bounced payment had settled, on the same installments', () => {
    const history = t.eventsOf(t.openReceivable(), t.recordPayment(7_000), t.issueCreditNote(1_000));
    given(history)
      .when(t.reversePayment('p1', { reversedOn: t.on(25) }))
      .then([
        {
          type: 'PaymentReversed',
          data: {
            ...common,
            outstanding: 9_000,
            paymentId: t.paymentId('p1'),
            amount: 7_000,
            reason: 'bounced',
            receivedOn: t.on(20),
            reversedOn: t.on(25),
            allocations: [
              { installmentNo: 1, dueDate: t.on(10, 4), amount: 6_000, outstandingAfter: 6_000 },
              { installmentNo: 2, dueDate: t.on(10, 5), amount: 1_000, outstandingAfter: 3_000 },
            ],
            reopened: false,
            recordedAt: t.at(25),
          },
        },
      ]);
  });

  it('re-opens a settled receivable', () => {
    const history = t.eventsOf(t.openReceivable(), t.recordPayment(10_000));
    const [reversed] = given(history)
      .when(t.reversePayment())
      .then(t.eventsOf(t.openReceivable(), t.recordPayment(10_000), t.reversePayment()).slice(3));
    expect(reversed?.type === 'PaymentReversed' && reversed.data.allocations.map((a) => a.outstandingAfter)).toEqual([
      6_000, 4_000,
    ]);
    expect(reversed?.type === 'PaymentReversed' && [reversed.data.reopened, reversed.data.outstanding]).toEqual([
      true,
      10_000,
    ]);
    const state = t.stateAfter(t.openReceivable(), t.recordPayment(10_000), t.reversePayment());
    expect(state.status === 'open' && state.outstanding).toBe(10_000);
    const repaid = t.eventsOf(
      t.openReceivable(),
      t.recordPayment(10_000),
      t.reversePayment(),
      t.recordPayment(10_000, { paymentId: t.paymentId('p2') }),
    );
    expect(repaid.slice(3).map((e) => e.type)).toEqual(['PaymentReversed', 'PaymentReceived', 'ReceivableSettled']);
  });

  it('re-opens a written-off receivable for the amount that bounced', () => {
    const commands = [
      t.openReceivable(),
      t.recordPayment(4_000),
      t.requestWriteOff(),
      t.approveWriteOff(),
      t.reversePayment(),
    ] as const;
    const events = t.eventsOf(...commands);
    const last = events.at(-1);
    expect(last?.type === 'PaymentReversed' && [last.data.reopened, last.data.outstanding]).toEqual([true, 4_000]);
    const state = t.stateAfter(...commands);
    expect(state.status === 'open' && [state.outstanding, state.writtenOff]).toEqual([4_000, 6_000]);
  });

  it('is a no-op for a payment already reversed', () => {
    given(t.eventsOf(t.openReceivable(), t.recordPayment(7_000), t.reversePayment()))
      .when(t.reversePayment())
      .then([]);
  });

  it('takes the date of the command when no reversal date is given', () => {
    const last = t.eventsOf(t.openReceivable(), t.recordPayment(7_000), t.reversePayment()).at(-1);
    expect(last?.type === 'PaymentReversed' && last.data.reversedOn).toBe(t.on(25));
  });

  it('refuses a reversal dated before the payment was received', () => {
    const history = t.eventsOf(t.openReceivable(), t.recordPayment(7_000));
    given(history)
      .when(t.reversePayment('p1', { reversedOn: t.on(19) }))
      .then('RECEIVABLE_REVERSAL_BEFORE_PAYMENT');
    given(history)
      .when(t.reversePayment('p1', { reversedOn: t.on(20) }))
      .then(
        t
          .eventsOf(t.openReceivable(), t.recordPayment(7_000), t.reversePayment('p1', { reversedOn: t.on(20) }))
          .slice(2),
      );
  });

  it('refuses an unknown payment, a missing receivable and people outside finance', () => {
    const history = t.eventsOf(t.openReceivable(), t.recordPayment(7_000));
    given(history).when(t.reversePayment('p9')).then('RECEIVABLE_PAYMENT_NOT_FOUND');
    given([]).when(t.reversePayment()).then('RECEIVABLE_NOT_FOUND');
    given(history)
      .when(t.reversePayment('p1', {}, t.rep))
      .then('RECEIVABLE_NOT_AUTHORIZED');
  });
});
