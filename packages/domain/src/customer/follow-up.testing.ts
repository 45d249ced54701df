import type { Actor } from '../shared/actors.js';
import type { CloseDetractorFollowUp, CloseDetractorFollowUpCommand } from './commands.js';
import type { DetractorFollowUpClosedEvent, DetractorFollowUpOpenedEvent } from './follow-up-events.js';
import { at, CUSTOMER_ID, EAST, rep, surveyId } from './testing.js';

/** Test data for the closed loop on the Customer aggregate. */
export const followUpOpened = (
  overrides: Partial<DetractorFollowUpOpenedEvent['data']> = {},
): DetractorFollowUpOpenedEvent => ({
  type: 'DetractorFollowUpOpened',
  data: {
    customerId: CUSTOMER_ID,
    surveyId: surveyId('s-2026-03'),
    nps: 4,
    csat: 3,
    region: EAST,
    ownerRepId: rep.id,
    segment: 'smb',
    openedAt: at(10),
    ...overrides,
  },
});
export const closeFollowUp = (
  overrides: Partial<CloseDetractorFollowUp> = {},
  by: Actor = rep,
  day = 11,
): CloseDetractorFollowUpCommand => ({
  type: 'CloseDetractorFollowUp',
  data: {
    customerId: CUSTOMER_ID,
    surveyId: surveyId('s-2026-03'),
    actionTaken: 'Called back; replaced the damaged carton',
    recovered: true,
    ...overrides,
  },
  metadata: { actor: by, occurredAt: at(day) },
});
export const followUpClosed = (
  overrides: Partial<DetractorFollowUpClosedEvent['data']> = {},
  by: Actor = rep,
  day = 11,
): DetractorFollowUpClosedEvent => ({
  type: 'DetractorFollowUpClosed',
  data: {
    customerId: CUSTOMER_ID,
    surveyId: surveyId('s-2026-03'),
    actionTaken: 'Called back; replaced the damaged carton',
    recovered: true,
    closedBy: by.id,
    closedAt: at(day),
    ...overrides,
  },
});
