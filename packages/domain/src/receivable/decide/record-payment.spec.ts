import { deciderSpec } from '../../testing/decider-spec.js';
import { registeredReceivableDecider as receivableDecider } from '../testing.js';
import * as t from '../testing.js';
import { RecordPayment } from '../commands.js';

const given = deciderSpec(receivableDecider);
const opened = t.eventsOf(t.openReceivable());
const common = {
  receivableId: t.RECEIVABLE_ID,
  orderId: t.ORDER_ID,
  customerId: t.CUSTOMER_ID,
  repId: t.rep.id,
  region: t.EAST,
  currency: t.CNY,
};

describe('RecordPayment', () => {
  it('settles the oldest open installment first and records the allocation', () => {
    given(opened)
      .when(t.recordPayment(7_000))
      .then([
        {
          type: 'PaymentReceived',
          data: {
            ...common,
            outstanding: 3_000,
            paymentId: t.paymentId('p1'),
            amount: 7_000,
            method: 'bank_transfer',
            receivedOn: t.on(20),
            installmentNo: null,
            allocations: [
              { installmentNo: 1, dueDate: t.on(10, 4), amount: 6_000, outstandingAfter: 0 },
              { installmentNo: 2, dueDate: t.on(10, 5), amount: 1_000, outstandingAfter: 3_000 },
            ],
            recordedAt: t.at(20),
          },
        },
      ]);
  });

  it('takes "oldest" from the due dates, not the installment numbers', () => {
    const reversed = [
      { installmentNo: 1, dueDate: t.on(10, 5), amount: 6_000 },
      { installmentNo: 2, dueDate: t.on(10, 4), amount: 4_000 },
    ];
    const [received] = t.eventsOf(t.openReceivable({ installments: reversed }), t.recordPayment(5_000)).slice(1);
    expect(
      received?.type === 'PaymentReceived' && received.data.allocations.map((a) => [a.installmentNo, a.amount]),
    ).toEqual([
      [2, 4_000],
      [1, 1_000],
    ]);
  });

  it('breaks ties of due date by installment number', () => {
    const sameDay = [
      { installmentNo: 2, dueDate: t.on(10, 4), amount: 5_000 },
      { installmentNo: 1, dueDate: t.on(10, 4), amount: 5_000 },
    ];
    const [received] = t.eventsOf(t.openReceivable({ installments: sameDay }), t.recordPayment(100)).slice(1);
    expect(received?.type === 'PaymentReceived' && received.data.allocations[0]?.installmentNo).toBe(1);
  });

  it('settles the installment it aims at first, then the oldest open ones', () => {
    const [received] = t.eventsOf(t.openReceivable(), t.recordPayment(5_000, { installmentNo: 2 })).slice(1);
    expect(received?.type === 'PaymentReceived' && received.data.allocations).toEqual([
      { installmentNo: 2, dueDate: t.on(10, 5), amount: 4_000, outstandingAfter: 0 },
      { installmentNo: 1, dueDate: t.on(10, 4), amount: 1_000, outstandingAfter: 5_000 },
    ]);
    expect(received?.type === 'PaymentReceived' && received.data.installmentNo).toBe(2);
  });

  it('refuses a payment aimed at an installment that does not exist', () => {
    given(opened)
      .when(t.recordPayment(100, { installmentNo: 3 }))
      .then('RECEIVABLE_INSTALLMENT_NOT_FOUND');
  });

  it('refuses an overpayment, saying how much is outstanding', () => {
    const history = t.eventsOf(t.openReceivable(), t.recordPayment(7_000));
    const error = given(history)
      .when(t.recordPayment(3_001, { paymentId: t.paymentId('p2') }))
      .thenError('RECEIVABLE_OVERPAYMENT');
    expect(error.details).toEqual({ outstanding: 3_000, attempted: 3_001, currency: t.CNY });
  });

  it('settles the receivable in the same decision when outstanding reaches zero', () => {
    const history = t.eventsOf(t.openReceivable(), t.recordPayment(7_000));
    given(history)
      .when(t.recordPayment(3_000, { paymentId: t.paymentId('p2'), receivedOn: t.on(28) }))
      .then([
        {
          type: 'PaymentReceived',
          data: {
            ...common,
            outstanding: 0,
            paymentId: t.paymentId('p2'),
            amount: 3_000,
            method: 'bank_transfer',
            receivedOn: t.on(28),
            installmentNo: null,
            allocations: [{ installmentNo: 2, dueDate: t.on(10, 5), amount: 3_000, outstandingAfter: 0 }],
            recordedAt: t.at(28),
          },
        },
        {
          type: 'ReceivableSettled',
          data: {
            ...common,
            outstanding: 0,
            amount: 10_000,
            paid: 10_000,
            credited: 0,
            dueDate: t.on(10, 5),
            settledOn: t.on(28),
          },
        },
      ]);
  });

  it('does not settle while anything is outstanding', () => {
    const events = t.eventsOf(t.openReceivable(), t.recordPayment(9_999));
    expect(events.map((e) => e.type)).toEqual(['ReceivableOpened', 'PaymentReceived']);
  });

  it('refuses a payment of zero or less and a payment in another currency', () => {
    given(opened).when(t.recordPayment(0)).then('RECEIVABLE_AMOUNT_NOT_POSITIVE');
    given(opened).when(t.recordPayment(-5)).then('RECEIVABLE_AMOUNT_NOT_POSITIVE');
    const usd = t.recordPayment(100, { amount: { amount: 100, currency: t.USD } });
    expect(given(opened).when(usd).thenError('RECEIVABLE_CURRENCY_MISMATCH').details).toEqual({
      currency: t.USD,
      receivableCurrency: t.CNY,
    });
  });

  it('treats a repeated payment id with the same content as a no-op, even after settlement', () => {
    given(t.eventsOf(t.openReceivable(), t.recordPayment(7_000)))
      .when(t.recordPayment(7_000))
      .then([]);
    given(t.eventsOf(t.openReceivable(), t.recordPayment(10_000)))
      .when(t.recordPayment(10_000))
      .then([]);
    given(t.eventsOf(t.openReceivable(), t.recordPayment(500, { installmentNo: 2 })))
      .when(t.recordPayment(500, { installmentNo: 2 }))
      .then([]);
  });

  it.each([
    ['amount', t.recordPayment(7_001)],
    ['currency', t.recordPayment(7_000, { amount: { amount: 7_000, currency: t.USD } })],
    ['date', t.recordPayment(7_000, { receivedOn: t.on(21) })],
    ['method', t.recordPayment(7_000, { method: 'cash' })],
    ['aimed installment', t.recordPayment(7_000, { installmentNo: 1 })],
  ])('refuses a payment id reused with another %s', (_label, command) => {
    given(t.eventsOf(t.openReceivable(), t.recordPayment(7_000)))
      .when(command)
      .then('RECEIVABLE_PAYMENT_ID_REUSED');
  });

  it('takes no payment after settlement or write-off', () => {
    const settled = t.eventsOf(t.openReceivable(), t.issueCreditNote(10_000));
    given(settled).when(t.recordPayment(1)).then('RECEIVABLE_ALREADY_SETTLED');
    const writtenOff = t.eventsOf(t.openReceivable(), t.requestWriteOff(), t.approveWriteOff());
    given(writtenOff).when(t.recordPayment(1)).then('RECEIVABLE_WRITTEN_OFF');
  });

  it('needs a receivable', () => {
    given([]).when(t.recordPayment(1)).then('RECEIVABLE_NOT_FOUND');
  });

  it('is for finance and the system only', () => {
    expect(t.eventsOf(t.openReceivable(), t.recordPayment(1, {}, t.system))).toHaveLength(2);
    for (const by of [t.rep, t.eastManager, t.salesManager, t.analyst, t.auditor]) {
      given(opened)
        .when(t.recordPayment(1, {}, by))
        .then('RECEIVABLE_NOT_AUTHORIZED');
    }
  });
});

