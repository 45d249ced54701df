import type { ActorId, CustomerId, LineId, OrderId, RegionId } from '../shared/ids.js';
import type { Currency } from '../shared/money.js';
import type { IsoDate } from '../shared/time.js';
import type { OrderAmended, OrderClosed, OrderEvent, OrderPlaced, OrderShipmentRecorded } from './events.js';
import type { OrderLine } from './order-line.js';
import { agreedAfter, agreedAtPlacement, maxEffectiveDiscountBp, type AgreedPrices } from './price-control.js';
import type { PaymentTerms } from './payment-terms.js';

/** Statuses of an existing order. */
export type OrderStatus =
  'placed' | 'awaiting_approval' | 'confirmed' | 'partially_shipped' | 'shipped' | 'delivered' | 'cancelled' | 'closed';

/** A line with the quantity shipped so far. */
export interface OrderLineState extends OrderLine {
  readonly shipped: number;
}

/** What a shipment carried, kept to recognise a repeated shipment id. */
export interface ShipmentRecord {
  readonly shippedOn: IsoDate;
  readonly lines: readonly { readonly lineId: LineId; readonly quantity: number }[];
}

/** Delivery facts once delivery is confirmed. */
export interface DeliveryRecord {
  readonly deliveredOn: IsoDate;
  readonly onTime: boolean;
  readonly delayDays: number;
}

/** No order in the stream yet. */
export interface NoOrder {
  readonly status: 'none';
}

/** An order that exists. */
export interface Order {
  readonly status: OrderStatus;
  readonly orderId: OrderId;
  readonly customerId: CustomerId;
  readonly repId: ActorId;
  readonly region: RegionId;
  readonly currency: Currency;
  readonly lines: readonly OrderLineState[];
  readonly promisedDeliveryDate: IsoDate;
  readonly paymentTerms: PaymentTerms;
  readonly revision: number;
  /** When the order was placed (the earliest a shipment or delivery may be dated). */
  readonly placedAt: string;
  /** The highest line discount already covered by the placer's limit or an approval. */
  readonly discountCoveredBp: number;
  /** The unit price agreed per line id (placement, or the amendment that added the line): the base of price control. */
  readonly agreedPrices: AgreedPrices;
  readonly confirmed: boolean;
  readonly segment: string | null;
  /** Booked amount in minor units: the order total once confirmed, 0 before and after cancellation. */
  readonly bookedTotal: number;
  readonly shipments: Readonly<Record<string, ShipmentRecord>>;
  readonly lastShippedOn: IsoDate | null;
  readonly delivery: DeliveryRecord | null;
}

/** State of an order stream, tagged by `status`. */
export type OrderState = NoOrder | Order;

/** The state of an empty stream. */
export const initialState = (): OrderState => ({ status: 'none' });

/** The plain lines of an order (without shipped quantities), as events carry them. */
export const plainLines = (lines: readonly OrderLineState[]): OrderLine[] =>
  lines.map(({ lineId, sku, description, quantity, unitPrice, discountBp, pricing }) => ({
    lineId,
    sku,
    description,
    quantity,
    unitPrice,
    discountBp,
    ...(pricing === undefined ? {} : { pricing }),
  }));

/** Shipping status of a confirmed order from its lines. */
export const shippingStatus = (lines: readonly OrderLineState[]): OrderStatus => {
  if (lines.every((line) => line.shipped === 0)) return 'confirmed';
  return lines.every((line) => line.shipped >= line.quantity) ? 'shipped' : 'partially_shipped';
};

const placed = (data: OrderPlaced): Order => ({
  status: data.approvalRequired ? 'awaiting_approval' : 'placed',
  orderId: data.orderId,
  customerId: data.customerId,
  repId: data.repId,
  region: data.region,
  currency: data.currency,
  lines: data.lines.map((line) => ({ ...line, shipped: 0 })),
  promisedDeliveryDate: data.promisedDeliveryDate,
  paymentTerms: data.paymentTerms,
  revision: data.revision,
  placedAt: data.placedAt,
  discountCoveredBp: data.discountLimitBp,
  agreedPrices: agreedAtPlacement(data.lines),
  confirmed: false,
  segment: null,
  bookedTotal: 0,
  shipments: {},
  lastShippedOn: null,
  delivery: null,
});

