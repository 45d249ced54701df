import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { checkAccess, type AccessError, type RecordScope, type WithAccess } from '../shared/access.js';
import type { Role } from '../shared/actors.js';
import type { PriceListAudience, PriceListCommand } from './commands.js';
import { refuse, type PriceListError } from './errors.js';
import type { PriceListState } from './state.js';

/** Who sets prices: the sales manager and market analysts for every list, a regional manager for their region's lists, and imports. */
export const PRICING_ROLES: readonly Role[] = ['sales_manager', 'regional_manager', 'market_analyst', 'system'];

/** A region list belongs to its region; every other list to the whole company (outside any regional scope). */
const scopeOf = (audience: PriceListAudience): RecordScope | null =>
  audience.level === 'region' ? { region: audience.region } : null;

/** The audience the command touches: the list's, or for a new list the one it names. */
function audienceOf(command: PriceListCommand, state: PriceListState): PriceListAudience | null {
  if (state.status !== 'none') return state.audience;
  return command.type === 'CreatePriceList' ? command.data.audience : null;
}

/**
 * The access rules of a PriceList command, before any state check: the token agrees with the register, the list is in
 * the actor's scope (a regional manager: a list of their own region; a list that does not exist is outside it), and the
 * role sets prices at all.
 */
export function priceListAccess(
  command: WithAccess<PriceListCommand>,
  state: PriceListState,
): Either<AccessError | PriceListError, true> {
  const audience = audienceOf(command, state);
  const { actor } = command.metadata;
  const scoped = checkAccess(actor, command.access, audience === null ? null : scopeOf(audience));
  if (isLeft(scoped)) return scoped;
  return PRICING_ROLES.includes(actor.role)
    ? right(true)
    : refuse('PRICELIST_NOT_AUTHORIZED', `a ${actor.role} may not set prices`, { role: actor.role });
}
