import { left, type Either } from 'fp-ts/lib/Either.js';
import { domainError, type DomainError } from '../shared/domain-error.js';

/** Stable codes of the Competitor decider's refusals. */
export type CompetitorErrorCode =
  'COMPETITOR_NOT_AUTHORIZED' | 'COMPETITOR_OBSERVED_IN_FUTURE' | 'COMPETITOR_OBSERVATION_TAKEN';

/** A refusal of the Competitor decider. */
export type CompetitorError = DomainError<CompetitorErrorCode>;

/** A refusal as a decision. */
export const refuse = (
  code: CompetitorErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<CompetitorError, never> => left(domainError(code, message, details));
