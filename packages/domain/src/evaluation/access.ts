import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { checkAccess, checkNamedRep, type AccessError, type WithAccess } from '../shared/access.js';
import { domainError } from '../shared/domain-error.js';
import type { RegionId } from '../shared/ids.js';
import type { EvaluationCommand, OpenEvaluationCommand } from './commands.js';
import type { EvaluationState } from './state.js';

/**
 * The access rules of a command on an evaluation, before any state check: the token agrees with the register and
 * the evaluated rep is in the actor's scope (a regional manager's region as it was at opening, a rep's own). One
 * that was never opened is outside every limited scope, so a refusal never tells whether it exists.
 */
export const evaluationAccess = (
  command: WithAccess<EvaluationCommand>,
  state: EvaluationState,
): Either<AccessError, true> =>
  checkAccess(
    command.metadata.actor,
    command.access,
    state.status === 'none' ? null : { repId: state.repId, region: state.region },
  );

/**
 * The access rules of opening a new evaluation: the rep, as the register knows them at the business date, is in
 * the actor's scope and an active sales rep. Answers the rep's region, which the evaluation keeps.
 */
export function newEvaluationAccess(command: WithAccess<OpenEvaluationCommand>): Either<AccessError, RegionId> {
  const { repId } = command.data;
  const region = command.access.rep?.region;
  const allowed = checkAccess(command.metadata.actor, command.access, region === undefined ? null : { repId, region });
  if (isLeft(allowed)) return allowed;
  if (region === undefined)
    return left(
      domainError('REP_NOT_REGISTERED', `${repId} is not an active sales rep on the sales team register at this date`, {
        repId,
      }),
    );
  const named = checkNamedRep(repId, region, command.access);
  return isLeft(named) ? named : right(region);
}
