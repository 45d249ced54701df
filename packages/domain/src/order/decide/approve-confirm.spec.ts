import { deciderSpec } from '../../testing/decider-spec.js';
import { registeredOrderDecider as orderDecider } from '../testing.js';
import type { OrderEvent } from '../events.js';
import {
  approveDiscount,
  at,
  CNY,
  confirmOrder,
  customer,
  eastManager,
  line,
  line2,
  orderConfirmed,
  orderPlaced,
  orderShipped,
  otherRep,
  rep,
  salesManager,
  westManager,
} from '../testing.js';
import { Currency } from '../../shared/money.js';

const given = deciderSpec(orderDecider);
const discounted = (bp: number) => [line({ discountBp: bp }), line2()];
const awaiting = (bp: number): OrderEvent =>
  orderPlaced(discounted(bp), { total: 11_000 - bp, maxDiscountBp: bp, approvalRequired: true });
const approved = (by = salesManager, bp = 2_000, limit = 10_000): OrderEvent => ({
  type: 'OrderDiscountApproved',
  data: {
    orderId: orderPlaced().data.orderId,
    approvedBy: by.id,
    approverRole: by.role,
    approverLimitBp: limit,
    approvedDiscountBp: bp,
    approvedAt: at(2),
    revision: 1,
  },
});

describe('ApproveDiscount', () => {
  it('a manager whose limit covers the highest line discount approves it', () => {
    given([awaiting(2_000)])
      .when(approveDiscount(salesManager))
      .then([approved()]);
    given([awaiting(2_000)])
      .when(approveDiscount(eastManager))
      .then([approved(eastManager, 2_000, 2_500)]);
  });

  it('refuses an approver whose limit is too low', () => {
    given([awaiting(3_000)])
      .when(approveDiscount(eastManager))
      .then('ORDER_APPROVER_LIMIT_TOO_LOW');
  });

  it('refuses a rep, and a regional manager of another region', () => {
    given([awaiting(500)])
      .when(approveDiscount(rep))
      .then('ORDER_NOT_AUTHORIZED');
    given([awaiting(2_000)])
      .when(approveDiscount(westManager))
      .then('FORBIDDEN_SCOPE');
  });

  it('refuses when nothing awaits approval', () => {
    given([]).when(approveDiscount()).then('ORDER_NOT_FOUND');
    given([orderPlaced()]).when(approveDiscount()).then('ORDER_NO_APPROVAL_PENDING');
    given([awaiting(2_000), approved()])
      .when(approveDiscount())
      .then('ORDER_NO_APPROVAL_PENDING');
  });
});

describe('ConfirmOrder', () => {
  it('books the order with rep, region, customer segment, lines and total', () => {
    given([orderPlaced()]).when(confirmOrder()).then([orderConfirmed()]);
  });

  it('cannot confirm while a discount awaits approval, and can once approved', () => {
    given([awaiting(2_000)])
      .when(confirmOrder())
      .then('ORDER_DISCOUNT_NOT_APPROVED');
    const [event] = given([awaiting(2_000), approved()])
      .when(confirmOrder())
      .then([orderConfirmed(discounted(2_000), 9_000)]);
    expect(event?.type).toBe('OrderConfirmed');
  });

  it('takes the segment from the customer snapshot', () => {
    const [event] = given([orderPlaced()])
      .when(confirmOrder(customer({ segment: 'enterprise' })))
      .then([{ ...orderConfirmed(), data: { ...orderConfirmed().data, segment: 'enterprise' } }]);
    expect(event?.type).toBe('OrderConfirmed');
  });

  it('refuses an unknown or deactivated customer', () => {
    given([orderPlaced()]).when(confirmOrder(null)).then('ORDER_CUSTOMER_NOT_FOUND');
    given([orderPlaced()])
      .when(confirmOrder(customer({ status: 'deactivated' })))
      .then('ORDER_CUSTOMER_INACTIVE');
  });

  describe('credit limit', () => {
    const limit = (amount: number, currency = CNY) => ({ amount, currency });

    it('accepts open receivables plus the order total up to the limit', () => {
      const [event] = given([orderPlaced()])
        .when(confirmOrder(customer({ creditLimit: limit(20_000), openReceivables: 9_000 })))
        .then([
          {
            ...orderConfirmed(),
            data: {
              ...orderConfirmed().data,
              creditCheck: { creditLimit: limit(20_000), openReceivables: 9_000, orderTotal: 11_000 },
            },
          },
        ]);
      expect(event?.type).toBe('OrderConfirmed');
    });

    it('refuses when open receivables plus the order total exceed the limit', () => {
      const error = given([orderPlaced()])
        .when(confirmOrder(customer({ creditLimit: limit(20_000), openReceivables: 9_001 })))
        .thenError('ORDER_CREDIT_LIMIT_EXCEEDED');
      expect(error.details).toMatchObject({ exceededBy: 1, openReceivables: 9_001, orderTotal: 11_000 });
    });

    it('refuses a limit in another currency rather than compare across currencies', () => {
      given([orderPlaced()])
        .when(confirmOrder(customer({ creditLimit: limit(1_000_000, Currency.parse('USD')) })))
        .then('ORDER_CREDIT_CURRENCY_MISMATCH');
    });
  });

  it('refuses other reps and confirms only once', () => {
    given([orderPlaced()]).when(confirmOrder(customer(), otherRep)).then('FORBIDDEN_SCOPE');
    given([orderPlaced(), orderConfirmed()]).when(confirmOrder()).then('ORDER_ALREADY_CONFIRMED');
    given([orderPlaced(), orderConfirmed(), orderShipped({ l1: 1 })])
      .when(confirmOrder())
      .then('ORDER_ALREADY_CONFIRMED');
    given([orderPlaced(), orderConfirmed(), orderShipped({ l1: 10, l2: 5 })])
      .when(confirmOrder())
      .then('ORDER_ALREADY_CONFIRMED');
    given([]).when(confirmOrder()).then('FORBIDDEN_SCOPE');
  });
});
