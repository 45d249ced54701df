import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import { allocateOldestFirst } from '../allocation.js';
import type { IssueCreditNoteCommand } from '../commands.js';
import { authorize, refuse, requireOpen, requireReceivable } from '../errors.js';
import type { ReceivableEvent } from '../events.js';
import type { ReceivableState } from '../state.js';
import { dateOf } from '../vocabulary.js';
import { checkMoney, common, settlement } from './facts.js';

/**
 * Issues a credit note, never above what is outstanding, allocated oldest installment first; settles
 * the receivable when nothing is left. A repeated credit note id with the same amount is a no-op.
 */
export function issueCreditNote(command: IssueCreditNoteCommand, state: ReceivableState): Either<DomainError, readonly ReceivableEvent[]> {
  const { data, metadata } = command;
  const found = requireReceivable(state, 'issue a credit note');
  if (isLeft(found)) return found;
  const allowed = authorize(metadata.actor, 'money', found.right);
  if (isLeft(allowed)) return allowed;
  const previous = found.right.creditNotes[data.creditNoteId];
  if (previous !== undefined) {
    const same = previous.amount === data.amount.amount && found.right.currency === data.amount.currency;
    return same ? right([]) : refuse('RECEIVABLE_CREDIT_NOTE_ID_REUSED', `credit note ${data.creditNoteId} was issued with another amount`, { creditNoteId: data.creditNoteId });
  }
  const open = requireOpen(state, 'issue a credit note');
  if (isLeft(open)) return open;
  const r = open.right;
  const amount = checkMoney(r, data.amount, 'credit note');
  if (isLeft(amount)) return amount;
  if (amount.right > r.outstanding) {
    return refuse('RECEIVABLE_CREDIT_EXCEEDS_OUTSTANDING', `the credit note of ${amount.right} exceeds the ${r.outstanding} outstanding`, { outstanding: r.outstanding, attempted: amount.right, currency: r.currency });
  }
  const creditedOn = data.creditedOn ?? dateOf(metadata.occurredAt);
  const allocations = allocateOldestFirst(r.installments, amount.right);
  const issued = { ...common(r, r.outstanding - amount.right), creditNoteId: data.creditNoteId, amount: amount.right, reason: data.reason, creditedOn, allocations, issuedBy: metadata.actor.id, issuedAt: metadata.occurredAt };
  return right([{ type: 'CreditNoteIssued', data: issued }, ...settlement(r, { paid: 0, credited: amount.right }, creditedOn)]);
}
