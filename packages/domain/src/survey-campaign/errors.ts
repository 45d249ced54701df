import { left, type Either } from 'fp-ts/lib/Either.js';
import { domainError, type DomainError } from '../shared/domain-error.js';

/** Stable codes of the SurveyCampaign decider's refusals. */
export type SurveyCampaignErrorCode =
  | 'CAMPAIGN_NOT_AUTHORIZED'
  | 'CAMPAIGN_NOT_FOUND'
  | 'CAMPAIGN_ALREADY_PLANNED'
  | 'CAMPAIGN_CLOSED'
  | 'CAMPAIGN_POPULATION_EMPTY'
  | 'CAMPAIGN_POPULATION_MISMATCH'
  | 'CAMPAIGN_INVITATION_NOT_FOUND'
  | 'CAMPAIGN_NOT_OPEN';

/** A refusal of the SurveyCampaign decider. */
export type SurveyCampaignError = DomainError<SurveyCampaignErrorCode>;

/** A refusal as a decision. */
export const refuse = (
  code: SurveyCampaignErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<SurveyCampaignError, never> => left(domainError(code, message, details));
