import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { managesRegion, type Actor } from '../shared/actors.js';
import { domainError, type DomainError } from '../shared/domain-error.js';
import type { ActorId } from '../shared/ids.js';
import type { IsoDateTime } from '../shared/time.js';
import type { ComplaintEvent } from './events.js';
import { COMPLAINT_TRANSITIONS, type Complaint, type ComplaintState } from './state.js';

/** Stable codes of the Complaint decider's refusals. */
export type ComplaintErrorCode =
  | 'COMPLAINT_NOT_FOUND'
  | 'COMPLAINT_ALREADY_FILED'
  | 'COMPLAINT_CUSTOMER_NOT_FOUND'
  | 'COMPLAINT_NOT_AUTHORIZED'
  | 'COMPLAINT_HANDLER_NOT_OBJECTIVE'
  | 'COMPLAINT_NOT_ASSIGNED'
  | 'COMPLAINT_INVALID_TRANSITION'
  | 'COMPLAINT_ROOT_CAUSE_REQUIRED'
  | 'COMPLAINT_RESOLUTION_REQUIRED'
  | 'COMPLAINT_COMPENSATION_NEEDS_MANAGER'
  | 'COMPLAINT_COMPENSATION_WITHIN_LIMIT'
  | 'COMPLAINT_COMPENSATION_ALREADY_REQUESTED'
  | 'COMPLAINT_COMPENSATION_ALREADY_APPROVED'
  | 'COMPLAINT_NO_COMPENSATION_REQUESTED'
  | 'COMPLAINT_COMPENSATION_SAME_PERSON'
  | 'COMPLAINT_APPROVER_NOT_AUTHORIZED'
  | 'COMPLAINT_COMPENSATION_ABOVE_APPROVED'
  | 'COMPLAINT_COMPENSATION_CURRENCY_MISMATCH'
  | 'COMPLAINT_REOPEN_WINDOW_EXPIRED'
  | 'COMPLAINT_TIME_BEFORE_LAST_EVENT';

/** A refusal of the Complaint decider. */
export type ComplaintError = DomainError<ComplaintErrorCode>;

/** `reject` restricted to Complaint error codes. */
export const refuse = (
  code: ComplaintErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<ComplaintError, never> => left(domainError(code, message, details));

/**
 * The complaint, when it exists, its status lets `event` happen (the state machine) and `occurredAt`
 * is not before its latest instant (so no duration, paused time included, is ever negative).
 */
export function requireTransition(
  state: ComplaintState,
  event: Exclude<ComplaintEvent['type'], 'ComplaintFiled'>,
  occurredAt: IsoDateTime,
): Either<ComplaintError, Complaint> {
  if (state.status === 'none') return refuse('COMPLAINT_NOT_FOUND', 'there is no such complaint');
  const { from } = COMPLAINT_TRANSITIONS[event];
  if (!from.includes(state.status)) {
    return refuse(
      'COMPLAINT_INVALID_TRANSITION',
      `${event} cannot happen to a complaint that is ${state.status.replace('_', ' ')}`,
      {
        complaintId: state.complaintId,
        status: state.status,
        allowedFrom: from,
      },
    );
  }
  if (Date.parse(occurredAt) < Date.parse(state.lastAt)) {
    return refuse(
      'COMPLAINT_TIME_BEFORE_LAST_EVENT',
      `the command is dated ${occurredAt}, before the complaint's latest event at ${state.lastAt}`,
      {
        occurredAt,
        lastAt: state.lastAt,
      },
    );
  }
  return right(state);
}

/** Objectivity: the customer's own rep never handles their complaint. */
export function requireObjective(complaint: Complaint, personId: ActorId): Either<ComplaintError, true> {
  return personId === complaint.ownerRepId
    ? refuse(
        'COMPLAINT_HANDLER_NOT_OBJECTIVE',
        `${personId} is the customer's own rep and may not handle the complaint`,
        {
          complaintId: complaint.complaintId,
          ownerRepId: complaint.ownerRepId,
        },
      )
    : right(true);
}

/**
 * Who may work on a complaint: its handler, a manager of its region (a sales manager anywhere) or the
 * system; never the customer's own rep, even when they are the regional manager.
 */
export function authorizeHandling(actor: Actor, complaint: Complaint): Either<ComplaintError, true> {
  const objective = requireObjective(complaint, actor.id);
  if (objective._tag === 'Left') return objective;
  return actor.id === complaint.handlerId || managesRegion(actor, complaint.region)
    ? right(true)
    : refuse(
        'COMPLAINT_NOT_AUTHORIZED',
        `${actor.id} (${actor.role}) neither handles this complaint nor manages its region`,
        {
          complaintId: complaint.complaintId,
          handlerId: complaint.handlerId,
          region: complaint.region,
        },
      );
}

/** Who may file or reopen a complaint on a customer's behalf: people who deal with customers, and the system. */
export function authorizeCustomerFacing(actor: Actor): Either<ComplaintError, true> {
  return actor.role === 'market_analyst' || actor.role === 'auditor'
    ? refuse('COMPLAINT_NOT_AUTHORIZED', `a ${actor.role} may not file or reopen complaints`, { role: actor.role })
    : right(true);
}
