import type { OrderConfirmed, OrderDelivered, OrderEvent } from '../order/events.js';
import type { PaymentTerms } from '../order/payment-terms.js';
import type { OpenReceivableCommand } from '../receivable/commands.js';
import type { Installment } from '../receivable/vocabulary.js';
import type { Actor } from '../shared/actors.js';
import type { ActorId, ReceivableId } from '../shared/ids.js';
import type { OrderId } from '../shared/ids.js';
import { allocate } from '../shared/money.js';
import { addDays, type IsoDate, type IsoDateTime } from '../shared/time.js';

/** The actor policies act as. */
export const POLICY_ACTOR: Actor = { id: 'policy.order-to-receivable' as ActorId, role: 'system' };

/** One receivable per order, with the order's id: opening it twice is refused, so the policy is idempotent. */
export const receivableIdForOrder = (orderId: OrderId): ReceivableId => orderId as string as ReceivableId;

/** What the policy needs besides the event: its business time, and how an instant maps to a business date. */
export interface PolicyContext {
  readonly occurredAt: IsoDateTime;
  /** The business date of an instant in the configured business time zone. */
  readonly businessDateOf: (instant: IsoDateTime) => IsoDate;
}

type Invoiced = Pick<OrderConfirmed, 'orderId' | 'customerId' | 'repId' | 'region' | 'currency' | 'paymentTerms'>;

/** The schedule of an invoice issued on `issueDate` under `terms`; installments always add up to `total`. */
export function scheduleFor(terms: PaymentTerms, issueDate: IsoDate, total: number): Installment[] {
  switch (terms.kind) {
    case 'advance':
      return [{ installmentNo: 1, dueDate: issueDate, amount: total }];
    case 'net':
      return [{ installmentNo: 1, dueDate: addDays(issueDate, terms.days), amount: total }];
    case 'installments': {
      const amounts = allocate(
        total,
        terms.plan.map((part) => part.shareBp),
      );
      return terms.plan.map((part, index) => ({
        installmentNo: index + 1,
        dueDate: addDays(issueDate, part.dueInDays),
        amount: amounts[index] ?? 0,
      }));
    }
  }
}

function openReceivable(
  order: Invoiced,
  total: number,
  issueDate: IsoDate,
  context: PolicyContext,
): OpenReceivableCommand[] {
  // A free order (every line at price 0 or fully discounted) has nothing to collect.
  if (total <= 0) return [];
  const installments = scheduleFor(order.paymentTerms, issueDate, total);
  const dueDate = installments[installments.length - 1]?.dueDate ?? issueDate;
  return [
    {
      type: 'OpenReceivable',
      data: {
        receivableId: receivableIdForOrder(order.orderId),
        orderId: order.orderId,
        customerId: order.customerId,
        repId: order.repId,
        region: order.region,
        amount: { amount: total, currency: order.currency },
        issueDate,
        dueDate,
        installments,
      },
      metadata: { actor: POLICY_ACTOR, occurredAt: context.occurredAt },
    },
  ];
}

/**
 * The order -> receivable policy (docs/domain-rules.md): events in, commands out, no state.
 * Payment in advance is invoiced when the order is confirmed, for the booked total; net and installment
 * terms when delivery is confirmed, for the total then in force (amendments and short closes before
 * invoicing are already in it). A cancelled order was never delivered, so it is never invoiced.
 */
export function orderToReceivable(event: OrderEvent, context: PolicyContext): readonly OpenReceivableCommand[] {
  switch (event.type) {
    case 'OrderConfirmed':
      return event.data.paymentTerms.kind === 'advance'
        ? openReceivable(event.data, event.data.bookedTotal, context.businessDateOf(event.data.confirmedAt), context)
        : [];
    case 'OrderDelivered':
      return deliveredInvoice(event.data, context);
    default:
      return [];
  }
}

const deliveredInvoice = (delivered: OrderDelivered, context: PolicyContext): OpenReceivableCommand[] =>
  delivered.paymentTerms.kind === 'advance'
    ? []
    : openReceivable(delivered, delivered.total, delivered.deliveredOn, context);
