import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { DISCOUNT_LIMIT_BP } from '../../shared/actors.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { AmendOrderCommand } from '../commands.js';
import { authorize, orderError, refuse, requireStatus, type OrderError } from '../errors.js';
import type { OrderEvent } from '../events.js';
import { priceLines } from '../list-pricing.js';
import { orderTotal, type OrderLine } from '../order-line.js';
import { agreedAfter, maxEffectiveDiscountBp } from '../price-control.js';
import { plainLines, type Order, type OrderLineState, type OrderState } from '../state.js';

/** A shipped line stays, keeps its sku and is never amended below what already shipped. */
function checkShipped(before: readonly OrderLineState[], after: readonly OrderLine[]): Either<OrderError, true> {
  for (const line of before.filter((l) => l.shipped > 0)) {
    const next = after.find((l) => l.lineId === line.lineId);
    if (next === undefined || next.quantity < line.shipped) {
      const details = { lineId: line.lineId, shipped: line.shipped, requested: next?.quantity ?? 0 };
      return left(
        orderError('ORDER_AMENDMENT_BELOW_SHIPPED', `line ${line.lineId} already shipped ${line.shipped}`, details),
      );
    }
    if (next.sku !== line.sku) {
      return left(
        orderError('ORDER_LINE_SKU_FIXED', `line ${line.lineId} has shipped ${line.sku}; add a new line instead`, {
          lineId: line.lineId,
        }),
      );
    }
  }
  return right(true);
}

const sameLines = (a: readonly OrderLine[], b: readonly OrderLine[]): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** Price control: a price below the agreed one counts as discount, against the same limits. */
const approvalNeeded = (
  order: Order,
  before: readonly OrderLine[],
  lines: readonly OrderLine[],
  limitBp: number,
): boolean =>
  maxEffectiveDiscountBp(lines, agreedAfter(order.agreedPrices, before, lines)) >
  Math.max(order.discountCoveredBp, limitBp);

/**
 * Amends lines and/or the promised date before full shipment into a new revision, recording before and
 * after. Before confirmation a discount above what is covered sends the order back for approval; after
 * confirmation only someone whose limit covers it may amend it.
 */
export function amendOrder(command: AmendOrderCommand, state: OrderState): Either<DomainError, readonly OrderEvent[]> {
  const order = requireStatus(state, 'amend', ['placed', 'awaiting_approval', 'confirmed', 'partially_shipped']);
  if (isLeft(order)) return order;
  const o = order.right;
  const { data, metadata } = command;
  const allowed = authorize(metadata.actor, o.repId, o.region);
  if (isLeft(allowed)) return allowed;
  const linesBefore = plainLines(o.lines);
  const priced =
    data.lines === undefined ? right(linesBefore) : priceLines(data.lines, o, command.inputs?.pricing, linesBefore);
  if (isLeft(priced)) return priced;
  const linesAfter = priced.right;
  const dateAfter = data.promisedDeliveryDate ?? o.promisedDeliveryDate;
  if (sameLines(linesBefore, linesAfter) && dateAfter === o.promisedDeliveryDate) {
    return refuse('ORDER_AMENDMENT_EMPTY', 'the amendment changes nothing', { orderId: o.orderId });
  }
  const shipped = checkShipped(o.lines, linesAfter);
  if (isLeft(shipped)) return shipped;
  const approvalRequired = approvalNeeded(o, linesBefore, linesAfter, DISCOUNT_LIMIT_BP[metadata.actor.role]);
  if (approvalRequired && o.confirmed) {
    return refuse(
      'ORDER_DISCOUNT_ABOVE_LIMIT',
      'a confirmed order takes discounts above your limit only from a manager who may grant them',
      {
        maxDiscountBp: maxEffectiveDiscountBp(linesAfter, agreedAfter(o.agreedPrices, linesBefore, linesAfter)),
        limitBp: DISCOUNT_LIMIT_BP[metadata.actor.role],
      },
    );
  }
  const totalBefore = orderTotal(linesBefore);
  const totalAfter = orderTotal(linesAfter);
  const { orderId, customerId, repId, region, currency } = o;
  return right([
    {
      type: 'OrderAmended',
      data: {
        ...{ orderId, customerId, repId, region, currency },
        revision: o.revision + 1,
        linesBefore,
        linesAfter,
        promisedDeliveryDateBefore: o.promisedDeliveryDate,
        promisedDeliveryDateAfter: dateAfter,
        totalBefore,
        totalAfter,
        bookedDelta: o.confirmed ? totalAfter - totalBefore : 0,
        approvalRequired,
        reason: data.reason,
        customerConfirmationRef: data.customerConfirmationRef,
        amendedAt: metadata.occurredAt,
      },
    },
  ]);
}
