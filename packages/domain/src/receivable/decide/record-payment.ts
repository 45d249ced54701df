import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import { dateWindow } from '../../shared/time.js';
import { allocateOldestFirst } from '../allocation.js';
import type { RecordPayment, RecordPaymentCommand } from '../commands.js';
import { authorize, refuse, requireOpen, requireReceivable, type ReceivableError } from '../errors.js';
import type { ReceivableEvent } from '../events.js';
import type { PaymentRecord, Receivable, ReceivableState } from '../state.js';
import { checkMoney, common, settlement } from './facts.js';

const samePayment = (previous: PaymentRecord, data: RecordPayment, currency: string): boolean =>
  previous.amount === data.amount.amount &&
  currency === data.amount.currency &&
  previous.receivedOn === data.receivedOn &&
  previous.method === data.method &&
  previous.installmentNo === (data.installmentNo ?? null);

/** A payment is positive, in the receivable's currency, never above what is outstanding, aimed at an existing installment. */
function payable(r: Receivable, data: RecordPayment): Either<ReceivableError, number> {
  const amount = checkMoney(r, data.amount, 'payment');
  if (isLeft(amount)) return amount;
  if (amount.right > r.outstanding) {
    const details = { outstanding: r.outstanding, attempted: amount.right, currency: r.currency };
    return refuse(
      'RECEIVABLE_OVERPAYMENT',
      `the payment of ${amount.right} exceeds the ${r.outstanding} outstanding`,
      details,
    );
  }
  if (data.installmentNo !== undefined && !r.installments.some((part) => part.installmentNo === data.installmentNo)) {
    return refuse('RECEIVABLE_INSTALLMENT_NOT_FOUND', `there is no installment ${data.installmentNo}`, {
      installmentNo: data.installmentNo,
    });
  }
  return amount;
}

/** A payment is for an invoice: not dated before its issue date (never before the order), nor in the future. */
function checkReceivedOn(r: Receivable, receivedOn: string, now: string): Either<ReceivableError, true> {
  const where = dateWindow(receivedOn, r.issueDate, now);
  if (where === 'before')
    return refuse(
      'RECEIVABLE_PAYMENT_BEFORE_ISSUE',
      `receivedOn ${receivedOn} is before the invoice was issued on ${r.issueDate}`,
      { receivedOn, issueDate: r.issueDate },
    );
  return where === 'future'
    ? refuse('RECEIVABLE_DATE_IN_FUTURE', `receivedOn ${receivedOn} is in the future`, { receivedOn })
    : right(true);
}

/**
 * Records a payment, allocated to the aimed installment and then the oldest open ones; settles the
 * receivable when nothing is left. A repeated payment id with the same content is a no-op.
 */
export function recordPayment(
  command: RecordPaymentCommand,
  state: ReceivableState,
): Either<DomainError, readonly ReceivableEvent[]> {
  const { data, metadata } = command;
  const found = requireReceivable(state, 'record a payment');
  if (isLeft(found)) return found;
  const allowed = authorize(metadata.actor, 'money', found.right);
  if (isLeft(allowed)) return allowed;
  const previous = found.right.payments[data.paymentId];
  if (previous !== undefined) {
    return samePayment(previous, data, found.right.currency)
      ? right([])
      : refuse('RECEIVABLE_PAYMENT_ID_REUSED', `payment ${data.paymentId} was recorded with other content`, {
          paymentId: data.paymentId,
        });
  }
  const open = requireOpen(state, 'record a payment');
  if (isLeft(open)) return open;
  const r = open.right;
  const dated = checkReceivedOn(r, data.receivedOn, metadata.occurredAt);
  if (isLeft(dated)) return dated;
  const amount = payable(r, data);
  if (isLeft(amount)) return amount;
  const allocations = allocateOldestFirst(r.installments, amount.right, data.installmentNo);
  const { paymentId, receivedOn, method } = data;
  const received = {
    ...common(r, r.outstanding - amount.right),
    paymentId,
    amount: amount.right,
    method,
    receivedOn,
    installmentNo: data.installmentNo ?? null,
    allocations,
    recordedAt: metadata.occurredAt,
  };
  return right([
    { type: 'PaymentReceived', data: received },
    ...settlement(r, { paid: amount.right, credited: 0 }, receivedOn),
  ]);
}
