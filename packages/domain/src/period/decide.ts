import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { checkActor, type WithAccess } from '../shared/access.js';
import type { Actor } from '../shared/actors.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import { domainError, type DomainError } from '../shared/domain-error.js';
import { addDays, BUSINESS_DATE_TOLERANCE_DAYS, utcDate, type IsoDate, type YearMonth } from '../shared/time.js';
import type {
  ApprovePeriodReopeningCommand,
  ClosePeriodCommand,
  PeriodCommand,
  RequestPeriodReopeningCommand,
} from './commands.js';
import type { PeriodEvent, ReopeningRole } from './events.js';
import { evolve, initialState, type PeriodsState } from './state.js';

/** Stable codes of the Period decider's refusals (`PERIOD_CLOSED` is the late-fact rule's, see `late-facts.ts`). */
export type PeriodErrorCode =
  | 'PERIOD_NOT_AUTHORIZED'
  | 'PERIOD_NOT_ENDED'
  | 'PERIOD_NOT_CLOSED'
  | 'PERIOD_REOPENING_PENDING'
  | 'PERIOD_REOPENING_NOT_REQUESTED'
  | 'PERIOD_SECOND_APPROVER_REQUIRED'
  | 'PERIOD_CLOSED';

/** A refusal of the Period decider. */
export type PeriodError = DomainError<PeriodErrorCode>;

const refuse = (
  code: PeriodErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<PeriodError, never> => left(domainError(code, message, details));

/** The first day of the month after `month`. */
export const nextMonthStart = (month: YearMonth): IsoDate => {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
};

const isReopeningRole = (role: Actor['role']): role is ReopeningRole => role === 'finance' || role === 'sales_manager';

/** Finance closes a month (or the system, for imports), once it has ended: the business date may be a day ahead of UTC. */
function closePeriod(
  { data, metadata }: ClosePeriodCommand,
  state: PeriodsState,
): Either<PeriodError, readonly PeriodEvent[]> {
  const { actor, occurredAt } = metadata;
  if (actor.role !== 'finance' && actor.role !== 'system')
    return refuse('PERIOD_NOT_AUTHORIZED', `a ${actor.role} may not close a month`, { role: actor.role });
  const latest = addDays(utcDate(occurredAt), BUSINESS_DATE_TOLERANCE_DAYS);
  if (nextMonthStart(data.month) > latest)
    return refuse('PERIOD_NOT_ENDED', `${data.month} has not ended yet`, { month: data.month });
  if (state.months[data.month]?.status === 'closed') return right([]);
  return right([{ type: 'PeriodClosed', data: { month: data.month, closedBy: actor.id, closedAt: occurredAt } }]);
}

/** Finance or a sales manager asks to reopen a closed month; the same request again is a no-op. */
function requestReopening(
  { data, metadata }: RequestPeriodReopeningCommand,
  state: PeriodsState,
): Either<PeriodError, readonly PeriodEvent[]> {
  const { actor, occurredAt } = metadata;
  if (!isReopeningRole(actor.role))
    return refuse('PERIOD_NOT_AUTHORIZED', `a ${actor.role} may not reopen a month`, { role: actor.role });
  const close = state.months[data.month];
  if (close?.status !== 'closed')
    return refuse('PERIOD_NOT_CLOSED', `${data.month} is not closed`, { month: data.month });
  if (close.reopening !== null) {
    const same = close.reopening.requestedBy === actor.id && close.reopening.reason === data.reason;
    return same
      ? right([])
      : refuse('PERIOD_REOPENING_PENDING', `a request to reopen ${data.month} is already pending`, {
          month: data.month,
          requestedBy: close.reopening.requestedBy,
        });
  }
  return right([
    {
      type: 'PeriodReopeningRequested',
      data: {
        month: data.month,
        reason: data.reason,
        requestedBy: actor.id,
        requesterRole: actor.role,
        requestedAt: occurredAt,
      },
    },
  ]);
}

/** A different person of the other role (finance for a sales manager's request, and the reverse) approves. */
function approveReopening(
  { data, metadata }: ApprovePeriodReopeningCommand,
  state: PeriodsState,
): Either<PeriodError, readonly PeriodEvent[]> {
  const { actor, occurredAt } = metadata;
  if (!isReopeningRole(actor.role))
    return refuse('PERIOD_NOT_AUTHORIZED', `a ${actor.role} may not reopen a month`, { role: actor.role });
  const close = state.months[data.month];
  if (close?.status !== 'closed')
    return refuse('PERIOD_NOT_CLOSED', `${data.month} is not closed`, { month: data.month });
  const request = close.reopening;
  if (request === null)
    return refuse('PERIOD_REOPENING_NOT_REQUESTED', `nobody asked to reopen ${data.month}`, { month: data.month });
  if (request.requestedBy === actor.id || request.requesterRole === actor.role) {
    return refuse(
      'PERIOD_SECOND_APPROVER_REQUIRED',
      'a person of the other role (finance or sales manager) must approve',
      { requestedBy: request.requestedBy, requesterRole: request.requesterRole },
    );
  }
  const reopened = {
    month: data.month,
    reason: request.reason,
    requestedBy: request.requestedBy,
    approvedBy: actor.id,
    approverRole: actor.role,
    reopenedAt: occurredAt,
  };
  return right([{ type: 'PeriodReopened', data: reopened }]);
}

/** Decides a Period command: the register backs the token first (sales managers are on it; finance and the system are not). */
function decide(command: WithAccess<PeriodCommand>, state: PeriodsState): Either<DomainError, readonly PeriodEvent[]> {
  const registered = checkActor(command.metadata.actor, command.access);
  if (registered._tag === 'Left') return registered;
  switch (command.type) {
    case 'ClosePeriod':
      return closePeriod(command, state);
    case 'RequestPeriodReopening':
      return requestReopening(command, state);
    case 'ApprovePeriodReopening':
      return approveReopening(command, state);
    default:
      return assertNever(command);
  }
}

/** The period close (one stream, `period-closes`, every month's closes and reopenings) as a decider. */
export const periodDecider: Decider<WithAccess<PeriodCommand>, PeriodEvent, PeriodsState> = {
  initialState,
  decide,
  evolve,
};
