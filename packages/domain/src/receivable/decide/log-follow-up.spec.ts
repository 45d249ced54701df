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

describe('LogCollectionFollowUp', () => {
  it('logs the channel and the note, without a promise', () => {
    given(opened)
      .when(t.logFollowUp())
      .then([
        {
          type: 'CollectionFollowUpLogged',
          data: {
            ...common,
            outstanding: 10_000,
            channel: 'phone',
            note: 'Spoke to Ms Li in accounts; cash flow tight this month',
            promiseToPay: null,
            loggedOn: t.on(21),
            loggedBy: t.rep.id,
            loggedAt: t.at(21),
          },
        },
      ]);
  });

  it('logs a promise to pay, on or after the day it is made', () => {
    const [logged] = given(opened)
      .when(t.promise(5_000, t.on(21)))
      .then(t.eventsOf(t.openReceivable(), t.promise(5_000, t.on(21))).slice(1));
    expect(logged?.type === 'CollectionFollowUpLogged' && logged.data.promiseToPay).toEqual({
      date: t.on(21),
      amount: 5_000,
    });
    given(opened)
      .when(t.promise(5_000, t.on(20)))
      .then('RECEIVABLE_PROMISE_BEFORE_FOLLOW_UP');
    const explicit = t.logFollowUp({
      loggedOn: t.on(19),
      promiseToPay: { date: t.on(20), amount: { amount: 1, currency: t.CNY } },
    });
    expect(t.eventsOf(t.openReceivable(), explicit).at(-1)?.data.outstanding).toBe(10_000);
  });

  it('refuses a promise of more than is outstanding, of nothing, or in another currency', () => {
    const history = t.eventsOf(t.openReceivable(), t.recordPayment(7_000));
    given(history)
      .when(t.promise(3_001, t.on(30)))
      .then('RECEIVABLE_PROMISE_EXCEEDS_OUTSTANDING');
    given(history)
      .when(t.promise(3_000, t.on(30)))
      .then(t.eventsOf(t.openReceivable(), t.recordPayment(7_000), t.promise(3_000, t.on(30))).slice(2));
    given(history)
      .when(t.promise(0, t.on(30)))
      .then('RECEIVABLE_AMOUNT_NOT_POSITIVE');
    const usd = t.logFollowUp({ promiseToPay: { date: t.on(30), amount: { amount: 1, currency: t.USD } } });
    given(history).when(usd).then('RECEIVABLE_CURRENCY_MISMATCH');
  });

  it('is for open receivables, by finance, the owner rep, managers of the region and the system', () => {
    given([]).when(t.logFollowUp()).then('FORBIDDEN_SCOPE');
    given(t.eventsOf(t.openReceivable(), t.recordPayment(10_000)))
      .when(t.logFollowUp())
      .then('RECEIVABLE_ALREADY_SETTLED');
    for (const by of [t.finance, t.eastManager, t.salesManager, t.system])
      expect(t.eventsOf(t.openReceivable(), t.logFollowUp({}, by))).toHaveLength(2);
    for (const by of [t.otherRep, t.westManager]) given(opened).when(t.logFollowUp({}, by)).then('FORBIDDEN_SCOPE');
    for (const by of [t.analyst, t.auditor])
      given(opened).when(t.logFollowUp({}, by)).then('RECEIVABLE_NOT_AUTHORIZED');
  });
});
