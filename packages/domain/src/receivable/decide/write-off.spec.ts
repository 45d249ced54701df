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
const requested = t.eventsOf(t.openReceivable(), t.recordPayment(7_000), t.requestWriteOff());

describe('RequestWriteOff', () => {
  it('records who asked and why', () => {
    given(t.eventsOf(t.openReceivable(), t.recordPayment(7_000)))
      .when(t.requestWriteOff())
      .then([
        {
          type: 'WriteOffRequested',
          data: {
            ...common,
            outstanding: 3_000,
            reason: 'customer insolvent',
            requestedBy: t.finance.id,
            requesterRole: 'finance',
            requestedAt: t.at(26),
          },
        },
      ]);
  });

  it('allows one pending request at a time', () => {
    given(requested).when(t.requestWriteOff(t.eastManager)).then('RECEIVABLE_WRITE_OFF_ALREADY_REQUESTED');
  });

  it('may be asked by the owner rep and managers, not by another rep or an analyst', () => {
    const opened = t.eventsOf(t.openReceivable());
    for (const by of [t.rep, t.eastManager, t.salesManager])
      expect(t.eventsOf(t.openReceivable(), t.requestWriteOff(by))).toHaveLength(2);
    for (const by of [t.otherRep, t.westManager]) given(opened).when(t.requestWriteOff(by)).then('FORBIDDEN_SCOPE');
    for (const by of [t.analyst, t.system]) given(opened).when(t.requestWriteOff(by)).then('RECEIVABLE_NOT_AUTHORIZED');
  });

  it('needs an open receivable', () => {
    given([]).when(t.requestWriteOff()).then('RECEIVABLE_NOT_FOUND');
    given(t.eventsOf(t.openReceivable(), t.recordPayment(10_000)))
      .when(t.requestWriteOff())
      .then('RECEIVABLE_ALREADY_SETTLED');
    given(t.eventsOf(t.openReceivable(), t.requestWriteOff(), t.approveWriteOff()))
      .when(t.requestWriteOff())
      .then('RECEIVABLE_WRITTEN_OFF');
  });
});

describe('ApproveWriteOff', () => {
  it('a manager other than the requester writes off everything outstanding', () => {
    given(requested)
      .when(t.approveWriteOff(t.eastManager, t.on(31)))
      .then([
        {
          type: 'ReceivableWrittenOff',
          data: {
            ...common,
            outstanding: 0,
            amount: 3_000,
            reason: 'customer insolvent',
            requestedBy: t.finance.id,
            approvedBy: t.eastManager.id,
            approverRole: 'regional_manager',
            writtenOffOn: t.on(31),
            allocations: [{ installmentNo: 2, dueDate: t.on(10, 5), amount: 3_000, outstandingAfter: 0 }],
            approvedAt: t.at(27),
          },
        },
      ]);
  });

  it('is never approved by the person who requested it, even a manager', () => {
    const history = t.eventsOf(t.openReceivable(), t.requestWriteOff(t.salesManager));
    const error = given(history).when(t.approveWriteOff(t.salesManager)).thenError('RECEIVABLE_WRITE_OFF_SAME_PERSON');
    expect(error.details).toEqual({ requestedBy: t.salesManager.id, approvedBy: t.salesManager.id });
    given(history)
      .when(t.approveWriteOff(t.eastManager))
      .then(
        t.eventsOf(t.openReceivable(), t.requestWriteOff(t.salesManager), t.approveWriteOff(t.eastManager)).slice(2),
      );
  });

  it('is approved by managers only (a regional manager in their own region)', () => {
    for (const by of [t.finance, t.rep, t.system, t.analyst])
      given(requested).when(t.approveWriteOff(by)).then('RECEIVABLE_NOT_AUTHORIZED');
    given(requested).when(t.approveWriteOff(t.westManager)).then('FORBIDDEN_SCOPE');
  });

  it('needs a pending request', () => {
    given(t.eventsOf(t.openReceivable())).when(t.approveWriteOff()).then('RECEIVABLE_NO_WRITE_OFF_REQUESTED');
  });

  it('takes the date of the command when no write-off date is given', () => {
    const last = t.eventsOf(t.openReceivable(), t.requestWriteOff(), t.approveWriteOff()).at(-1);
    expect(last?.type === 'ReceivableWrittenOff' && [last.data.writtenOffOn, last.data.amount]).toEqual([
      t.on(27),
      10_000,
    ]);
  });

  it('has nothing to approve once settlement cleared the request', () => {
    const history = t.eventsOf(t.openReceivable(), t.requestWriteOff(), t.recordPayment(10_000));
    given(history).when(t.approveWriteOff()).then('RECEIVABLE_ALREADY_SETTLED');
    const reopened = t.eventsOf(t.openReceivable(), t.requestWriteOff(), t.recordPayment(10_000), t.reversePayment());
    given(reopened).when(t.approveWriteOff()).then('RECEIVABLE_NO_WRITE_OFF_REQUESTED');
  });
});
