import { left, type Either } from 'fp-ts/lib/Either.js';
import { domainError, type DomainError } from '../shared/domain-error.js';

/** Stable codes of the CommissionPlan decider's refusals. */
export type CommissionPlanErrorCode =
  | 'COMMISSION_PLAN_NOT_AUTHORIZED'
  | 'COMMISSION_PLAN_NOT_FOUND'
  | 'COMMISSION_PLAN_MONTH_PAST'
  | 'COMMISSION_PLAN_VERSION_LATER'
  | 'COMMISSION_PLAN_ENDED'
  | 'COMMISSION_PLAN_OVERLAP';

/** A refusal of the CommissionPlan decider. */
export type CommissionPlanError = DomainError<CommissionPlanErrorCode>;

/** A refusal as a decision. */
export const refuse = (
  code: CommissionPlanErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<CommissionPlanError, never> => left(domainError(code, message, details));
