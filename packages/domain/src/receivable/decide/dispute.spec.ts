import { deciderSpec } from '../../testing/decider-spec.js';
import { registeredReceivableDecider as receivableDecider } from '../testing.js';
import * as t from '../testing.js';

const given = deciderSpec(receivableDecider);
const opened = t.eventsOf(t.openReceivable());
const disputed = t.eventsOf(t.openReceivable(), t.disputeReceivable());
const common = {
  receivableId: t.RECEIVABLE_ID,
  orderId: t.ORDER_ID,
  customerId: t.CUSTOMER_ID,
  repId: t.rep.id,
  region: t.EAST,
  currency: t.CNY,
  outstanding: 10_000,
};

describe('DisputeReceivable and ResolveDispute', () => {
  it('records the dispute and its resolution with when it began', () => {
    given(opened)
      .when(t.disputeReceivable())
      .then([
        {
          type: 'ReceivableDisputed',
          data: {
            ...common,
            reason: 'customer says 2 boxes arrived damaged',
            disputedBy: t.rep.id,
            disputedAt: t.at(23),
          },
        },
      ]);
    given(disputed)
      .when(t.resolveDispute(t.finance))
      .then([
        {
          type: 'ReceivableDisputeResolved',
          data: {
            ...common,
            resolution: 'credit note for the damaged boxes',
            disputedAt: t.at(23),
            resolvedBy: t.finance.id,
            resolvedAt: t.at(24),
          },
        },
      ]);
  });

  it('holds one dispute at a time and resolves only an open one', () => {
    given(disputed).when(t.disputeReceivable()).then('RECEIVABLE_ALREADY_DISPUTED');
    given(opened).when(t.resolveDispute()).then('RECEIVABLE_NOT_DISPUTED');
    given(t.eventsOf(t.openReceivable(), t.disputeReceivable(), t.resolveDispute()))
      .when(t.resolveDispute())
      .then('RECEIVABLE_NOT_DISPUTED');
    expect(
      t.eventsOf(t.openReceivable(), t.disputeReceivable(), t.resolveDispute(), t.disputeReceivable()),
    ).toHaveLength(4);
  });

  it('resolves a dispute that a credit note settled, but disputes no settled receivable', () => {
    const settled = t.eventsOf(t.openReceivable(), t.disputeReceivable(), t.issueCreditNote(10_000));
    expect(
      t.eventsOf(t.openReceivable(), t.disputeReceivable(), t.issueCreditNote(10_000), t.resolveDispute()).at(-1)?.type,
    ).toBe('ReceivableDisputeResolved');
    given(settled).when(t.disputeReceivable()).then('RECEIVABLE_ALREADY_SETTLED');
    given([]).when(t.resolveDispute()).then('FORBIDDEN_SCOPE');
  });

  it('lets only people who may chase the receivable dispute or resolve it', () => {
    given(opened).when(t.disputeReceivable(t.otherRep)).then('FORBIDDEN_SCOPE');
    given(disputed).when(t.resolveDispute(t.analyst)).then('RECEIVABLE_NOT_AUTHORIZED');
  });
});
