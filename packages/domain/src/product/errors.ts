import { left, type Either } from 'fp-ts/lib/Either.js';
import { domainError, type DomainError } from '../shared/domain-error.js';

/** Stable codes of the Product decider's refusals. */
export type ProductErrorCode = 'PRODUCT_NOT_AUTHORIZED' | 'PRODUCT_NOT_FOUND' | 'PRODUCT_ALREADY_REGISTERED';

/** A refusal of the Product decider. */
export type ProductError = DomainError<ProductErrorCode>;

/** A refusal as a decision. */
export const refuse = (
  code: ProductErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<ProductError, never> => left(domainError(code, message, details));
