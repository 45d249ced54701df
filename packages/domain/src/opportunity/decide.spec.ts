import { deciderSpec } from '../testing/decider-spec.js';
import { ReviseOpportunity } from './commands.js';
import { evolve, initialState } from './state.js';
import * as t from './testing.js';

const given = deciderSpec(t.registeredOpportunityDecider);

describe('OpenOpportunity', () => {
  it('opens at qualified with its default probability, or at the stage and probability given; the same again is a no-op', () => {
    given([]).when(t.open()).then([t.opened()]);
    given([])
      .when(t.open({ stage: 'proposal' }))
      .then([t.opened({ stage: 'proposal', probabilityBp: 5_000 })]);
    given([])
      .when(t.open({ probabilityBp: 3_500 }))
      .then([t.opened({ probabilityBp: 3_500, overridden: true })]);
    given([t.opened()]).when(t.open()).then([]);
    given([t.opened()])
      .when(t.open({ title: 'Another deal' }))
      .then('OPPORTUNITY_ALREADY_OPENED');
  });
  it('needs an active customer and a close month not yet over', () => {
    given([])
      .when(t.open({}, t.salesManager, null))
      .then('OPPORTUNITY_CUSTOMER_NOT_FOUND');
    given([])
      .when(t.open({}, t.rep, t.customer({ active: false })))
      .then('OPPORTUNITY_CUSTOMER_INACTIVE');
    given([])
      .when(t.open({ expectedCloseMonth: '2026-02' }))
      .then('OPPORTUNITY_CLOSE_MONTH_PAST');
  });
  it('is scoped as an order: a rep their own customers, a regional manager their region; analysts never', () => {
    given([]).when(t.open({}, t.otherRep)).then('FORBIDDEN_SCOPE');
    given([]).when(t.open({}, t.westManager)).then('FORBIDDEN_SCOPE');
    given([])
      .when(t.open({}, t.rep, null))
      .then('FORBIDDEN_SCOPE');
    given([])
      .when(t.open({}, t.eastManager))
      .then([t.opened({}, t.eastManager)]);
    given([])
      .when(t.open({ region: 'west' as typeof t.EAST }, t.eastManager))
      .then('FORBIDDEN_SCOPE');
    given([]).when(t.open({}, t.analyst)).then('OPPORTUNITY_NOT_AUTHORIZED');
  });
  it('credits an active rep of its region', () => {
    const command = {
      ...t.open({}, t.salesManager),
      access: { actor: { active: true, role: 'sales_manager' as const }, rep: null },
    };
    given([]).when(command).then('REP_NOT_REGISTERED');
  });
});

describe('ReviseOpportunity', () => {
  const revised = (data: Record<string, unknown>) => ({
    type: 'OpportunityRevised' as const,
    data: {
      opportunityId: t.OPP,
      amount: 50_000_000,
      expectedCloseMonth: '2026-04',
      probabilityBp: 2_000,
      overridden: false,
      revisedBy: t.REP,
      revisedAt: t.at(5),
      ...data,
    },
  });
  it('changes amount, close month or probability; null returns to the stage default; no change is a no-op', () => {
    given([t.opened()])
      .when(t.revise({ amount: 60_000_000 }))
      .then([revised({ amount: 60_000_000 })]);
    given([t.opened()])
      .when(t.revise({ expectedCloseMonth: '2026-05', probabilityBp: 4_000 }))
      .then([revised({ expectedCloseMonth: '2026-05', probabilityBp: 4_000, overridden: true })]);
    given([t.opened({ probabilityBp: 4_000, overridden: true })])
      .when(t.revise({ probabilityBp: null }))
      .then([revised({})]);
    given([t.opened()])
      .when(t.revise({ amount: 50_000_000 }))
      .then([]);
  });
  it('refuses a close month that is over, an unknown opportunity and a closed one', () => {
    given([t.opened()])
      .when(t.revise({ expectedCloseMonth: '2026-01' }))
      .then('OPPORTUNITY_CLOSE_MONTH_PAST');
    given([])
      .when(t.revise({ amount: 1 }, t.salesManager))
      .then('OPPORTUNITY_NOT_FOUND');
    given([t.opened(), t.lost()])
      .when(t.revise({ amount: 1 }))
      .then('OPPORTUNITY_CLOSED');
    expect(ReviseOpportunity.safeParse({ opportunityId: 'opp-1' }).success).toBe(false);
  });
  it("is the opportunity's rep's or their manager's, whether or not it exists", () => {
    given([t.opened()])
      .when(t.revise({ amount: 1 }, t.otherRep))
      .then('FORBIDDEN_SCOPE');
    given([])
      .when(t.revise({ amount: 1 }, t.rep))
      .then('FORBIDDEN_SCOPE');
  });
});

