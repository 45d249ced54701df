import {
  ConfirmDelivery,
  PlaceOrder,
  RecordShipment,
  RecordPayment,
  RegisterCustomer,
  type Actor,
  type ActorId,
  type CustomerCommand,
  type CustomerSnapshot,
  type OrderCommand,
  type PaymentTerms,
  type ReceivableCommand,
} from '@salesbook/domain';
import { businessInstant } from '../support/business-time.js';
import type { CustomerDraft, OrderDraft } from './order-drafts.js';
import type { PaymentRow } from './payment-rows.js';
import type { PlannedCommand } from './stream-plan.js';

/** Who imports: the system role, as imports act (docs/domain-rules.md#roles). */
export const IMPORT_ACTOR: Actor = { id: 'salesbook-import' as ActorId, role: 'system' };

/**
 * orders.csv names no contact person, and RegisterCustomer requires one: the import records that it is
 * unknown rather than invent personal data. ChangeCustomerContact sets the real one later.
 */
export const UNKNOWN_CONTACT = {
  name: 'unknown (legacy import)',
  phone: '000000',
  email: 'unknown@legacy-import.invalid',
};

/** The correlation id every event of one imported order carries (its customer's registration has its own). */
export const orderCorrelation = (orderId: string): string => `import-order-${orderId}`;

const metadata = (date: string, zone: string) => ({ actor: IMPORT_ACTOR, occurredAt: businessInstant(date, zone) });

/** Issues of a schema check as one line. */
const issues = (error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string =>
  error.issues.map((issue) => `${issue.path.map(String).join('.') || 'row'}: ${issue.message}`).join('; ');

/** RegisterCustomer from the customer's first row, on the date of its earliest order. */
export function registerCustomer(customer: CustomerDraft, zone: string): PlannedCommand<CustomerCommand> | string {
  const { head } = customer;
  const data = RegisterCustomer.safeParse({
    customerId: head.customerId,
    companyName: head.customerName,
    contact: UNKNOWN_CONTACT,
    region: head.region,
    segment: head.segment,
    ownerRepId: head.repId,
  });
  if (!data.success) return issues(data.error);
  const id = `import-customer-${head.customerId}`;
  return {
    command: { type: 'RegisterCustomer', data: data.data, metadata: metadata(customer.firstOrderDate, zone) },
    commandId: id,
    correlationId: id,
  };
}

/**
 * The order's commands: placed and confirmed on its order date, shipped (every line in full) and delivered on
 * the given dates. Without a promised date the order is taken as delivered when promised: legacy data holds
 * no evidence of lateness.
 */
export function orderCommands(
  order: OrderDraft,
  customer: CustomerSnapshot,
  terms: PaymentTerms,
  zone: string,
): PlannedCommand<OrderCommand>[] | string {
  const { head, orderId } = order;
  const lines = order.lines.map((row, index) => ({
    lineId: `l${index + 1}`,
    sku: row.sku,
    description: row.productName,
    quantity: row.quantity,
    unitPrice: row.unitPrice,
    discountBp: row.discountBp,
  }));
  const place = PlaceOrder.safeParse({
    orderId,
    customerId: head.customerId,
    repId: head.repId,
    region: head.region,
    currency: head.currency,
    lines,
    promisedDeliveryDate: head.promisedDate ?? head.deliveredDate ?? head.shipDate ?? head.orderDate,
    paymentTerms: terms,
  });
  if (!place.success) return issues(place.error);
  const inputs = { customer };
  const planned = (command: OrderCommand, step: string): PlannedCommand<OrderCommand> => ({
    command,
    commandId: `import-order-${orderId}-${step}`,
    correlationId: orderCorrelation(orderId),
  });
  const { orderId: id } = place.data;
  const placed = metadata(head.orderDate, zone);
  const commands = [
    planned({ type: 'PlaceOrder', data: place.data, metadata: placed, inputs }, 'place'),
    planned({ type: 'ConfirmOrder', data: { orderId: id }, metadata: placed, inputs }, 'confirm'),
  ];
  if (head.shipDate !== undefined) {
    const shipped = RecordShipment.safeParse({
      orderId: id,
      shipmentId: 'import-1',
      shippedOn: head.shipDate,
      lines: place.data.lines.map(({ lineId, quantity }) => ({ lineId, quantity })),
    });
    if (!shipped.success) return issues(shipped.error);
    commands.push(
      planned({ type: 'RecordShipment', data: shipped.data, metadata: metadata(head.shipDate, zone) }, 'ship'),
    );
  }
  if (head.deliveredDate !== undefined) {
    const delivered = ConfirmDelivery.safeParse({ orderId: id, deliveredOn: head.deliveredDate });
    if (!delivered.success) return issues(delivered.error);
    commands.push(
      planned(
        { type: 'ConfirmDelivery', data: delivered.data, metadata: metadata(head.deliveredDate, zone) },
        'deliver',
      ),
    );
  }
  return commands;
}

/** RecordPayment on the order's receivable (the policy gives it the order's id); the method is not in the file. */
export function recordPayment(payment: PaymentRow, zone: string): PlannedCommand<ReceivableCommand> | string {
  const data = RecordPayment.safeParse({
    receivableId: payment.orderId,
    paymentId: payment.paymentId,
    amount: { amount: payment.amount, currency: payment.currency },
    receivedOn: payment.receivedDate,
    method: 'other',
  });
  if (!data.success) return issues(data.error);
  return {
    command: { type: 'RecordPayment', data: data.data, metadata: metadata(payment.receivedDate, zone) },
    commandId: `import-payment-${payment.orderId}-${payment.paymentId}`,
    correlationId: orderCorrelation(payment.orderId),
  };
}

/** Reads `--payment-terms`: `net:<days>` or `advance`. */
export function parsePaymentTerms(value: string): PaymentTerms | undefined {
  if (value === 'advance') return { kind: 'advance' };
  const net = /^net:(\d{1,4})$/.exec(value);
  return net?.[1] !== undefined && Number(net[1]) <= 3_650 ? { kind: 'net', days: Number(net[1]) } : undefined;
}
