import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { ConfirmOrderCommand } from '../commands.js';
import { checkCredit, requireActiveCustomer } from '../customer-checks.js';
import { authorize, requireStatus } from '../errors.js';
import type { OrderEvent } from '../events.js';
import { orderTotal } from '../order-line.js';
import { plainLines, type OrderState } from '../state.js';

/**
 * Confirms (books) the order once its discounts are covered, the customer is active and the credit
 * limit holds; the rep and region on the order are fixed from here on.
 */
export function confirmOrder(
  command: ConfirmOrderCommand,
  state: OrderState,
): Either<DomainError, readonly OrderEvent[]> {
  const order = requireStatus(state, 'confirm', ['placed'], {
    awaiting_approval: 'ORDER_DISCOUNT_NOT_APPROVED',
    partially_shipped: 'ORDER_ALREADY_CONFIRMED',
    shipped: 'ORDER_ALREADY_CONFIRMED',
  });
  if (isLeft(order)) return order;
  const o = order.right;
  const allowed = authorize(command.metadata.actor, o.repId, o.region);
  if (isLeft(allowed)) return allowed;
  const customer = requireActiveCustomer(command.inputs.customer, o.customerId);
  if (isLeft(customer)) return customer;
  const total = orderTotal(o.lines);
  const credit = checkCredit(customer.right, o.currency, total);
  if (isLeft(credit)) return credit;
  const { orderId, customerId, repId, region, currency, promisedDeliveryDate, paymentTerms, revision } = o;
  return right([
    {
      type: 'OrderConfirmed',
      data: {
        orderId,
        customerId,
        repId,
        region,
        currency,
        segment: customer.right.segment,
        lines: plainLines(o.lines),
        bookedTotal: total,
        promisedDeliveryDate,
        paymentTerms,
        creditCheck: credit.right,
        confirmedAt: command.metadata.occurredAt,
        revision,
      },
    },
  ]);
}
