import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import {
  checkAccess,
  checkNamedRep,
  type AccessError,
  type AccessFacts,
  type RecordScope,
  type WithAccess,
} from '../shared/access.js';
import type { ActorId, RegionId } from '../shared/ids.js';
import type { TargetCommand, TargetPart } from './commands.js';
import type { TargetState } from './state.js';

/** Whose record the command touches: the target's rep (rep targets) and region; for a new target, those it names. */
function recordOf(command: TargetCommand, state: TargetState): RecordScope | null {
  if (state.status !== 'none')
    return { ...(state.scope === 'rep' ? { repId: state.scopeId as ActorId } : {}), region: state.region };
  if (command.type === 'SplitSalesTarget') return { region: command.data.region };
  if (command.type !== 'SetSalesTarget') return null;
  const { scope, scopeId, region } = command.data;
  return scope === 'rep'
    ? { repId: scopeId as ActorId, region: region ?? (scopeId as RegionId) }
    : { region: scopeId as RegionId };
}

/** Every rep a split names is an active rep of the split's region on the register. */
function checkParts(parts: readonly TargetPart[], region: RegionId, access: AccessFacts): Either<AccessError, true> {
  for (const { repId } of parts) {
    const named = checkNamedRep(repId, region, { actor: access.actor, rep: access.reps?.[repId] ?? null });
    if (isLeft(named)) return named;
  }
  return right(true);
}

/**
 * The access rules of a Target command, before any state check: the token agrees with the register, the
 * target's region is in the actor's scope, and a new rep target names an active rep of that region.
 */
export function targetAccess(command: WithAccess<TargetCommand>, state: TargetState): Either<AccessError, true> {
  const record = recordOf(command, state);
  const allowed = checkAccess(command.metadata.actor, command.access, record);
  if (isLeft(allowed)) return allowed;
  if (command.type === 'SplitSalesTarget') return checkParts(command.data.parts, command.data.region, command.access);
  if (command.type !== 'SetSalesTarget' || state.status !== 'none' || record?.repId === undefined) return allowed;
  return checkNamedRep(record.repId, record.region, command.access);
}
