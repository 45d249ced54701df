import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { DISCOUNT_LIMIT_BP, isManager, managesRegion } from '../../shared/actors.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { ApproveDiscountCommand } from '../commands.js';
import { refuse, requireStatus } from '../errors.js';
import type { OrderEvent } from '../events.js';
import { maxEffectiveDiscountBp } from '../price-control.js';
import { plainLines, type OrderState } from '../state.js';

const NOTHING_PENDING = 'ORDER_NO_APPROVAL_PENDING' as const;

/** A manager of the order's region whose discount limit covers the highest line discount approves it. */
export function approveDiscount(
  command: ApproveDiscountCommand,
  state: OrderState,
): Either<DomainError, readonly OrderEvent[]> {
  const order = requireStatus(state, 'approve the discount of', ['awaiting_approval'], {
    placed: NOTHING_PENDING,
    confirmed: NOTHING_PENDING,
    partially_shipped: NOTHING_PENDING,
    shipped: NOTHING_PENDING,
  });
  if (isLeft(order)) return order;
  const { actor, occurredAt } = command.metadata;
  if (!isManager(actor) || !managesRegion(actor, order.right.region)) {
    return refuse('ORDER_NOT_AUTHORIZED', 'only a manager of the order region approves discounts', {
      actorId: actor.id,
      role: actor.role,
    });
  }
  const required = maxEffectiveDiscountBp(plainLines(order.right.lines), order.right.agreedPrices);
  const limit = DISCOUNT_LIMIT_BP[actor.role];
  if (limit < required) {
    return refuse(
      'ORDER_APPROVER_LIMIT_TOO_LOW',
      `a ${actor.role} approves discounts up to ${limit} bp; this order has ${required} bp`,
      {
        approverLimitBp: limit,
        requiredBp: required,
      },
    );
  }
  return right([
    {
      type: 'OrderDiscountApproved',
      data: {
        orderId: order.right.orderId,
        approvedBy: actor.id,
        approverRole: actor.role,
        approverLimitBp: limit,
        approvedDiscountBp: required,
        approvedAt: occurredAt,
        revision: order.right.revision,
      },
    },
  ]);
}
