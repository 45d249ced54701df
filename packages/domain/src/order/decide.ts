import type { WithAccess } from '../shared/access.js';
import { postLateFacts, type WithPeriods } from '../period/late-facts.js';
import { orderAccess } from './access.js';
import type { Either } from 'fp-ts/lib/Either.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import type { OrderCommand } from './commands.js';
import { amendOrder } from './decide/amend-order.js';
import { approveDiscount } from './decide/approve-discount.js';
import { cancelOrder } from './decide/cancel-order.js';
import { closeOrder } from './decide/close-order.js';
import { confirmDelivery } from './decide/confirm-delivery.js';
import { confirmOrder } from './decide/confirm-order.js';
import { placeOrder } from './decide/place-order.js';
import { recordShipment } from './decide/record-shipment.js';
import type { OrderEvent } from './events.js';
import { evolve, initialState, type OrderState } from './state.js';

function decideCommand(
  command: WithAccess<OrderCommand>,
  state: OrderState,
): Either<DomainError, readonly OrderEvent[]> {
  const access = orderAccess(command, state);
  if (access._tag === 'Left') return access;
  switch (command.type) {
    case 'PlaceOrder':
      return placeOrder(command, state);
    case 'ApproveDiscount':
      return approveDiscount(command, state);
    case 'ConfirmOrder':
      return confirmOrder(command, state);
    case 'AmendOrder':
      return amendOrder(command, state);
    case 'RecordShipment':
      return recordShipment(command, state);
    case 'ConfirmDelivery':
      return confirmDelivery(command, state);
    case 'CancelOrder':
      return cancelOrder(command, state);
    case 'CloseOrder':
      return closeOrder(command, state);
    default:
      return assertNever(command);
  }
}

/** Decides an Order command against the order's state; a fact dated in a closed month counts on the day it is recorded. */
export function decide(
  command: WithAccess<WithPeriods<OrderCommand>>,
  state: OrderState,
): Either<DomainError, readonly OrderEvent[]> {
  return postLateFacts(decideCommand(command, state), command.periods);
}

/** The Order aggregate (stream `order-<id>`) as a decider. */
export const orderDecider: Decider<WithAccess<WithPeriods<OrderCommand>>, OrderEvent, OrderState> = {
  initialState,
  decide,
  evolve,
};
