import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { Money } from '../../shared/money.js';
import { allocateOldestFirst } from '../allocation.js';
import type { IssueCreditNoteCommand } from '../commands.js';
import { authorize, refuse, requireOpen, requireReceivable, type ReceivableError } from '../errors.js';
import type { ReceivableEvent } from '../events.js';
import type { Receivable, ReceivableState } from '../state.js';
import { dateOf } from '../vocabulary.js';
import { checkMoney, common, settlement } from './facts.js';

/** A credit note is positive, in the receivable's currency and never above what is outstanding. */
function creditable(r: Receivable, money: Money): Either<ReceivableError, number> {
  const amount = checkMoney(r, money, 'credit note');
  if (isLeft(amount) || amount.right <= r.outstanding) return amount;
  const details = { outstanding: r.outstanding, attempted: amount.right, currency: r.currency };
  return refuse(
    'RECEIVABLE_CREDIT_EXCEEDS_OUTSTANDING',
    `the credit note of ${amount.right} exceeds the ${r.outstanding} outstanding`,
    details,
  );
}

/**
 * Issues a credit note, never above what is outstanding, allocated oldest installment first; settles
 * the receivable when nothing is left. A repeated credit note id with the same amount is a no-op.
 */
export function issueCreditNote(
  command: IssueCreditNoteCommand,
  state: ReceivableState,
): Either<DomainError, readonly ReceivableEvent[]> {
  const { data, metadata } = command;
  const found = requireReceivable(state, 'issue a credit note');
  if (isLeft(found)) return found;
  const allowed = authorize(metadata.actor, 'money', found.right);
  if (isLeft(allowed)) return allowed;
  const previous = found.right.creditNotes[data.creditNoteId];
  if (previous !== undefined) {
    const same = previous.amount === data.amount.amount && found.right.currency === data.amount.currency;
    return same
      ? right([])
      : refuse('RECEIVABLE_CREDIT_NOTE_ID_REUSED', `credit note ${data.creditNoteId} was issued with another amount`, {
          creditNoteId: data.creditNoteId,
        });
  }
  const open = requireOpen(state, 'issue a credit note');
  if (isLeft(open)) return open;
  const r = open.right;
  const amount = creditable(r, data.amount);
  if (isLeft(amount)) return amount;
  const creditedOn = data.creditedOn ?? dateOf(metadata.occurredAt);
  const allocations = allocateOldestFirst(r.installments, amount.right);
  const issued = {
    ...common(r, r.outstanding - amount.right),
    creditNoteId: data.creditNoteId,
    amount: amount.right,
    reason: data.reason,
    creditedOn,
    allocations,
    issuedBy: metadata.actor.id,
    issuedAt: metadata.occurredAt,
  };
  return right([
    { type: 'CreditNoteIssued', data: issued },
    ...settlement(r, { paid: 0, credited: amount.right }, creditedOn),
  ]);
}
