import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { checkActor, type AccessError, type WithAccess } from '../shared/access.js';
import type { Role } from '../shared/actors.js';
import { refuse, type ProductError } from './errors.js';
import type { ProductCommand } from './commands.js';

/** Who keeps the catalogue and its costs: the sales manager and the market analysts (pricing strategy), and imports. */
export const CATALOGUE_ROLES: readonly Role[] = ['sales_manager', 'market_analyst', 'system'];

/**
 * The access rules of a Product command, before any state: the token agrees with the register, and the role keeps
 * the catalogue. The catalogue is the whole company's, so there is no region or rep scope to check.
 */
export function productAccess(command: WithAccess<ProductCommand>): Either<AccessError | ProductError, true> {
  const registered = checkActor(command.metadata.actor, command.access);
  if (isLeft(registered)) return registered;
  const { actor } = command.metadata;
  return CATALOGUE_ROLES.includes(actor.role)
    ? right(true)
    : refuse('PRODUCT_NOT_AUTHORIZED', `a ${actor.role} may not change the product catalogue`, { role: actor.role });
}
