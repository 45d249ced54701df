import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { isManager, managesRegion, type Actor } from '../shared/actors.js';
import { domainError, type DomainError } from '../shared/domain-error.js';
import type { ActorId, RegionId } from '../shared/ids.js';
import type { Customer, CustomerState } from './state.js';

/** Stable codes of the Customer decider's refusals. */
export type CustomerErrorCode =
  | 'CUSTOMER_NOT_FOUND'
  | 'CUSTOMER_ALREADY_REGISTERED'
  | 'CUSTOMER_NOT_AUTHORIZED'
  | 'CUSTOMER_DEACTIVATED'
  | 'CUSTOMER_SURVEY_ALREADY_ANSWERED'
  | 'CUSTOMER_PERSONAL_DATA_ERASED'
  | 'CUSTOMER_FOLLOW_UP_NOT_FOUND'
  | 'CUSTOMER_FOLLOW_UP_ALREADY_CLOSED'
  | 'CUSTOMER_FOLLOW_UP_ACTION_REQUIRED';

/** A refusal of the Customer decider. */
export type CustomerError = DomainError<CustomerErrorCode>;

/** `reject` restricted to Customer error codes. */
export const refuse = (
  code: CustomerErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<CustomerError, never> => left(domainError(code, message, details));

/** The customer, when it exists; `CUSTOMER_NOT_FOUND` otherwise. */
export const requireCustomer = (state: CustomerState, action: string): Either<CustomerError, Customer> =>
  state.status === 'none' ? refuse('CUSTOMER_NOT_FOUND', `there is no such customer to ${action}`) : right(state);

/** The customer, when it exists and is active; a deactivated customer accepts no changes. */
export const requireActive = (state: CustomerState, action: string): Either<CustomerError, Customer> => {
  if (state.status === 'deactivated') {
    return refuse('CUSTOMER_DEACTIVATED', `cannot ${action}: the customer is deactivated`, {
      customerId: state.customerId,
      deactivatedAt: state.deactivatedAt,
    });
  }
  return requireCustomer(state, action);
};

const notAuthorized = (
  actor: Actor,
  action: string,
  details: Readonly<Record<string, unknown>>,
): Either<CustomerError, never> =>
  refuse('CUSTOMER_NOT_AUTHORIZED', `a ${actor.role} may not ${action}`, {
    actorId: actor.id,
    role: actor.role,
    ...details,
  });

/** Who looks after a customer: its owner rep and its home region. */
export interface Ownership {
  readonly ownerRepId: ActorId;
  readonly region: RegionId;
}

/**
 * Day-to-day changes (register, profile, contact, surveys): the owner rep, a regional manager of the
 * customer's region, a sales manager or the system. Analysts, finance and auditors change no customer.
 */
export function authorizeChange(actor: Actor, customer: Ownership, action: string): Either<CustomerError, true> {
  const allowed =
    actor.role === 'sales_manager' ||
    actor.role === 'system' ||
    (actor.role === 'regional_manager' && managesRegion(actor, customer.region)) ||
    (actor.role === 'sales_rep' && actor.id === customer.ownerRepId);
  return allowed
    ? right(true)
    : notAuthorized(actor, action, { ownerRepId: customer.ownerRepId, region: customer.region });
}

/** Managers only: a sales manager anywhere, a regional manager in `regions` (all of them), or the system. */
export function authorizeManager(
  actor: Actor,
  regions: readonly RegionId[],
  action: string,
): Either<CustomerError, true> {
  const allowed =
    (isManager(actor) || actor.role === 'system') && regions.every((region) => managesRegion(actor, region));
  return allowed ? right(true) : notAuthorized(actor, action, { regions });
}
