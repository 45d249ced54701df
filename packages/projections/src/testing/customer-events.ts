import type { TestEvent } from './stored-events.js';

/** Who a test customer belongs to. */
export interface TestCustomer {
  readonly customerId: string;
  readonly region: string;
  readonly ownerRepId: string;
  readonly segment: string;
}

const contact = { name: 'Wang Fang', phone: '+86 21 5555-0100', email: 'wang.fang@example.com' };

/** CustomerRegistered (v2) at `at`. */
export const registered = (c: TestCustomer, at: string, companyName = `Company ${c.customerId}`): TestEvent => ({
  type: 'CustomerRegistered',
  at,
  data: { ...c, companyName, contact, size: null, businessScope: null, purchasingHabits: null, registeredAt: at },
});

/** CustomerProfileUpdated: a review at `at` (moving the customer to `segment`). */
export const profileReviewed = (c: TestCustomer, at: string, segment = c.segment): TestEvent => ({
  type: 'CustomerProfileUpdated',
  at,
  data: {
    customerId: c.customerId,
    size: 'medium',
    businessScope: 'fasteners',
    purchasingHabits: null,
    segment,
    changedFields: segment === c.segment ? [] : ['segment'],
    reviewedBy: c.ownerRepId,
    reviewedAt: at,
  },
});

/** CustomerReassigned to another rep and region. */
export const reassigned = (c: TestCustomer, toRepId: string, toRegion: string, at: string): TestEvent => ({
  type: 'CustomerReassigned',
  at,
  data: {
    customerId: c.customerId,
    fromRepId: c.ownerRepId,
    toRepId,
    fromRegion: c.region,
    toRegion,
    reassignedBy: 'mgr-1',
    reassignedAt: at,
  },
});

/** CustomerDeactivated. */
export const deactivated = (c: TestCustomer, at: string): TestEvent => ({
  type: 'CustomerDeactivated',
  at,
  data: { customerId: c.customerId, reason: 'company closed', deactivatedBy: 'mgr-1', deactivatedAt: at },
});

/** One survey answer: NPS 0-10, CSAT 1-5 and item scores 1-5 (quality, delivery, service, price). */
export interface TestAnswer {
  readonly nps: number;
  readonly csat: number;
  readonly items: readonly [number, number, number, number];
}

/** SatisfactionSurveyRecorded with a comment (personal data that must not reach read models). */
export const surveyed = (
  c: TestCustomer,
  surveyId: string,
  answer: TestAnswer,
  at: string,
  period = at.slice(0, 7),
): TestEvent => ({
  type: 'SatisfactionSurveyRecorded',
  at,
  data: {
    customerId: c.customerId,
    surveyId,
    period,
    nps: answer.nps,
    csat: answer.csat,
    scores: {
      productQuality: answer.items[0],
      delivery: answer.items[1],
      service: answer.items[2],
      price: answer.items[3],
    },
    comment: `Secret comment from ${contact.email}`,
    region: c.region,
    ownerRepId: c.ownerRepId,
    segment: c.segment,
    respondedAt: at,
  },
});
