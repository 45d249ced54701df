import type { IsoDate } from '../shared/time.js';
import type { PromiseRecord, ReceivableState } from './state.js';

/** Where a promise to pay stands on a date: `none` when no promise had been made by then. */
export type PromiseStatus = 'none' | 'open' | 'kept' | 'broken';

/** The latest promise to pay made on or before `asOfDate`, if any. */
export function latestPromise(state: ReceivableState, asOfDate: IsoDate): PromiseRecord | undefined {
  if (state.status === 'none') return undefined;
  return state.promises.filter((promise) => promise.loggedOn <= asOfDate).at(-1);
}

/**
 * Paid towards a promise as of `asOfDate`: payments received from the day the promise was made up to
 * its date (and not after `asOfDate`), less those that bounced by `asOfDate`.
 */
export function paidTowards(state: ReceivableState, promise: PromiseRecord, asOfDate: IsoDate): number {
  if (state.status === 'none') return 0;
  const until = promise.date < asOfDate ? promise.date : asOfDate;
  return Object.values(state.payments)
    .filter((p) => p.receivedOn >= promise.loggedOn && p.receivedOn <= until)
    .filter((p) => p.reversedOn === null || p.reversedOn > asOfDate)
    .reduce((sum, p) => sum + p.amount, 0);
}

/**
 * The latest promise as of `asOfDate`: kept once the payments from its logging up to and including
 * its date add up to its amount; broken when its date has passed without that; open in between.
 */
export function promiseStatus(state: ReceivableState, asOfDate: IsoDate): PromiseStatus {
  const promise = latestPromise(state, asOfDate);
  if (promise === undefined) return 'none';
  if (paidTowards(state, promise, asOfDate) >= promise.amount) return 'kept';
  return asOfDate > promise.date ? 'broken' : 'open';
}

/**
 * Follow-up reminders pause while an open receivable is disputed or a promise to pay is open on
 * `onDate`. A settled or written-off receivable has no reminders to pause.
 */
export function remindersPaused(state: ReceivableState, onDate: IsoDate): boolean {
  if (state.status !== 'open') return false;
  return state.dispute !== null || promiseStatus(state, onDate) === 'open';
}