describe('MoveOpportunityStage', () => {
  it('moves forward or back with the stage default or an override; the same stage and probability is a no-op', () => {
    given([t.opened()])
      .when(t.move('proposal'))
      .then([t.moved('qualified', 'proposal', 5_000)]);
    given([t.opened()])
      .when(t.move('negotiation', 9_000))
      .then([t.moved('qualified', 'negotiation', 9_000, true)]);
    given([t.opened(), t.moved('qualified', 'negotiation', 7_500)])
      .when(t.move('proposal'))
      .then([t.moved('negotiation', 'proposal', 5_000)]);
    given([t.opened()]).when(t.move('qualified')).then([]);
    given([t.opened()])
      .when(t.move('qualified', 2_500))
      .then([t.moved('qualified', 'qualified', 2_500, true)]);
  });
});

describe('LoseOpportunity', () => {
  it('loses an open opportunity with its reason, once', () => {
    given([t.opened()]).when(t.lose()).then([t.lost()]);
    given([t.opened(), t.lost()]).when(t.lose()).then('OPPORTUNITY_CLOSED');
  });
});

describe('SendQuotation', () => {
  it("sends lines priced as an order's with their total; the same quotation again is a no-op, other terms refused", () => {
    given([t.opened()]).when(t.send()).then([t.sent()]);
    given([t.opened(), t.sent()]).when(t.send()).then([]);
    given([t.opened(), t.sent()])
      .when(t.send({ validUntil: '2026-04-15' }))
      .then('QUOTATION_ALREADY_SENT');
  });
  it('refuses a validity already past, a line no list prices without a price, and a closed opportunity', () => {
    given([t.opened()])
      .when(t.send({ validUntil: '2026-03-09' }))
      .then('QUOTATION_VALIDITY_PAST');
    const [first] = t.quotationData().lines;
    if (first === undefined) throw new Error('no line');
    const { unitPrice: _price, ...unpriced } = first;
    given([t.opened()])
      .when(t.send({ lines: [unpriced] }))
      .then('ORDER_NO_LIST_PRICE');
    given([t.opened(), t.lost()]).when(t.send()).then('OPPORTUNITY_CLOSED');
    given([]).when(t.send({}, t.salesManager)).then('OPPORTUNITY_NOT_FOUND');
  });
});

describe('AcceptQuotation', () => {
  it('accepts a quotation still valid with the order placed from it and wins the opportunity for its total; again is a no-op', () => {
    given([t.opened(), t.sent()]).when(t.accept()).then(t.accepted());
    given([t.opened(), t.sent(), ...t.accepted()])
      .when(t.accept())
      .then([]);
  });
  it('refuses an expired quotation, an unknown one or opportunity, and a lost opportunity', () => {
    given([t.opened(), t.sent()]).when(t.accept('2026-04-01')).then('QUOTATION_EXPIRED');
    given([t.opened()]).when(t.accept()).then('QUOTATION_NOT_FOUND');
    given([]).when(t.accept('2026-03-15', t.salesManager)).then('OPPORTUNITY_NOT_FOUND');
    given([t.opened(), t.sent(), t.lost()]).when(t.accept()).then('OPPORTUNITY_CLOSED');
  });
});

describe('the opportunity state', () => {
  it('ignores events before the opening, a second opening and an acceptance of an unknown quotation', () => {
    expect(evolve(initialState(), t.lost())).toEqual({ status: 'none' });
    const once = evolve(initialState(), t.opened());
    expect(evolve(once, t.opened({ title: 'x' }))).toBe(once);
    const [acceptedEvent] = t.accepted();
    if (acceptedEvent === undefined) throw new Error('no event');
    expect(evolve(once, acceptedEvent)).toBe(once);
  });
});
