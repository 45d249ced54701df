import { deciderSpec } from '../../testing/decider-spec.js';
import { registeredReceivableDecider as receivableDecider } from '../testing.js';
import * as t from '../testing.js';

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

describe('IssueCreditNote', () => {
  it('reduces the oldest open installments first', () => {
    given(opened)
      .when(t.issueCreditNote(6_500, { creditedOn: t.on(21) }))
      .then([
        {
          type: 'CreditNoteIssued',
          data: {
            ...common,
            outstanding: 3_500,
            creditNoteId: t.creditNoteId('cn-1'),
            amount: 6_500,
            reason: 'two boxes damaged in transit',
            creditedOn: t.on(21),
            allocations: [
              { installmentNo: 1, dueDate: t.on(10, 4), amount: 6_000, outstandingAfter: 0 },
              { installmentNo: 2, dueDate: t.on(10, 5), amount: 500, outstandingAfter: 3_500 },
            ],
            issuedBy: t.finance.id,
            issuedAt: t.at(22),
          },
        },
      ]);
  });

  it('never exceeds the outstanding amount, saying how much it is', () => {
    const history = t.eventsOf(t.openReceivable(), t.recordPayment(7_000));
    const error = given(history).when(t.issueCreditNote(3_001)).thenError('RECEIVABLE_CREDIT_EXCEEDS_OUTSTANDING');
    expect(error.details).toEqual({ outstanding: 3_000, attempted: 3_001, currency: t.CNY });
  });

  it('settles the receivable when it covers the rest, dated by the credit note', () => {
    const events = t.eventsOf(t.openReceivable(), t.recordPayment(7_000), t.issueCreditNote(3_000));
    expect(events.at(-1)).toEqual({
      type: 'ReceivableSettled',
      data: {
        ...common,
        outstanding: 0,
        amount: 10_000,
        paid: 7_000,
        credited: 3_000,
        dueDate: t.on(10, 5),
        settledOn: t.on(22),
      },
    });
  });

  it('treats a repeated credit note id as a no-op, and refuses it with another amount', () => {
    const history = t.eventsOf(t.openReceivable(), t.issueCreditNote(1_000));
    given(history).when(t.issueCreditNote(1_000)).then([]);
    given(history).when(t.issueCreditNote(1_001)).then('RECEIVABLE_CREDIT_NOTE_ID_REUSED');
    given(history)
      .when(t.issueCreditNote(1_000, { amount: { amount: 1_000, currency: t.USD } }))
      .then('RECEIVABLE_CREDIT_NOTE_ID_REUSED');
  });

  it('refuses credit notes on a settled or written-off receivable, in another currency, of zero, or by a rep', () => {
    given(t.eventsOf(t.openReceivable(), t.recordPayment(10_000)))
      .when(t.issueCreditNote(1))
      .then('RECEIVABLE_ALREADY_SETTLED');
    given(t.eventsOf(t.openReceivable(), t.requestWriteOff(), t.approveWriteOff()))
      .when(t.issueCreditNote(1))
      .then('RECEIVABLE_WRITTEN_OFF');
    given(opened)
      .when(t.issueCreditNote(1, { amount: { amount: 1, currency: t.USD } }))
      .then('RECEIVABLE_CURRENCY_MISMATCH');
    given(opened).when(t.issueCreditNote(0)).then('RECEIVABLE_AMOUNT_NOT_POSITIVE');
    given(opened)
      .when(t.issueCreditNote(1, {}, t.rep))
      .then('RECEIVABLE_NOT_AUTHORIZED');
    given([]).when(t.issueCreditNote(1)).then('RECEIVABLE_NOT_FOUND');
  });
});
