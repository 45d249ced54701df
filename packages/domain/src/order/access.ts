import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import {
  checkAccess,
  checkNamedRep,
  inScope,
  forbiddenScope,
  type AccessError,
  type RecordScope,
  type WithAccess,
} from '../shared/access.js';
import { left } from 'fp-ts/lib/Either.js';
import type { RegionId } from '../shared/ids.js';
import type { OrderCommand, PlaceOrderCommand } from './commands.js';
import type { OrderState } from './state.js';

/** The region a new order counts towards: the one named, else the customer's home region. */
export const placementRegion = (command: PlaceOrderCommand): RegionId | undefined =>
  command.data.region ?? command.inputs.customer?.homeRegion;

/** Whose record the command touches: an existing order's rep and region; for a new order, its customer's owner and region. */
function recordOf(command: OrderCommand, state: OrderState): RecordScope | null {
  if (state.status !== 'none') return { repId: state.repId, region: state.region };
  if (command.type !== 'PlaceOrder') return null;
  const customer = command.inputs.customer;
  return customer === null ? null : { repId: customer.ownerRep, region: customer.homeRegion };
}

/**
 * The access rules of an Order command, before any state check: the token agrees with the register, the
 * order (or, for a new one, its customer) is in the actor's scope, and a new order is credited to an active
 * rep of its region whom the actor may act for.
 */
export function orderAccess(command: WithAccess<OrderCommand>, state: OrderState): Either<AccessError, true> {
  const allowed = checkAccess(command.metadata.actor, command.access, recordOf(command, state));
  if (isLeft(allowed) || command.type !== 'PlaceOrder' || state.status !== 'none') return allowed;
  const region = placementRegion(command);
  if (region === undefined) return right(true);
  if (!inScope(command.metadata.actor, { repId: command.data.repId, region })) return left(forbiddenScope());
  return checkNamedRep(command.data.repId, region, command.access);
}
