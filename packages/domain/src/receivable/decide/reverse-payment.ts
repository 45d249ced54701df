import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import { reopenAllocations } from '../allocation.js';
import type { ReversePaymentCommand } from '../commands.js';
import { authorize, refuse, requireReceivable } from '../errors.js';
import type { ReceivableEvent } from '../events.js';
import type { ReceivableState } from '../state.js';
import { dateOf } from '../vocabulary.js';
import { common } from './facts.js';

/**
 * Reverses a bounced payment: what it had settled is owed again, on the installments it had settled,
 * and a settled or written-off receivable re-opens. Reversing a reversed payment again is a no-op.
 */
export function reversePayment(
  command: ReversePaymentCommand,
  state: ReceivableState,
): Either<DomainError, readonly ReceivableEvent[]> {
  const { data, metadata } = command;
  const found = requireReceivable(state, 'reverse a payment');
  if (isLeft(found)) return found;
  const r = found.right;
  const allowed = authorize(metadata.actor, 'money', r);
  if (isLeft(allowed)) return allowed;
  const payment = r.payments[data.paymentId];
  if (payment === undefined)
    return refuse('RECEIVABLE_PAYMENT_NOT_FOUND', `there is no payment ${data.paymentId} to reverse`, {
      paymentId: data.paymentId,
    });
  if (payment.reversedOn !== null) return right([]);
  const reversedOn = data.reversedOn ?? dateOf(metadata.occurredAt);
  if (reversedOn < payment.receivedOn) {
    return refuse(
      'RECEIVABLE_REVERSAL_BEFORE_PAYMENT',
      `a payment received on ${payment.receivedOn} cannot be reversed on ${reversedOn}`,
      { receivedOn: payment.receivedOn, reversedOn },
    );
  }
  const allocations = reopenAllocations(r.installments, payment.allocations);
  const { paymentId, reason } = data;
  const reversed = {
    ...common(r, r.outstanding + payment.amount),
    paymentId,
    amount: payment.amount,
    reason,
    receivedOn: payment.receivedOn,
    reversedOn,
    allocations,
    reopened: r.status !== 'open',
    recordedAt: metadata.occurredAt,
  };
  return right([{ type: 'PaymentReversed', data: reversed }]);
}
