import { z } from 'zod';
import { Role } from '../shared/actors.js';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId, CustomerId, LineId, OrderId, RegionId, ShipmentId, Sku } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { BasisPoints, Currency, MinorUnits, Money, NonNegativeMinorUnits } from '../shared/money.js';
import { IsoDate, IsoDateTime } from '../shared/time.js';
import { OrderLine } from './order-line.js';
import { PaymentTerms } from './payment-terms.js';

const Revision = z.number().int().positive();
const Count = z.number().int().nonnegative();

/** Fields that say whom an order's results are attributed to. */
const Attribution = { customerId: CustomerId, repId: ActorId, region: RegionId, currency: Currency };

/** An order was placed; `approvalRequired` when a line discount exceeds the placing actor's limit. Revision 1. */
export const OrderPlaced = z.object({
  orderId: OrderId,
  ...Attribution,
  lines: z.array(OrderLine).min(1),
  promisedDeliveryDate: IsoDate,
  paymentTerms: PaymentTerms,
  total: NonNegativeMinorUnits,
  maxDiscountBp: BasisPoints,
  discountLimitBp: BasisPoints,
  approvalRequired: z.boolean(),
  placedAt: IsoDateTime,
  revision: Revision,
});
export type OrderPlaced = z.infer<typeof OrderPlaced>;

/** A manager approved the order's line discounts up to `approvedDiscountBp`. */
export const OrderDiscountApproved = z.object({
  orderId: OrderId,
  approvedBy: ActorId,
  approverRole: Role,
  approverLimitBp: BasisPoints,
  approvedDiscountBp: BasisPoints,
  approvedAt: IsoDateTime,
  revision: Revision,
});
export type OrderDiscountApproved = z.infer<typeof OrderDiscountApproved>;

/** The customer checks that confirmation passed, kept for auditors. */
export const CreditCheck = z.object({
  creditLimit: Money.nullable(),
  openReceivables: NonNegativeMinorUnits,
  orderTotal: NonNegativeMinorUnits,
});
export type CreditCheck = z.infer<typeof CreditCheck>;

/** The order was confirmed: booked at `bookedTotal` and attributed to `repId` and `region` for good. */
export const OrderConfirmed = z.object({
  orderId: OrderId,
  ...Attribution,
  segment: z.string().min(1),
  lines: z.array(OrderLine).min(1),
  bookedTotal: NonNegativeMinorUnits,
  promisedDeliveryDate: IsoDate,
  paymentTerms: PaymentTerms,
  creditCheck: CreditCheck,
  confirmedAt: IsoDateTime,
  revision: Revision,
});
export type OrderConfirmed = z.infer<typeof OrderConfirmed>;

/**
 * The order was amended into a new `revision`: lines and promised date before and after, the change
 * of the booked amount (`bookedDelta`, 0 while unconfirmed), the reason and the customer's confirmation.
 */
export const OrderAmended = z.object({
  orderId: OrderId,
  ...Attribution,
  revision: Revision,
  linesBefore: z.array(OrderLine).min(1),
  linesAfter: z.array(OrderLine).min(1),
  promisedDeliveryDateBefore: IsoDate,
  promisedDeliveryDateAfter: IsoDate,
  totalBefore: NonNegativeMinorUnits,
  totalAfter: NonNegativeMinorUnits,
  bookedDelta: MinorUnits,
  approvalRequired: z.boolean(),
  reason: z.string().min(1),
  customerConfirmationRef: z.string().min(1),
  amendedAt: IsoDateTime,
});
export type OrderAmended = z.infer<typeof OrderAmended>;

/** Quantities of one line in a shipment, with the line's running shipped total and ordered quantity. */
export const ShippedLine = z.object({
  lineId: LineId,
  sku: Sku,
  quantity: z.number().int().positive(),
  shippedTotal: Count,
  ordered: Count,
});
export type ShippedLine = z.infer<typeof ShippedLine>;

/** A shipment left; `fullyShipped` when every line has now shipped its ordered quantity. */
export const OrderShipmentRecorded = z.object({
  orderId: OrderId,
  ...Attribution,
  shipmentId: ShipmentId,
  shippedOn: IsoDate,
  /** Only on a fact dated in a month that was closed when it was recorded: the open business day it counts on. */
  postedOn: IsoDate.optional(),
  lines: z.array(ShippedLine).min(1),
  fullyShipped: z.boolean(),
  recordedAt: IsoDateTime,
});
export type OrderShipmentRecorded = z.infer<typeof OrderShipmentRecorded>;

