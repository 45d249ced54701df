import { left, type Either } from 'fp-ts/lib/Either.js';
import { domainError, type DomainError } from '../shared/domain-error.js';

/** Stable codes of the Market decider's refusals. */
export type MarketErrorCode = 'MARKET_NOT_AUTHORIZED' | 'MARKET_RANGE_EXCLUDES_ESTIMATE';

/** A refusal of the Market decider. */
export type MarketError = DomainError<MarketErrorCode>;

/** A refusal as a decision. */
export const refuse = (
  code: MarketErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<MarketError, never> => left(domainError(code, message, details));