describe('RecordPayment dates (abuse 6)', () => {
  it('refuses a payment received before the invoice, or in the future beyond a day', () => {
    given(opened)
      .when(t.recordPayment(100, { receivedOn: '0001-01-01' }))
      .then('RECEIVABLE_PAYMENT_BEFORE_ISSUE');
    given(opened)
      .when({
        ...t.recordPayment(100, { receivedOn: '2999-01-01' }),
        metadata: { actor: t.finance, occurredAt: t.at(20) },
      })
      .then('RECEIVABLE_DATE_IN_FUTURE');
    given(opened)
      .when({ ...t.recordPayment(100, { receivedOn: t.on(22) }), metadata: { actor: t.finance, occurredAt: t.at(20) } })
      .then('RECEIVABLE_DATE_IN_FUTURE');
  });
  it('refuses years the reports do not accept in the command', () => {
    const data = {
      receivableId: 'inv-1',
      paymentId: 'p1',
      amount: { amount: 1, currency: 'CNY' },
      method: 'bank_transfer',
    };
    expect(RecordPayment.safeParse({ ...data, receivedOn: '0001-01-01' }).success).toBe(false);
    expect(RecordPayment.safeParse({ ...data, receivedOn: '2026-03-20' }).success).toBe(true);
  });
});