/**
 * The customer received the order. `promisedDeliveryDate` is the last one agreed; `onTime` when delivered
 * on or before it; `delayDays` >= 0. `total` and `paymentTerms` are what a net-terms invoice is opened for.
 */
export const OrderDelivered = z.object({
  orderId: OrderId,
  ...Attribution,
  deliveredOn: IsoDate,
  /** Only on a fact dated in a month that was closed when it was recorded: the open business day it counts on. */
  postedOn: IsoDate.optional(),
  promisedDeliveryDate: IsoDate,
  onTime: z.boolean(),
  delayDays: Count,
  total: NonNegativeMinorUnits,
  paymentTerms: PaymentTerms,
});
export type OrderDelivered = z.infer<typeof OrderDelivered>;

/** The order was cancelled before any shipment; `bookedReversed` is what it had booked (0 if never confirmed). */
export const OrderCancelled = z.object({
  orderId: OrderId,
  ...Attribution,
  wasConfirmed: z.boolean(),
  bookedReversed: NonNegativeMinorUnits,
  reason: z.string().min(1),
  cancelledAt: IsoDateTime,
});
export type OrderCancelled = z.infer<typeof OrderCancelled>;

/** One line of a short close: ordered before, shipped, and the quantity that will not ship. */
export const ClosedLine = z.object({
  lineId: LineId,
  sku: Sku,
  orderedBefore: Count,
  shipped: Count,
  closedQuantity: Count,
});
export type ClosedLine = z.infer<typeof ClosedLine>;

/** The unshipped rest of a partially shipped order was short-closed; ordered quantities become the shipped ones. */
export const OrderClosed = z.object({
  orderId: OrderId,
  ...Attribution,
  lines: z.array(ClosedLine).min(1),
  totalBefore: NonNegativeMinorUnits,
  totalAfter: NonNegativeMinorUnits,
  bookedDelta: MinorUnits,
  reason: z.string().min(1),
  closedAt: IsoDateTime,
});
export type OrderClosed = z.infer<typeof OrderClosed>;

/** OrderPlaced event. */
export type OrderPlacedEvent = Event<'OrderPlaced', OrderPlaced>;
/** OrderDiscountApproved event. */
export type OrderDiscountApprovedEvent = Event<'OrderDiscountApproved', OrderDiscountApproved>;
/** OrderConfirmed event. */
export type OrderConfirmedEvent = Event<'OrderConfirmed', OrderConfirmed>;
/** OrderAmended event. */
export type OrderAmendedEvent = Event<'OrderAmended', OrderAmended>;
/** OrderShipmentRecorded event. */
export type OrderShipmentRecordedEvent = Event<'OrderShipmentRecorded', OrderShipmentRecorded>;
/** OrderDelivered event. */
export type OrderDeliveredEvent = Event<'OrderDelivered', OrderDelivered>;
/** OrderCancelled event. */
export type OrderCancelledEvent = Event<'OrderCancelled', OrderCancelled>;
/** OrderClosed event. */
export type OrderClosedEvent = Event<'OrderClosed', OrderClosed>;

/** Every event of the Order aggregate. */
export type OrderEvent =
  | OrderPlacedEvent
  | OrderDiscountApprovedEvent
  | OrderConfirmedEvent
  | OrderAmendedEvent
  | OrderShipmentRecordedEvent
  | OrderDeliveredEvent
  | OrderCancelledEvent
  | OrderClosedEvent;

/** Schemas and versions of the Order events, for the event registry. */
export const orderEventDefinitions: readonly EventDefinition<OrderEvent>[] = [
  defineEvent('OrderPlaced', OrderPlaced),
  defineEvent('OrderDiscountApproved', OrderDiscountApproved),
  defineEvent('OrderConfirmed', OrderConfirmed),
  defineEvent('OrderAmended', OrderAmended),
  defineEvent('OrderShipmentRecorded', OrderShipmentRecorded),
  defineEvent('OrderDelivered', OrderDelivered),
  defineEvent('OrderCancelled', OrderCancelled),
  defineEvent('OrderClosed', OrderClosed),
];

/** Reads the events of a Order stream (`order-<id>`), upcast and validated, as Order events. */
export const orderEventRegistry = createEventRegistry(orderEventDefinitions);
