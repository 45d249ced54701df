import { left, type Either } from 'fp-ts/lib/Either.js';
import { domainError, type DomainError } from '../shared/domain-error.js';

/** Stable codes of the Promotion decider's refusals. */
export type PromotionErrorCode =
  | 'PROMOTION_NOT_AUTHORIZED'
  | 'PROMOTION_NOT_FOUND'
  | 'PROMOTION_ALREADY_DRAFTED'
  | 'PROMOTION_NOT_DRAFT'
  | 'PROMOTION_END_OUT_OF_RANGE';

/** A refusal of the Promotion decider. */
export type PromotionError = DomainError<PromotionErrorCode>;

/** A refusal as a decision. */
export const refuse = (
  code: PromotionErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<PromotionError, never> => left(domainError(code, message, details));
