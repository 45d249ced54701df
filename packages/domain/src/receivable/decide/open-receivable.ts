import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { OpenReceivableCommand } from '../commands.js';
import { authorize, refuse } from '../errors.js';
import type { ReceivableEvent } from '../events.js';
import type { ReceivableState } from '../state.js';

/**
 * Opens the receivable of an invoice. Without a schedule, one installment of the whole amount falls
 * due on the due date; a schedule must add up to the amount exactly.
 */
export function openReceivable(
  command: OpenReceivableCommand,
  state: ReceivableState,
): Either<DomainError, readonly ReceivableEvent[]> {
  const { data, metadata } = command;
  if (state.status !== 'none')
    return refuse('RECEIVABLE_ALREADY_OPENED', `receivable ${data.receivableId} is already open`, {
      receivableId: data.receivableId,
    });
  const allowed = authorize(metadata.actor, 'open', data);
  if (isLeft(allowed)) return allowed;
  const amount = data.amount.amount;
  if (amount <= 0)
    return refuse('RECEIVABLE_AMOUNT_NOT_POSITIVE', 'a receivable must be for more than zero', { amount });
  const installments = data.installments ?? [{ installmentNo: 1, dueDate: data.dueDate, amount }];
  // Summed as bigints so a schedule beyond 2^53 cannot round its way to a match.
  const scheduled = Number(installments.reduce((sum, part) => sum + BigInt(part.amount), 0n));
  if (scheduled !== amount) {
    return refuse('RECEIVABLE_INSTALLMENTS_MISMATCH', `the installments add up to ${scheduled}, not ${amount}`, {
      amount,
      installmentsTotal: scheduled,
    });
  }
  const { receivableId, orderId, customerId, repId, region, issueDate, dueDate } = data;
  const currency = data.amount.currency;
  return right([
    {
      type: 'ReceivableOpened',
      data: {
        receivableId,
        orderId,
        customerId,
        repId,
        region,
        currency,
        outstanding: amount,
        amount,
        issueDate,
        dueDate,
        installments,
        openedAt: metadata.occurredAt,
      },
    },
  ]);
}
