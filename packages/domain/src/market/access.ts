import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { checkActor, type AccessError, type WithAccess } from '../shared/access.js';
import type { Role } from '../shared/actors.js';
import type { Command } from '../shared/message.js';
import { refuse, type MarketError } from './errors.js';

/**
 * Who records market research (market size estimates and competitor prices): the market analysts, whose work it is,
 * the sales manager, who owns the department's market plan, and imports.
 */
export const MARKET_RESEARCH_ROLES: readonly Role[] = ['market_analyst', 'sales_manager', 'system'];

/**
 * The access rules of a market research command, before any state: the token agrees with the register and the role
 * records market research. The market is the whole company's view, so there is no region or rep scope.
 */
export function marketResearchAccess<E>(
  command: WithAccess<Command>,
  refusal: (role: Role) => Either<E, never>,
): Either<AccessError | E, true> {
  const { actor } = command.metadata;
  const registered = checkActor(actor, command.access);
  if (isLeft(registered)) return registered;
  return MARKET_RESEARCH_ROLES.includes(actor.role) ? right(true) : refusal(actor.role);
}

/** The Market decider's refusal of a role that does not record market research. */
export const marketRefusal = (role: Role): Either<MarketError, never> =>
  refuse('MARKET_NOT_AUTHORIZED', `a ${role} may not record market estimates`, { role });