const amended = (order: Order, data: OrderAmended): Order => {
  const shipped = new Map(order.lines.map((line) => [line.lineId, line.shipped]));
  const lines = data.linesAfter.map((line) => ({ ...line, shipped: shipped.get(line.lineId) ?? 0 }));
  const unconfirmedStatus = data.approvalRequired ? 'awaiting_approval' : 'placed';
  // An amendment within the amender's limit counts as approval of its discounts.
  const agreedPrices = agreedAfter(order.agreedPrices, data.linesBefore, data.linesAfter);
  const covered = data.approvalRequired
    ? order.discountCoveredBp
    : Math.max(order.discountCoveredBp, maxEffectiveDiscountBp(lines, agreedPrices));
  return {
    ...order,
    discountCoveredBp: covered,
    agreedPrices,
    lines,
    promisedDeliveryDate: data.promisedDeliveryDateAfter,
    revision: data.revision,
    status: order.confirmed ? shippingStatus(lines) : unconfirmedStatus,
    bookedTotal: order.confirmed ? data.totalAfter : 0,
  };
};

const shipmentRecorded = (order: Order, data: OrderShipmentRecorded): Order => {
  const added = new Map(data.lines.map((line) => [line.lineId, line.quantity]));
  const lines = order.lines.map((line) => ({ ...line, shipped: line.shipped + (added.get(line.lineId) ?? 0) }));
  const record: ShipmentRecord = {
    shippedOn: data.shippedOn,
    lines: data.lines.map(({ lineId, quantity }) => ({ lineId, quantity })),
  };
  const last = order.lastShippedOn;
  return {
    ...order,
    lines,
    status: shippingStatus(lines),
    shipments: { ...order.shipments, [data.shipmentId]: record },
    lastShippedOn: last !== null && last > data.shippedOn ? last : data.shippedOn,
  };
};

const closed = (order: Order, data: OrderClosed): Order => ({
  ...order,
  status: 'closed',
  lines: order.lines.map((line) => ({ ...line, quantity: line.shipped })),
  // Only confirmed orders ship, so a closed order is always booked.
  bookedTotal: data.totalAfter,
});

const evolveOrder = (order: Order, event: OrderEvent): Order => {
  switch (event.type) {
    case 'OrderPlaced':
      return order;
    case 'OrderDiscountApproved':
      return {
        ...order,
        status: 'placed',
        discountCoveredBp: Math.max(order.discountCoveredBp, event.data.approvedDiscountBp),
      };
    case 'OrderConfirmed':
      return {
        ...order,
        status: 'confirmed',
        confirmed: true,
        segment: event.data.segment,
        bookedTotal: event.data.bookedTotal,
        repId: event.data.repId,
        region: event.data.region,
      };
    case 'OrderAmended':
      return amended(order, event.data);
    case 'OrderShipmentRecorded':
      return shipmentRecorded(order, event.data);
    case 'OrderDelivered': {
      const { deliveredOn, onTime, delayDays } = event.data;
      return {
        ...order,
        status: order.status === 'closed' ? 'closed' : 'delivered',
        delivery: { deliveredOn, onTime, delayDays },
      };
    }
    case 'OrderCancelled':
      return { ...order, status: 'cancelled', bookedTotal: 0 };
    case 'OrderClosed':
      return closed(order, event.data);
  }
};

/** Folds one event into the state; an event that does not apply leaves the state unchanged. */
export const evolve = (state: OrderState, event: OrderEvent): OrderState => {
  if (state.status === 'none') return event.type === 'OrderPlaced' ? placed(event.data) : state;
  return evolveOrder(state, event);
};
