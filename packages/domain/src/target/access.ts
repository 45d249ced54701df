import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import { checkAccess, checkNamedRep, type AccessError, type RecordScope, type WithAccess } from '../shared/access.js';
import type { ActorId, RegionId } from '../shared/ids.js';
import type { TargetCommand } from './commands.js';
import type { TargetState } from './state.js';

/** Whose record the command touches: the target's rep (rep targets) and region; for a new target, those it names. */
function recordOf(command: TargetCommand, state: TargetState): RecordScope | null {
  if (state.status !== 'none')
    return { ...(state.scope === 'rep' ? { repId: state.scopeId as ActorId } : {}), region: state.region };
  if (command.type !== 'SetSalesTarget') return null;
  const { scope, scopeId, region } = command.data;
  return scope === 'rep'
    ? { repId: scopeId as ActorId, region: region ?? (scopeId as RegionId) }
    : { region: scopeId as RegionId };
}

/**
 * The access rules of a Target command, before any state check: the token agrees with the register, the
 * target's region is in the actor's scope, and a new rep target names an active rep of that region.
 */
export function targetAccess(command: WithAccess<TargetCommand>, state: TargetState): Either<AccessError, true> {
  const record = recordOf(command, state);
  const allowed = checkAccess(command.metadata.actor, command.access, record);
  if (isLeft(allowed) || command.type !== 'SetSalesTarget' || state.status !== 'none' || record?.repId === undefined)
    return allowed;
  return checkNamedRep(record.repId, record.region, command.access);
}
