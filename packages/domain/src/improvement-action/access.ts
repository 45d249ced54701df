import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { checkAccess, type AccessError, type RecordScope, type WithAccess } from '../shared/access.js';
import type { Role } from '../shared/actors.js';
import type { RegionId } from '../shared/ids.js';
import type { ImprovementActionCommand } from './commands.js';
import { refuse, type ImprovementActionError } from './errors.js';
import type { ImprovementActionState } from './state.js';

/** Who opens and moves actions on: the sales manager, a regional manager for their region, imports. */
export const ACTION_MANAGERS: readonly Role[] = ['sales_manager', 'regional_manager', 'system'];

/** A region's action is in that region's scope; a company-wide one (no region) is outside every regional scope. */
const scopeOf = (region: RegionId | undefined): RecordScope | null => (region === undefined ? null : { region });

function regionOf(command: ImprovementActionCommand, state: ImprovementActionState): RegionId | undefined {
  if (state.status !== 'none') return state.region;
  return command.type === 'OpenImprovementAction' ? command.data.region : undefined;
}

/**
 * The access rules of an ImprovementAction command, before any state check: the token agrees with the register, the
 * action is in the actor's scope (a regional manager: their region's; a rep: none), and the actor is a manager.
 */
export function improvementActionAccess(
  command: WithAccess<ImprovementActionCommand>,
  state: ImprovementActionState,
): Either<AccessError | ImprovementActionError, true> {
  const { actor } = command.metadata;
  const scoped = checkAccess(actor, command.access, scopeOf(regionOf(command, state)));
  if (isLeft(scoped)) return scoped;
  return ACTION_MANAGERS.includes(actor.role)
    ? right(true)
    : refuse('ACTION_NOT_AUTHORIZED', `a ${actor.role} may not open or move improvement actions`, {
        role: actor.role,
      });
}
