import type { PromiseStatus } from '@salesbook/domain';

/** A promise to pay as of a date: when it was made, its date and amount, and where it stands. */
export interface PromiseAsOf {
  readonly made_on: string;
  readonly date: string;
  readonly amount: number;
  readonly status: Exclude<PromiseStatus, 'none'>;
}

/**
 * Where a promise stands at `asOf`, by the domain's rule (`paidTowards`/`promiseStatus` in
 * domain/receivable/reminders.ts) over stored payments: payments received from the day it was made up to its
 * date (and not after `asOf`), less those reversed by `asOf`; kept once they reach its amount, broken after its
 * date without that, open in between.
 */
export function promiseStatusAsOf(
  promise: { readonly madeOn: string; readonly date: string; readonly amount: number },
  payments: ReadonlyArray<{
    readonly received_on: string;
    readonly amount: number;
    readonly reversed_on: string | null;
  }>,
  asOf: string,
): PromiseAsOf {
  const until = promise.date < asOf ? promise.date : asOf;
  const paid = payments
    .filter((p) => p.received_on >= promise.madeOn && p.received_on <= until)
    .filter((p) => p.reversed_on === null || p.reversed_on > asOf)
    .reduce((sum, p) => sum + p.amount, 0);
  const status = paid >= promise.amount ? 'kept' : asOf > promise.date ? 'broken' : 'open';
  return { made_on: promise.madeOn, date: promise.date, amount: promise.amount, status };
}
