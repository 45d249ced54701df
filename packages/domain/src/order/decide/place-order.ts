import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { DISCOUNT_LIMIT_BP } from '../../shared/actors.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { PlaceOrderCommand } from '../commands.js';
import { requireActiveCustomer } from '../customer-checks.js';
import { placementRegion } from '../access.js';
import { authorize, refuse } from '../errors.js';
import type { OrderEvent } from '../events.js';
import { priceLines } from '../list-pricing.js';
import { orderTotal } from '../order-line.js';
import { agreedAtPlacement, maxEffectiveDiscountBp } from '../price-control.js';
import type { OrderState } from '../state.js';

/**
 * Places an order. The region defaults to the customer's home region (the access rules have already
 * checked that the customer and the order's rep are in the actor's scope). Lines without a price take the list price
 * after promotion; a price below that counts as discount. Discounts above the placing actor's limit leave it awaiting approval.
 * Credit is checked at confirmation, when the order is booked.
 */
export function placeOrder(command: PlaceOrderCommand, state: OrderState): Either<DomainError, readonly OrderEvent[]> {
  if (state.status !== 'none')
    return refuse('ORDER_ALREADY_PLACED', `order ${command.data.orderId} already exists`, {
      orderId: command.data.orderId,
    });
  const { data, metadata, inputs } = command;
  const customer = requireActiveCustomer(inputs.customer, data.customerId);
  if (isLeft(customer)) return customer;
  const region = placementRegion(command) ?? customer.right.homeRegion;
  const allowed = authorize(metadata.actor, data.repId, region);
  if (isLeft(allowed)) return allowed;
  const lines = priceLines(
    data.lines,
    { customerId: data.customerId, region, currency: data.currency },
    inputs.pricing,
  );
  if (isLeft(lines)) return lines;
  const limit = DISCOUNT_LIMIT_BP[metadata.actor.role];
  const maxBp = maxEffectiveDiscountBp(lines.right, agreedAtPlacement(lines.right));
  return right([
    {
      type: 'OrderPlaced',
      data: {
        orderId: data.orderId,
        customerId: data.customerId,
        repId: data.repId,
        region,
        currency: data.currency,
        lines: lines.right,
        promisedDeliveryDate: data.promisedDeliveryDate,
        paymentTerms: data.paymentTerms,
        total: orderTotal(lines.right),
        maxDiscountBp: maxBp,
        discountLimitBp: limit,
        approvalRequired: maxBp > limit,
        placedAt: metadata.occurredAt,
        revision: 1,
      },
    },
  ]);
}
