import { left, type Either } from 'fp-ts/lib/Either.js';
import { domainError, type DomainError } from '../shared/domain-error.js';

/** Stable codes of the Opportunity decider's refusals. */
export type OpportunityErrorCode =
  | 'OPPORTUNITY_NOT_AUTHORIZED'
  | 'OPPORTUNITY_NOT_FOUND'
  | 'OPPORTUNITY_ALREADY_OPENED'
  | 'OPPORTUNITY_CUSTOMER_NOT_FOUND'
  | 'OPPORTUNITY_CUSTOMER_INACTIVE'
  | 'OPPORTUNITY_CLOSED'
  | 'OPPORTUNITY_CLOSE_MONTH_PAST'
  | 'QUOTATION_ALREADY_SENT'
  | 'QUOTATION_NOT_FOUND'
  | 'QUOTATION_EXPIRED'
  | 'QUOTATION_VALIDITY_PAST';

/** A refusal of the Opportunity decider. */
export type OpportunityError = DomainError<OpportunityErrorCode>;

/** A refusal as a decision. */
export const refuse = (
  code: OpportunityErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<OpportunityError, never> => left(domainError(code, message, details));
