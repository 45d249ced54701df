import { right, type Either } from 'fp-ts/lib/Either.js';
import type { Money } from '../../shared/money.js';
import type { IsoDate } from '../../shared/time.js';
import { refuse, type ReceivableError } from '../errors.js';
import type { ReceivableSettledEvent } from '../events.js';
import type { Receivable } from '../state.js';

/** The fields every Receivable event repeats, with the outstanding amount after the event. */
export const common = (r: Receivable, outstanding: number) => ({
  receivableId: r.receivableId,
  orderId: r.orderId,
  customerId: r.customerId,
  repId: r.repId,
  region: r.region,
  currency: r.currency,
  outstanding,
});

/** Amounts are positive and in the receivable's currency: there is no conversion. */
export function checkMoney(r: Receivable, money: Money, what: string): Either<ReceivableError, number> {
  if (money.amount <= 0)
    return refuse('RECEIVABLE_AMOUNT_NOT_POSITIVE', `a ${what} must be more than zero`, { amount: money.amount });
  if (money.currency !== r.currency) {
    return refuse(
      'RECEIVABLE_CURRENCY_MISMATCH',
      `a ${what} in ${money.currency} cannot go to a receivable in ${r.currency}`,
      {
        currency: money.currency,
        receivableCurrency: r.currency,
      },
    );
  }
  return right(money.amount);
}

/** ReceivableSettled when the outstanding amount reaches zero, in the same decision as the payment or credit note. */
export function settlement(
  r: Receivable,
  change: { paid: number; credited: number },
  on: IsoDate,
): ReceivableSettledEvent[] {
  const paid = r.paid + change.paid;
  const credited = r.credited + change.credited;
  if (r.amount - paid - credited - r.writtenOff > 0) return [];
  return [
    {
      type: 'ReceivableSettled',
      data: { ...common(r, 0), amount: r.amount, paid, credited, dueDate: r.dueDate, settledOn: on },
    },
  ];
}
