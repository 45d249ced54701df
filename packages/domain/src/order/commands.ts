import { z } from 'zod';
import { ActorId, CustomerId, LineId, OrderId, RegionId, ShipmentId } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { Currency } from '../shared/money.js';
import { BusinessDate } from '../shared/time.js';
import type { CustomerInputs } from './customer-snapshot.js';
import type { PricingFacts } from './list-pricing.js';
import { OrderLines } from './order-line.js';
import { PaymentTerms } from './payment-terms.js';

const Reason = z
  .string({ message: 'reason must be a text' })
  .trim()
  .min(1, 'reason must not be empty')
  .max(1_000, 'reason must be at most 1000 characters');

/** Place an order for a customer; `region` defaults to the acting rep's region. */
export const PlaceOrder = z
  .object({
    orderId: OrderId,
    customerId: CustomerId,
    repId: ActorId,
    region: RegionId.optional(),
    currency: Currency,
    lines: OrderLines,
    promisedDeliveryDate: BusinessDate,
    paymentTerms: PaymentTerms,
  })
  .strict();
export type PlaceOrder = z.infer<typeof PlaceOrder>;

/** A manager approves the line discounts that exceed the placing rep's limit. */
export const ApproveDiscount = z.object({ orderId: OrderId }).strict();
export type ApproveDiscount = z.infer<typeof ApproveDiscount>;

/** Confirm the order: it is booked, attributed to its rep and region, after the customer checks. */
export const ConfirmOrder = z.object({ orderId: OrderId }).strict();
export type ConfirmOrder = z.infer<typeof ConfirmOrder>;

/**
 * Amend an order: the complete new list of lines (matched by `lineId`) and/or a new promised date,
 * with the reason and the reference of the customer's confirmation of the change.
 */
export const AmendOrder = z
  .object({
    orderId: OrderId,
    lines: OrderLines.optional(),
    promisedDeliveryDate: BusinessDate.optional(),
    reason: Reason,
    customerConfirmationRef: z
      .string({ message: 'customerConfirmationRef must be a text' })
      .trim()
      .min(1, 'customerConfirmationRef must not be empty')
      .max(200, 'customerConfirmationRef must be at most 200 characters'),
  })
  .strict()
  .refine((data) => data.lines !== undefined || data.promisedDeliveryDate !== undefined, {
    message: 'an amendment changes lines or promisedDeliveryDate',
    path: ['lines'],
  });
export type AmendOrder = z.infer<typeof AmendOrder>;

/** Quantity of one line in a shipment. */
export const ShipmentLine = z
  .object({
    lineId: LineId,
    quantity: z
      .number({ message: 'quantity must be a number' })
      .int('quantity must be a whole number')
      .positive('quantity must be > 0'),
  })
  .strict();
export type ShipmentLine = z.infer<typeof ShipmentLine>;

/** Record a (possibly partial) shipment; a repeat with the same shipment id and content is a no-op. */
export const RecordShipment = z
  .object({
    orderId: OrderId,
    shipmentId: ShipmentId,
    shippedOn: BusinessDate,
    lines: z
      .array(ShipmentLine)
      .min(1, 'a shipment needs at least one line')
      .refine((lines) => new Set(lines.map((line) => line.lineId)).size === lines.length, {
        message: 'a line appears at most once in a shipment',
      }),
  })
  .strict();
export type RecordShipment = z.infer<typeof RecordShipment>;

/** Confirm that a fully shipped (or short-closed) order reached the customer on `deliveredOn`. */
export const ConfirmDelivery = z.object({ orderId: OrderId, deliveredOn: BusinessDate }).strict();
export type ConfirmDelivery = z.infer<typeof ConfirmDelivery>;

/** Cancel an order before its first shipment. */
export const CancelOrder = z.object({ orderId: OrderId, reason: Reason }).strict();
export type CancelOrder = z.infer<typeof CancelOrder>;

/** Short-close a partially shipped order: the unshipped rest will not be delivered. */
export const CloseOrder = z.object({ orderId: OrderId, reason: Reason }).strict();
export type CloseOrder = z.infer<typeof CloseOrder>;

/** Pricing facts a handler loads for lines that may be priced from the lists; absent, every line names its price. */
export interface PricingInputs {
  readonly pricing?: PricingFacts;
}

/** PlaceOrder with the customer snapshot and the pricing facts the handler loaded. */
export type PlaceOrderCommand = Command<'PlaceOrder', PlaceOrder> & { readonly inputs: CustomerInputs & PricingInputs };
/** ApproveDiscount command. */
export type ApproveDiscountCommand = Command<'ApproveDiscount', ApproveDiscount>;
/** ConfirmOrder with the customer snapshot (and open receivables) the handler loaded. */
export type ConfirmOrderCommand = Command<'ConfirmOrder', ConfirmOrder> & { readonly inputs: CustomerInputs };
/** AmendOrder with the pricing facts of the amendment's date, for the lines it adds. */
export type AmendOrderCommand = Command<'AmendOrder', AmendOrder> & { readonly inputs?: PricingInputs };
/** RecordShipment command. */
export type RecordShipmentCommand = Command<'RecordShipment', RecordShipment>;
/** ConfirmDelivery command. */
export type ConfirmDeliveryCommand = Command<'ConfirmDelivery', ConfirmDelivery>;
/** CancelOrder command. */
export type CancelOrderCommand = Command<'CancelOrder', CancelOrder>;
/** CloseOrder command. */
export type CloseOrderCommand = Command<'CloseOrder', CloseOrder>;

/** Every command of the Order aggregate (stream `order-<id>`). */
export type OrderCommand =
  | PlaceOrderCommand
  | ApproveDiscountCommand
  | ConfirmOrderCommand
  | AmendOrderCommand
  | RecordShipmentCommand
  | ConfirmDeliveryCommand
  | CancelOrderCommand
  | CloseOrderCommand;

/** Schemas of the commands' `data`, by command type (HTTP validation and OpenAPI). */
export const orderCommandSchemas = {
  PlaceOrder,
  ApproveDiscount,
  ConfirmOrder,
  AmendOrder,
  RecordShipment,
  ConfirmDelivery,
  CancelOrder,
  CloseOrder,
} as const;
