import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import {
  checkAccess,
  checkNamedRep,
  forbiddenScope,
  inScope,
  type AccessError,
  type RecordScope,
  type WithAccess,
} from '../shared/access.js';
import type { Role } from '../shared/actors.js';
import type { OpportunityCommand } from './commands.js';
import { refuse, type OpportunityError } from './errors.js';
import type { OpportunityState } from './state.js';

/** Who works opportunities: the people who sell (a rep their own customers', a regional manager their region's) and imports. */
export const OPPORTUNITY_ROLES: readonly Role[] = ['sales_manager', 'regional_manager', 'sales_rep', 'system'];

/** Whose record the command touches: an existing opportunity's rep and region; for a new one, its customer's owner and region. */
function recordOf(command: OpportunityCommand, state: OpportunityState): RecordScope | null {
  if (state.status !== 'none') return { repId: state.repId, region: state.region };
  if (command.type !== 'OpenOpportunity') return null;
  const customer = command.inputs.customer;
  return customer === null ? null : { repId: customer.ownerRep, region: customer.homeRegion };
}

/**
 * The access rules of an Opportunity command, before any state check, as an order's: the token agrees with the
 * register, the opportunity (a new one: its customer) is in the actor's scope, the role sells, and a new opportunity
 * is credited to an active rep of its region whom the actor may act for.
 */
export function opportunityAccess(
  command: WithAccess<OpportunityCommand>,
  state: OpportunityState,
): Either<AccessError | OpportunityError, true> {
  const { actor } = command.metadata;
  const allowed = checkAccess(actor, command.access, recordOf(command, state));
  if (isLeft(allowed)) return allowed;
  if (!OPPORTUNITY_ROLES.includes(actor.role))
    return refuse('OPPORTUNITY_NOT_AUTHORIZED', `a ${actor.role} may not work opportunities`, { role: actor.role });
  if (command.type !== 'OpenOpportunity' || state.status !== 'none' || command.inputs.customer === null)
    return right(true);
  const region = command.data.region ?? command.inputs.customer.homeRegion;
  if (!inScope(actor, { repId: command.data.repId, region })) return left(forbiddenScope());
  return checkNamedRep(command.data.repId, region, command.access);
}
