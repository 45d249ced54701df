import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { CustomerId } from '../shared/ids.js';
import type { Currency } from '../shared/money.js';
import type { CustomerSnapshot } from './customer-snapshot.js';
import { orderError, type OrderError } from './errors.js';
import type { CreditCheck } from './events.js';

/** The customer, when it exists and is active (no new orders for a deactivated customer). */
export function requireActiveCustomer(
  customer: CustomerSnapshot | null,
  customerId: CustomerId,
): Either<OrderError, CustomerSnapshot> {
  if (customer === null)
    return left(orderError('ORDER_CUSTOMER_NOT_FOUND', `customer ${customerId} does not exist`, { customerId }));
  if (customer.status !== 'active') {
    return left(orderError('ORDER_CUSTOMER_INACTIVE', `customer ${customerId} is deactivated`, { customerId }));
  }
  return right(customer);
}

/**
 * Open receivables plus this order's total must stay within the customer's credit limit, if it has one.
 * A limit in another currency cannot be compared (there is no conversion), so it refuses rather than guess.
 */
export function checkCredit(
  customer: CustomerSnapshot,
  currency: Currency,
  orderTotal: number,
): Either<OrderError, CreditCheck> {
  const { creditLimit, openReceivables } = customer;
  if (creditLimit === undefined) return right({ creditLimit: null, openReceivables, orderTotal });
  if (creditLimit.currency !== currency) {
    return left(
      orderError(
        'ORDER_CREDIT_CURRENCY_MISMATCH',
        `the credit limit is in ${creditLimit.currency}, the order in ${currency}`,
        {
          creditLimit,
          currency,
        },
      ),
    );
  }
  const exposure = openReceivables + orderTotal;
  if (exposure > creditLimit.amount) {
    return left(
      orderError(
        'ORDER_CREDIT_LIMIT_EXCEEDED',
        `open receivables ${openReceivables} plus this order ${orderTotal} exceed the credit limit ${creditLimit.amount}`,
        {
          creditLimit,
          openReceivables,
          orderTotal,
          exceededBy: exposure - creditLimit.amount,
        },
      ),
    );
  }
  return right({ creditLimit, openReceivables, orderTotal });
}
