import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { isManager, managesRegion, type Actor } from '../shared/actors.js';
import { domainError, type DomainError } from '../shared/domain-error.js';
import type { RegionId } from '../shared/ids.js';

/** Stable codes of the Target decider's refusals. */
export type TargetErrorCode =
  | 'TARGET_NOT_AUTHORIZED'
  | 'TARGET_ALREADY_SET'
  | 'TARGET_NOT_SET'
  | 'TARGET_SPLIT_REP_REPEATED'
  | 'TARGET_SPLIT_CURRENCY_MISMATCH'
  | 'TARGET_SPLIT_SUM_MISMATCH';

/** A refusal of the Target decider. */
export type TargetError = DomainError<TargetErrorCode>;

/** A Target refusal as the decider's Left. */
export const refuse = (
  code: TargetErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<TargetError, never> => left(domainError(code, message, details));

/** Managers only: a sales manager (or the system) for any region, a regional manager for their own. */
export function authorize(actor: Actor, region: RegionId): Either<TargetError, true> {
  return (isManager(actor) || actor.role === 'system') && managesRegion(actor, region)
    ? right(true)
    : refuse('TARGET_NOT_AUTHORIZED', `a ${actor.role} may not set targets for region ${region}`, {
        actorId: actor.id,
        role: actor.role,
        region,
      });
}
