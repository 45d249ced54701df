import type { TestCustomer } from './customer-events.js';
import type { TestEvent } from './stored-events.js';

/** DetractorFollowUpOpened for the answer `surveyId`, as the decider appends it beside an unhappy answer. */
export const followUpOpened = (
  c: TestCustomer,
  surveyId: string,
  answer: { nps: number; csat: number },
  at: string,
): TestEvent => ({
  type: 'DetractorFollowUpOpened',
  at,
  data: {
    customerId: c.customerId,
    surveyId,
    nps: answer.nps,
    csat: answer.csat,
    region: c.region,
    ownerRepId: c.ownerRepId,
    segment: c.segment,
    openedAt: at,
  },
});

/** DetractorFollowUpClosed with what was done (personal data that must not reach read models). */
export const followUpClosed = (
  c: TestCustomer,
  surveyId: string,
  recovered: boolean,
  at: string,
  closedBy = c.ownerRepId,
): TestEvent => ({
  type: 'DetractorFollowUpClosed',
  at,
  data: {
    customerId: c.customerId,
    surveyId,
    actionTaken: 'Secret: called Wang Fang back on her mobile',
    recovered,
    closedBy,
    closedAt: at,
  },
});
