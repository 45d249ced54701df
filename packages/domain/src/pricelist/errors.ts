import { left, type Either } from 'fp-ts/lib/Either.js';
import { domainError, type DomainError } from '../shared/domain-error.js';

/** Stable codes of the PriceList decider's refusals. */
export type PriceListErrorCode =
  | 'PRICELIST_NOT_AUTHORIZED'
  | 'PRICELIST_NOT_FOUND'
  | 'PRICELIST_ALREADY_CREATED'
  | 'PRICELIST_ENDED'
  | 'PRICELIST_END_OUT_OF_RANGE';

/** A refusal of the PriceList decider. */
export type PriceListError = DomainError<PriceListErrorCode>;

/** A refusal as a decision. */
export const refuse = (
  code: PriceListErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<PriceListError, never> => left(domainError(code, message, details));
