import { fold } from '../shared/decider.js';
import { registeredCustomerDecider as customerDecider } from './testing.js';
import type { CustomerEvent } from './events.js';
import { customerSnapshot } from './snapshot.js';
import { ERASED_CONTACT, evolve, initialState, type Customer } from './state.js';
import * as t from './testing.js';

const customerOf = (events: readonly CustomerEvent[]): Customer => {
  const state = fold(customerDecider, events);
  if (state.status === 'none') throw new Error('expected a customer');
  return state;
};

describe('Customer evolve', () => {
  it('starts with no customer and ignores events before registration', () => {
    expect(initialState()).toEqual({ status: 'none' });
    expect(evolve(initialState(), t.deactivated())).toEqual({ status: 'none' });
  });

  it('registers an active customer whose registration is its first review', () => {
    expect(customerOf([t.customerRegistered()])).toEqual({
      status: 'active',
      customerId: t.CUSTOMER_ID,
      companyName: 'Shanghai Bolt Co.',
      contact: t.contact(),
      personalDataErased: false,
      region: t.EAST,
      segment: 'smb',
      ownerRepId: t.rep.id,
      size: null,
      businessScope: null,
      purchasingHabits: null,
      registeredAt: t.at(1),
      reviewedAt: t.at(1),
      creditLimit: null,
      surveys: {},
      followUps: {},
      deactivatedAt: null,
    });
  });

  it('ignores a second registration', () => {
    const state = customerOf([t.customerRegistered()]);
    expect(evolve(state, t.customerRegistered({ companyName: 'Other' }))).toBe(state);
  });

  it('applies profile reviews, contact changes, reassignments and credit limits', () => {
    const review = t.profileUpdated({ size: 'large', businessScope: 'Bolts', segment: 'enterprise' }, t.rep, 20);
    const state = customerOf([
      t.customerRegistered(),
      review,
      t.contactChanged(),
      t.reassigned(t.otherRep.id, t.WEST),
      t.creditLimitSet(7),
    ]);
    expect(state).toMatchObject({
      size: 'large',
      businessScope: 'Bolts',
      segment: 'enterprise',
      reviewedAt: t.at(20),
      contact: t.newContact(),
      ownerRepId: t.otherRep.id,
      region: t.WEST,
      creditLimit: { amount: 7, currency: t.CNY },
    });
  });

  it('keeps survey answers, and erases contact and comments on forgetting', () => {
    const before = customerOf([t.customerRegistered(), t.surveyRecorded()]);
    expect(before.surveys['s-2026-03']?.comment).toBe('Deliveries were on time this month.');
    const after = customerOf([
      t.customerRegistered(),
      t.surveyRecorded(),
      t.personalDataForgotten(),
      t.surveyRecorded({ surveyId: t.surveyId('s2') }),
    ]);
    expect(after.contact).toEqual(ERASED_CONTACT);
    expect(after.personalDataErased).toBe(true);
    expect(Object.values(after.surveys).map((answer) => answer.comment)).toEqual([null, null]);
    expect(after.surveys['s-2026-03']?.nps).toBe(9);
  });

  it('deactivates', () => {
    expect(customerOf([t.customerRegistered(), t.deactivated()])).toMatchObject({
      status: 'deactivated',
      deactivatedAt: t.at(15),
    });
  });
});

describe('customerSnapshot', () => {
  it('is null before registration', () => {
    expect(customerSnapshot(initialState())).toBeNull();
  });
  it('gives the order handler status, region, owner, segment and credit limit, without personal data', () => {
    expect(customerSnapshot(customerOf([t.customerRegistered(), t.creditLimitSet(), t.deactivated()]))).toEqual({
      status: 'deactivated',
      region: t.EAST,
      ownerRepId: t.rep.id,
      segment: 'smb',
      creditLimit: { amount: 5_000_000, currency: t.CNY },
    });
    expect(customerSnapshot(customerOf([t.customerRegistered()]))?.creditLimit).toBeNull();
  });
});
