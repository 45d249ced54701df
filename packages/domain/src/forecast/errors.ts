import { left, type Either } from 'fp-ts/lib/Either.js';
import { domainError, type DomainError } from '../shared/domain-error.js';

/** Stable codes of the Forecast decider's refusals. */
export type ForecastErrorCode =
  'FORECAST_NOT_AUTHORIZED' | 'FORECAST_REGION_REQUIRED' | 'FORECAST_MONTH_PAST' | 'FORECAST_NOT_SUBMITTED';

/** A refusal of the Forecast decider. */
export type ForecastError = DomainError<ForecastErrorCode>;

/** A refusal as a decision. */
export const refuse = (
  code: ForecastErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<ForecastError, never> => left(domainError(code, message, details));
