import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { RECEIVABLE_ACT_ROLES } from '../roles.js';
import { managesRegion, type Actor, type Role } from '../shared/actors.js';
import { domainError, type DomainError } from '../shared/domain-error.js';
import type { Receivable, ReceivableState } from './state.js';

/** Stable codes of the Receivable decider's refusals. */
export type ReceivableErrorCode =
  | 'RECEIVABLE_NOT_FOUND'
  | 'RECEIVABLE_ALREADY_OPENED'
  | 'RECEIVABLE_NOT_AUTHORIZED'
  | 'RECEIVABLE_INSTALLMENTS_MISMATCH'
  | 'RECEIVABLE_AMOUNT_NOT_POSITIVE'
  | 'RECEIVABLE_CURRENCY_MISMATCH'
  | 'RECEIVABLE_OVERPAYMENT'
  | 'RECEIVABLE_INSTALLMENT_NOT_FOUND'
  | 'RECEIVABLE_PAYMENT_ID_REUSED'
  | 'RECEIVABLE_PAYMENT_NOT_FOUND'
  | 'RECEIVABLE_REVERSAL_BEFORE_PAYMENT'
  | 'RECEIVABLE_ALREADY_SETTLED'
  | 'RECEIVABLE_WRITTEN_OFF'
  | 'RECEIVABLE_CREDIT_NOTE_ID_REUSED'
  | 'RECEIVABLE_CREDIT_EXCEEDS_OUTSTANDING'
  | 'RECEIVABLE_WRITE_OFF_ALREADY_REQUESTED'
  | 'RECEIVABLE_NO_WRITE_OFF_REQUESTED'
  | 'RECEIVABLE_WRITE_OFF_SAME_PERSON'
  | 'RECEIVABLE_PROMISE_EXCEEDS_OUTSTANDING'
  | 'RECEIVABLE_PROMISE_BEFORE_FOLLOW_UP'
  | 'RECEIVABLE_ALREADY_DISPUTED'
  | 'RECEIVABLE_NOT_DISPUTED'
  | 'RECEIVABLE_PAYMENT_BEFORE_ISSUE'
  | 'RECEIVABLE_DATE_IN_FUTURE';

/** A refusal of the Receivable decider. */
export type ReceivableError = DomainError<ReceivableErrorCode>;

/** `reject` restricted to Receivable error codes. */
export const refuse = (
  code: ReceivableErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<ReceivableError, never> => left(domainError(code, message, details));

/** The receivable when it exists, else RECEIVABLE_NOT_FOUND. */
export function requireReceivable(state: ReceivableState, action: string): Either<ReceivableError, Receivable> {
  return state.status === 'none'
    ? refuse('RECEIVABLE_NOT_FOUND', `there is no such receivable to ${action}`)
    : right(state);
}

/** The receivable when it exists and is still open (neither settled nor written off). */
export function requireOpen(state: ReceivableState, action: string): Either<ReceivableError, Receivable> {
  if (state.status === 'none') return requireReceivable(state, action);
  const details = { receivableId: state.receivableId, status: state.status };
  if (state.status === 'settled')
    return refuse('RECEIVABLE_ALREADY_SETTLED', `cannot ${action}: the receivable is settled`, details);
  if (state.status === 'written_off')
    return refuse('RECEIVABLE_WRITTEN_OFF', `cannot ${action}: the receivable is written off`, details);
  return right(state);
}

/** The kinds of act {@link RECEIVABLE_ACT_ROLES} lists. */
export type ReceivableAct = keyof typeof RECEIVABLE_ACT_ROLES;

const ACT_LABELS: Readonly<Record<ReceivableAct, string>> = {
  open: 'open receivables',
  money: 'record payments, reversals or credit notes',
  requestWriteOff: 'request a write-off',
  approveWriteOff: 'approve a write-off',
  collect: 'follow up or dispute receivables',
};

/** The actor's role may `act`; a rep only on their own receivables, a regional manager only in their region. */
export function authorize(
  actor: Actor,
  act: ReceivableAct,
  on: Pick<Receivable, 'repId' | 'region'>,
): Either<ReceivableError, true> {
  const roles: readonly Role[] = RECEIVABLE_ACT_ROLES[act];
  const allowed =
    roles.includes(actor.role) &&
    (actor.role !== 'sales_rep' || actor.id === on.repId) &&
    (actor.role !== 'regional_manager' || managesRegion(actor, on.region));
  if (allowed) return right(true);
  return refuse('RECEIVABLE_NOT_AUTHORIZED', `a ${actor.role} may not ${ACT_LABELS[act]} here`, {
    actorId: actor.id,
    role: actor.role,
    repId: on.repId,
    region: on.region,
  });
}
