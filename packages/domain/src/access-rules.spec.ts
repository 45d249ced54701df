import { orderDecider } from './order/decide.js';
import * as o from './order/testing.js';
import { receivableDecider } from './receivable/decide.js';
import * as r from './receivable/testing.js';
import { targetDecider } from './target/decide.js';
import * as t from './target/testing.js';
import type { AccessFacts, Standing } from './shared/access.js';
import type { Actor } from './shared/actors.js';
import { RegionId } from './shared/ids.js';
import { deciderSpec } from './testing/decider-spec.js';
import { registeredAccess } from './testing/access.js';

// The access rules in the deciders themselves: what the API, the import and any embedder get alike.
const orders = deciderSpec(orderDecider);
const receivables = deciderSpec(receivableDecider);
const targets = deciderSpec(targetDecider);
const rep = (region: string): Standing => ({ active: true, role: 'sales_rep', region: RegionId.parse(region) });
const withAccess = <C extends object>(command: C, access: AccessFacts) => ({ ...command, access });
const colleaguesCustomer = o.customer({ ownerRep: o.otherRep.id, creditLimit: { amount: 1, currency: o.CNY } });
const westCustomer = o.customer({
  ownerRep: 'rep-west-01' as Actor['id'],
  homeRegion: o.WEST,
  creditLimit: { amount: 1, currency: o.CNY },
});

describe('abuse 1: a rep places and confirms orders only for customers they own, in their region', () => {
  it("refuses a colleague's customer and another region's customer alike, before the credit check", () => {
    for (const customer of [colleaguesCustomer, westCustomer, null]) {
      const error = orders([])
        .when(withAccess(o.placeOrder({}, o.rep, customer), registeredAccess(o.rep, o.EAST)))
        .thenError('FORBIDDEN_SCOPE');
      expect(error).toEqual({
        code: 'FORBIDDEN_SCOPE',
        message: 'this record is outside your scope, or does not exist',
      });
    }
    orders([])
      .when(withAccess(o.placeOrder({ region: o.WEST }, o.rep, westCustomer), registeredAccess(o.rep, o.WEST)))
      .then('FORBIDDEN_SCOPE');
  });

  it("refuses to confirm another rep's order without saying its status or the customer's credit", () => {
    const theirs = [o.orderPlaced(undefined, { repId: o.otherRep.id })];
    orders(theirs)
      .when(withAccess(o.confirmOrder(colleaguesCustomer), registeredAccess(o.rep)))
      .then('FORBIDDEN_SCOPE');
    orders([])
      .when(withAccess(o.confirmOrder(colleaguesCustomer), registeredAccess(o.rep)))
      .then('FORBIDDEN_SCOPE');
  });

  it('credits an order only to an active rep of its region', () => {
    const byManager = o.placeOrder({ repId: o.otherRep.id }, o.salesManager, o.customer({ ownerRep: o.otherRep.id }));
    orders([])
      .when(withAccess(byManager, { actor: registeredAccess(o.salesManager).actor, rep: rep('west') }))
      .then('REP_NOT_REGISTERED');
    orders([])
      .when(
        withAccess(byManager, {
          actor: registeredAccess(o.salesManager).actor,
          rep: { ...rep('east'), active: false },
        }),
      )
      .then('REP_NOT_REGISTERED');
    orders([])
      .when(withAccess(byManager, { actor: registeredAccess(o.salesManager).actor, rep: null }))
      .then('REP_NOT_REGISTERED');
  });
});

describe('the token must agree with the register at the business date', () => {
  it('refuses an unregistered person, a leaver, and a region the register does not give', () => {
    const command = o.placeOrder();
    orders([])
      .when(withAccess(command, { actor: null, rep: rep('east') }))
      .then('ACTOR_NOT_REGISTERED');
    orders([])
      .when(withAccess(command, { actor: { ...rep('east'), active: false }, rep: rep('east') }))
      .then('ACTOR_NOT_REGISTERED');
    orders([])
      .when(withAccess(command, { actor: rep('west'), rep: rep('east') }))
      .then('ACTOR_NOT_REGISTERED');
    orders([])
      .when(
        withAccess(command, { actor: { active: true, role: 'regional_manager', region: o.EAST }, rep: rep('east') }),
      )
      .then('ACTOR_NOT_REGISTERED');
  });

  it('takes finance, auditors and the system at their token: they are not on the sales team', () => {
    receivables([])
      .when(withAccess(r.openReceivable(), { actor: null }))
      .then(r.eventsOf(r.openReceivable()));
  });
});

describe('abuse 2: a regional manager sets targets only in their region, for reps the register puts there', () => {
  const rmEast = registeredAccess(t.eastManager);
  it("refuses a west rep's target claimed as east, and says nothing of a west target that exists", () => {
    targets([])
      .when(withAccess(t.setTarget({ scopeId: 'rep-west-01', region: t.EAST }), { ...rmEast, rep: rep('west') }))
      .then('REP_NOT_REGISTERED');
    const westTarget = [{ ...t.targetSet(), data: { ...t.targetSet().data, scopeId: 'rep-west-01', region: t.WEST } }];
    const refused = targets(westTarget)
      .when(
        withAccess(t.setTarget({ scopeId: 'rep-west-01', region: t.EAST, amount: 1 }), { ...rmEast, rep: rep('west') }),
      )
      .thenError('FORBIDDEN_SCOPE');
    expect(refused.details).toBeUndefined();
  });
});

describe('abuse 7: scope comes before any state check', () => {
  it('gives another rep the same refusal for a shipped, a cancelled and a missing order', () => {
    const other = registeredAccess(o.otherRep);
    for (const history of [
      [],
      [o.orderPlaced(), o.orderConfirmed()],
      [
        o.orderPlaced(),
        { type: 'OrderCancelled' as const, data: { ...o.orderPlaced().data, reason: 'x', cancelledAt: o.at(3) } },
      ],
    ]) {
      orders(history as never)
        .when(withAccess(o.cancelOrder(o.otherRep), other))
        .then('FORBIDDEN_SCOPE');
    }
  });

  it('gives another rep the same refusal for a settled and a missing receivable', () => {
    const settled = r.eventsOf(r.openReceivable(), r.recordPayment(10_000));
    receivables(settled)
      .when(withAccess(r.logFollowUp({}, r.otherRep), registeredAccess(r.otherRep)))
      .then('FORBIDDEN_SCOPE');
    receivables([])
      .when(withAccess(r.logFollowUp({}, r.otherRep), registeredAccess(r.otherRep)))
      .then('FORBIDDEN_SCOPE');
    receivables(settled)
      .when(withAccess(r.logFollowUp({}, r.rep), registeredAccess(r.rep)))
      .then('RECEIVABLE_ALREADY_SETTLED');
  });
});
