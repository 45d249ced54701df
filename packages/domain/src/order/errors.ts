import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { SALES_ROLES } from '../roles.js';
import type { Actor } from '../shared/actors.js';
import { managesRegion } from '../shared/actors.js';
import { domainError, type DomainError } from '../shared/domain-error.js';
import type { ActorId, RegionId } from '../shared/ids.js';
import { dateWindow, utcDate } from '../shared/time.js';
import type { Order, OrderState, OrderStatus } from './state.js';

/** Stable codes of the Order decider's refusals. */
export type OrderErrorCode =
  | 'ORDER_NOT_FOUND'
  | 'ORDER_ALREADY_PLACED'
  | 'ORDER_NOT_AUTHORIZED'
  | 'ORDER_REGION_REQUIRED'
  | 'ORDER_CUSTOMER_NOT_FOUND'
  | 'ORDER_CUSTOMER_INACTIVE'
  | 'ORDER_CREDIT_LIMIT_EXCEEDED'
  | 'ORDER_CREDIT_CURRENCY_MISMATCH'
  | 'ORDER_DISCOUNT_NOT_APPROVED'
  | 'ORDER_NO_APPROVAL_PENDING'
  | 'ORDER_APPROVER_LIMIT_TOO_LOW'
  | 'ORDER_DISCOUNT_ABOVE_LIMIT'
  | 'ORDER_NOT_CONFIRMED'
  | 'ORDER_ALREADY_CONFIRMED'
  | 'ORDER_NOT_SHIPPED'
  | 'ORDER_ALREADY_SHIPPED'
  | 'ORDER_FULLY_SHIPPED'
  | 'ORDER_ALREADY_DELIVERED'
  | 'ORDER_ALREADY_CANCELLED'
  | 'ORDER_ALREADY_CLOSED'
  | 'ORDER_AMENDMENT_EMPTY'
  | 'ORDER_AMENDMENT_BELOW_SHIPPED'
  | 'ORDER_LINE_SKU_FIXED'
  | 'ORDER_LINE_NOT_FOUND'
  | 'ORDER_SHIPMENT_EXCEEDS_ORDERED'
  | 'ORDER_SHIPMENT_ID_REUSED'
  | 'ORDER_DELIVERY_BEFORE_SHIPMENT'
  | 'ORDER_DATE_BEFORE_PLACEMENT'
  | 'ORDER_DATE_IN_FUTURE'
  | 'ORDER_NO_LIST_PRICE'
  | 'ORDER_TOTAL_TOO_LARGE'
  | 'ORDER_PROMOTION_BUDGET_EXCEEDED';

/** A refusal of the Order decider. */
export type OrderError = DomainError<OrderErrorCode>;

/** Builds a refusal with an Order error code. */
export const orderError = (
  code: OrderErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): OrderError => domainError(code, message, details);

const DEFAULT_REFUSAL: Readonly<Record<OrderStatus, OrderErrorCode>> = {
  placed: 'ORDER_NOT_CONFIRMED',
  awaiting_approval: 'ORDER_NOT_CONFIRMED',
  confirmed: 'ORDER_ALREADY_CONFIRMED',
  partially_shipped: 'ORDER_ALREADY_SHIPPED',
  shipped: 'ORDER_FULLY_SHIPPED',
  delivered: 'ORDER_ALREADY_DELIVERED',
  cancelled: 'ORDER_ALREADY_CANCELLED',
  closed: 'ORDER_ALREADY_CLOSED',
};

/**
 * The order, when it exists and its status is one of `allowed`; otherwise the refusal that fits its
 * status (`overrides` first, then a default per status).
 */
export function requireStatus(
  state: OrderState,
  action: string,
  allowed: readonly OrderStatus[],
  overrides: Partial<Record<OrderStatus, OrderErrorCode>> = {},
): Either<OrderError, Order> {
  if (state.status === 'none') return left(orderError('ORDER_NOT_FOUND', `there is no such order to ${action}`));
  if (allowed.includes(state.status)) return right(state);
  const code = overrides[state.status] ?? DEFAULT_REFUSAL[state.status];
  return left(
    orderError(code, `cannot ${action} an order that is ${state.status.replace('_', ' ')}`, {
      orderId: state.orderId,
      status: state.status,
    }),
  );
}

/**
 * Who may act on an order: a rep on their own orders, a regional manager in their region,
 * a sales manager or the system anywhere. Analysts, finance and auditors change no orders.
 */
export function authorize(actor: Actor, repId: ActorId, region: RegionId): Either<OrderError, true> {
  const allowed =
    SALES_ROLES.includes(actor.role) &&
    (actor.role !== 'sales_rep' || actor.id === repId) &&
    (actor.role !== 'regional_manager' || managesRegion(actor, region));
  return allowed
    ? right(true)
    : left(
        orderError('ORDER_NOT_AUTHORIZED', `a ${actor.role} may not act on this order`, {
          actorId: actor.id,
          role: actor.role,
          repId,
          region,
        }),
      );
}

/** `reject` restricted to Order error codes. */
export const refuse = (
  code: OrderErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<OrderError, never> => left(orderError(code, message, details));

/** A shipment or delivery date: not before the order was placed, not after today (each within a day's tolerance). */
export function checkFulfilmentDate(
  field: string,
  date: string,
  order: Pick<Order, 'placedAt'>,
  now: string,
): Either<OrderError, true> {
  const where = dateWindow(date, utcDate(order.placedAt), now);
  if (where === 'before')
    return left(
      orderError('ORDER_DATE_BEFORE_PLACEMENT', `${field} ${date} is before the order was placed`, {
        field,
        date,
        placedAt: order.placedAt,
      }),
    );
  if (where === 'future')
    return left(orderError('ORDER_DATE_IN_FUTURE', `${field} ${date} is in the future`, { field, date }));
  return right(true);
}
