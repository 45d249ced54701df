import { left, type Either } from 'fp-ts/lib/Either.js';
import { domainError, type DomainError } from '../shared/domain-error.js';

/** Stable codes of the ImprovementAction decider's refusals. */
export type ImprovementActionErrorCode =
  'ACTION_NOT_AUTHORIZED' | 'ACTION_NOT_FOUND' | 'ACTION_ALREADY_OPENED' | 'ACTION_TRANSITION_NOT_ALLOWED';

/** A refusal of the ImprovementAction decider. */
export type ImprovementActionError = DomainError<ImprovementActionErrorCode>;

/** A refusal as a decision. */
export const refuse = (
  code: ImprovementActionErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<ImprovementActionError, never> => left(domainError(code, message, details));
