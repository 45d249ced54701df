import { left, type Either } from 'fp-ts/lib/Either.js';

/**
 * A business-rule failure. `code` is stable across releases so clients can switch on it;
 * `message` is for people; `details` carries the numbers behind the refusal.
 */
export interface DomainError<C extends string = string> {
  readonly code: C;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Builds a {@link DomainError}. */
export const domainError = <C extends string>(
  code: C,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): DomainError<C> => (details === undefined ? { code, message } : { code, message, details });

/** A failed decision: `left(domainError(...))` in one call. */
export const reject = <C extends string>(
  code: C,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<DomainError<C>, never> => left(domainError(code, message, details));
