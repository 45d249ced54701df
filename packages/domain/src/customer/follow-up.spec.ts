import { deciderSpec } from '../testing/decider-spec.js';
import { closeFollowUp, followUpClosed, followUpOpened } from './follow-up.testing.js';
import { needsFollowUp } from './follow-up.js';
import { evolve, initialState } from './state.js';
import * as t from './testing.js';

const given = deciderSpec(t.registeredCustomerDecider);
const registered = t.customerRegistered();
const detractor = { nps: 4, csat: 3 };
const answered = t.surveyRecorded(detractor);
const opened = followUpOpened();

describe('the closed loop: which answers open a follow-up', () => {
  it.each([
    [0, 5, true],
    [6, 5, true],
    [7, 3, false],
    [10, 3, false],
    [9, 2, true],
    [9, 1, true],
    [8, 3, false],
  ])('NPS %i with CSAT %i: %s', (nps, csat, expected) => {
    expect(needsFollowUp({ nps, csat })).toBe(expected);
  });
  it('opens a follow-up in the same append as an unhappy answer, for the owner rep', () => {
    given([registered]).when(t.recordSurvey(detractor)).then([answered, opened]);
    given([registered])
      .when(t.recordSurvey({ nps: 9, csat: 2 }))
      .then([t.surveyRecorded({ nps: 9, csat: 2 }), followUpOpened({ nps: 9, csat: 2 })]);
  });
  it('opens none for a content answer, and never a second one for a repeated answer', () => {
    given([registered]).when(t.recordSurvey()).then([t.surveyRecorded()]);
    given([registered, answered, opened]).when(t.recordSurvey(detractor)).then([]);
  });
  it('opens it for the owner at the time of the answer', () => {
    given([registered, t.reassigned()])
      .when(t.recordSurvey(detractor, t.otherRep))
      .then([
        t.surveyRecorded({ ...detractor, ownerRepId: t.otherRep.id }),
        followUpOpened({ ownerRepId: t.otherRep.id }),
      ]);
  });
});

describe('CloseDetractorFollowUp', () => {
  it('closes an open follow-up with what was done and whether the customer was recovered', () => {
    given([registered, answered, opened]).when(closeFollowUp()).then([followUpClosed()]);
    given([registered, answered, opened])
      .when(closeFollowUp({ recovered: false }, t.eastManager))
      .then([followUpClosed({ recovered: false }, t.eastManager)]);
  });
  it('closes once: the same closing again is a no-op, a different one is refused', () => {
    const closed = [registered, answered, opened, followUpClosed()];
    given(closed).when(closeFollowUp()).then([]);
    given(closed)
      .when(closeFollowUp({ recovered: false }))
      .then('CUSTOMER_FOLLOW_UP_ALREADY_CLOSED');
    given(closed)
      .when(closeFollowUp({ actionTaken: 'Something else' }))
      .then('CUSTOMER_FOLLOW_UP_ALREADY_CLOSED');
  });
  it('refuses a survey without a follow-up, and a customer that does not exist', () => {
    given([registered, t.surveyRecorded()]).when(closeFollowUp()).then('CUSTOMER_FOLLOW_UP_NOT_FOUND');
    given([]).when(closeFollowUp({}, t.system)).then('CUSTOMER_NOT_FOUND');
  });
  it('requires what was done', () => {
    given([registered, answered, opened])
      .when(closeFollowUp({ actionTaken: undefined }))
      .then('CUSTOMER_FOLLOW_UP_ACTION_REQUIRED');
  });
  it('after erasure refuses free text, closes without it, and compares repeats without the erased text', () => {
    const erased = [registered, answered, opened, t.personalDataForgotten()];
    given(erased).when(closeFollowUp()).then('CUSTOMER_PERSONAL_DATA_ERASED');
    const { actionTaken: _action, ...withoutAction } = followUpClosed().data;
    given(erased)
      .when(closeFollowUp({ actionTaken: undefined }))
      .then([{ type: 'DetractorFollowUpClosed', data: withoutAction }]);
    given([registered, answered, opened, followUpClosed(), t.personalDataForgotten()]).when(closeFollowUp()).then([]);
  });
  it('may still be closed after deactivation', () => {
    given([registered, answered, opened, t.deactivated()])
      .when(closeFollowUp({}, t.eastManager))
      .then([followUpClosed({}, t.eastManager)]);
  });
  it('is for the owner rep, managers of the region and the system; not for analysts, finance or another rep', () => {
    given([registered, answered, opened]).when(closeFollowUp({}, t.otherRep)).then('FORBIDDEN_SCOPE');
    given([registered, answered, opened]).when(closeFollowUp({}, t.westManager)).then('FORBIDDEN_SCOPE');
    given([registered, answered, opened]).when(closeFollowUp({}, t.analyst)).then('CUSTOMER_NOT_AUTHORIZED');
    given([registered, answered, opened])
      .when(closeFollowUp({}, t.system))
      .then([followUpClosed({}, t.system)]);
  });
});

describe('follow-ups in the customer state', () => {
  it('are open, then closed with the action, and lose the action on erasure', () => {
    const fold = (events: Parameters<typeof evolve>[1][]) => events.reduce(evolve, initialState());
    const open = fold([registered, answered, opened]);
    expect(open.status !== 'none' && open.followUps['s-2026-03']).toEqual({
      status: 'open',
      actionTaken: null,
      recovered: null,
    });
    const closed = fold([registered, answered, opened, followUpClosed()]);
    expect(closed.status !== 'none' && closed.followUps['s-2026-03']).toEqual({
      status: 'closed',
      actionTaken: 'Called back; replaced the damaged carton',
      recovered: true,
    });
    const erased = fold([registered, answered, opened, followUpClosed(), t.personalDataForgotten()]);
    expect(erased.status !== 'none' && erased.followUps['s-2026-03']).toEqual({
      status: 'closed',
      actionTaken: null,
      recovered: true,
    });
    const closedAfterErasure = fold([registered, answered, opened, t.personalDataForgotten(), followUpClosed()]);
    expect(closedAfterErasure.status !== 'none' && closedAfterErasure.followUps['s-2026-03']?.actionTaken).toBeNull();
  });
});
