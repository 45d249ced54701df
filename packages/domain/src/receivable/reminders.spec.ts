import { latestPromise, paidTowards, promiseStatus, remindersPaused } from './reminders.js';
import { initialState } from './state.js';
import * as t from './testing.js';

const pay = (id: string, amount: number, receivedOn: string) =>
  t.recordPayment(amount, { paymentId: t.paymentId(id), receivedOn });
/** A promise, made on 21 March, to pay 5000 by 31 March. */
const promised = [t.openReceivable(), t.promise(5_000, t.on(31), 21)] as const;

describe('promiseStatus', () => {
  it('is none without a promise, or before the promise was made', () => {
    expect(promiseStatus(initialState(), t.on(25))).toBe('none');
    expect(promiseStatus(t.stateAfter(t.openReceivable(), t.logFollowUp()), t.on(25))).toBe('none');
    expect(promiseStatus(t.stateAfter(...promised), t.on(20))).toBe('none');
  });

  it('is open from the day it is made up to and including its date while payments fall short', () => {
    const state = t.stateAfter(...promised, pay('p1', 4_999, t.on(25)));
    expect(promiseStatus(state, t.on(21))).toBe('open');
    expect(promiseStatus(state, t.on(31))).toBe('open');
    expect(promiseStatus(state, t.on(1, 4))).toBe('broken');
  });

  it('is kept when payments from its making up to and including its date reach the amount', () => {
    const state = t.stateAfter(...promised, pay('p1', 2_000, t.on(21)), pay('p2', 3_000, t.on(31)));
    expect(promiseStatus(state, t.on(30))).toBe('open');
    expect(promiseStatus(state, t.on(31))).toBe('kept');
    expect(promiseStatus(state, t.on(15, 4))).toBe('kept');
    expect(paidTowards(state, latestPromise(state, t.on(31)) ?? { loggedOn: '', date: '', amount: 0 }, t.on(31))).toBe(
      5_000,
    );
  });

  it('does not count payments received before the promise was made or after its date', () => {
    const before = t.stateAfter(t.openReceivable(), pay('p0', 5_000, t.on(20)), t.promise(5_000, t.on(31), 21));
    expect(promiseStatus(before, t.on(1, 4))).toBe('broken');
    const late = t.stateAfter(...promised, pay('p1', 5_000, t.on(1, 4)));
    expect(promiseStatus(late, t.on(2, 4))).toBe('broken');
  });

  it('does not count a payment that bounced by the date asked about', () => {
    const state = t.stateAfter(
      ...promised,
      pay('p1', 5_000, t.on(25)),
      t.reversePayment('p1', { reversedOn: t.on(2, 4) }),
    );
    expect(promiseStatus(state, t.on(31))).toBe('kept');
    expect(promiseStatus(state, t.on(2, 4))).toBe('broken');
  });

  it('judges the latest promise made by the date asked about', () => {
    const state = t.stateAfter(...promised, t.promise(1_000, t.on(10, 4), 28), pay('p1', 1_000, t.on(29)));
    expect(promiseStatus(state, t.on(27))).toBe('open');
    expect(promiseStatus(state, t.on(29))).toBe('kept');
    expect(latestPromise(state, t.on(29))?.amount).toBe(1_000);
    expect(latestPromise(initialState(), t.on(29))).toBeUndefined();
    expect(paidTowards(initialState(), { loggedOn: t.on(1), date: t.on(2), amount: 1 }, t.on(2))).toBe(0);
  });
});

describe('remindersPaused', () => {
  it('pauses while the receivable is disputed, and resumes on resolution', () => {
    expect(remindersPaused(t.stateAfter(t.openReceivable()), t.on(25))).toBe(false);
    expect(remindersPaused(t.stateAfter(t.openReceivable(), t.disputeReceivable()), t.on(25))).toBe(true);
    expect(remindersPaused(t.stateAfter(t.openReceivable(), t.disputeReceivable(), t.resolveDispute()), t.on(25))).toBe(
      false,
    );
  });

  it('pauses while a promise to pay is open, not once it is kept or broken', () => {
    const open = t.stateAfter(...promised);
    expect(remindersPaused(open, t.on(31))).toBe(true);
    expect(remindersPaused(open, t.on(1, 4))).toBe(false);
    expect(remindersPaused(t.stateAfter(...promised, pay('p1', 5_000, t.on(25))), t.on(26))).toBe(false);
  });

  it('has nothing to pause on a missing, settled or written-off receivable', () => {
    expect(remindersPaused(initialState(), t.on(25))).toBe(false);
    expect(
      remindersPaused(t.stateAfter(t.openReceivable(), t.disputeReceivable(), t.issueCreditNote(10_000)), t.on(25)),
    ).toBe(false);
    expect(
      remindersPaused(
        t.stateAfter(t.openReceivable(), t.disputeReceivable(), t.requestWriteOff(), t.approveWriteOff()),
        t.on(28),
      ),
    ).toBe(false);
  });
});
