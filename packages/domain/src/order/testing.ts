import { registeredDecider } from '../testing/access.js';
import { placementRegion } from './access.js';
import { orderDecider } from './decide.js';
import type { Actor } from '../shared/actors.js';
import { CustomerId, LineId, OrderId, RegionId, ShipmentId, Sku } from '../shared/ids.js';
import { Currency } from '../shared/money.js';
import type {
  AmendOrderCommand,
  ApproveDiscountCommand,
  CancelOrderCommand,
  CloseOrderCommand,
  ConfirmDeliveryCommand,
  ConfirmOrderCommand,
  PlaceOrder,
  PlaceOrderCommand,
  RecordShipmentCommand,
} from './commands.js';
import type { CustomerSnapshot } from './customer-snapshot.js';
import type {
  OrderCancelledEvent,
  OrderClosedEvent,
  OrderConfirmedEvent,
  OrderPlacedEvent,
  OrderShipmentRecordedEvent,
} from './events.js';
import type { OrderLine } from './order-line.js';
import { testActor as actor } from '../testing/actors.js';

/** Test data for the Order aggregate: small factories with sensible defaults. */
export const ORDER_ID = OrderId.parse('o-1');
export const CUSTOMER_ID = CustomerId.parse('c-1');
export const EAST = RegionId.parse('east');
export const WEST = RegionId.parse('west');
export const CNY = Currency.parse('CNY');
export const id = {
  line: (value: string) => LineId.parse(value),
  sku: (value: string) => Sku.parse(value),
  shipment: (value: string) => ShipmentId.parse(value),
};

export const rep = actor('rep-1', 'sales_rep', 'east');
export const otherRep = actor('rep-2', 'sales_rep', 'east');
export const eastManager = actor('rm-east', 'regional_manager', 'east');
export const westManager = actor('rm-west', 'regional_manager', 'west');
export const salesManager = actor('sm-1', 'sales_manager');
export const system = actor('importer', 'system');
export const analyst = actor('an-1', 'market_analyst');

/** `2026-03-<day>T09:00:00Z` */
export const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T09:00:00Z`;
/** `2026-03-<day>` */
export const on = (day: number): string => `2026-03-${String(day).padStart(2, '0')}`;

export const line = (overrides: Partial<OrderLine> = {}): OrderLine => ({
  lineId: id.line('l1'),
  sku: id.sku('SKU-A'),
  description: 'Steel bolts M8',
  quantity: 10,
  unitPrice: 1_000,
  discountBp: 0,
  ...overrides,
});
export const line2 = (overrides: Partial<OrderLine> = {}): OrderLine =>
  line({
    lineId: id.line('l2'),
    sku: id.sku('SKU-B'),
    description: 'Nuts M8',
    quantity: 5,
    unitPrice: 200,
    ...overrides,
  });

export const customer = (overrides: Partial<CustomerSnapshot> = {}): CustomerSnapshot => ({
  status: 'active',
  homeRegion: EAST,
  ownerRep: rep.id,
  segment: 'smb',
  openReceivables: 0,
  ...overrides,
});

const meta = (by: Actor, day: number) => ({ actor: by, occurredAt: at(day) });
/** Recorded on `day`, or on the business date the command names when that is later (a fact is recorded once it happened). */
const recordedOn = (by: Actor, day: number, date: string) => {
  const named = `${date}T09:00:00Z`;
  return { actor: by, occurredAt: named > at(day) ? named : at(day) };
};

export const placeOrderData = (overrides: Partial<PlaceOrder> = {}): PlaceOrder => ({
  orderId: ORDER_ID,
  customerId: CUSTOMER_ID,
  repId: rep.id,
  currency: CNY,
  lines: [line(), line2()],
  promisedDeliveryDate: on(20),
  paymentTerms: { kind: 'net', days: 30 },
  ...overrides,
});
export const placeOrder = (
  overrides: Partial<PlaceOrder> = {},
  by: Actor = rep,
  snapshot: CustomerSnapshot | null = customer(),
): PlaceOrderCommand => ({
  type: 'PlaceOrder',
  data: placeOrderData(overrides),
  metadata: meta(by, 1),
  inputs: { customer: snapshot },
});
export const approveDiscount = (by: Actor = salesManager): ApproveDiscountCommand => ({
  type: 'ApproveDiscount',
  data: { orderId: ORDER_ID },
  metadata: meta(by, 2),
});
export const confirmOrder = (snapshot: CustomerSnapshot | null = customer(), by: Actor = rep): ConfirmOrderCommand => ({
  type: 'ConfirmOrder',
  data: { orderId: ORDER_ID },
  metadata: meta(by, 3),
  inputs: { customer: snapshot },
});
export const amendOrder = (data: Partial<AmendOrderCommand['data']>, by: Actor = rep): AmendOrderCommand => ({
  type: 'AmendOrder',
  data: { orderId: ORDER_ID, reason: 'customer asked for more', customerConfirmationRef: 'email-2026-03-05', ...data },
  metadata: meta(by, 5),
});
export const recordShipment = (
  lines: { lineId: string; quantity: number }[],
  shipmentId = 's1',
  shippedOn = on(10),
  by: Actor = rep,
): RecordShipmentCommand => ({
  type: 'RecordShipment',
  data: {
    orderId: ORDER_ID,
    shipmentId: id.shipment(shipmentId),
    shippedOn,
    lines: lines.map((l) => ({ lineId: id.line(l.lineId), quantity: l.quantity })),
  },
  metadata: recordedOn(by, 10, shippedOn),
});
export const confirmDelivery = (deliveredOn = on(18), by: Actor = rep): ConfirmDeliveryCommand => ({
  type: 'ConfirmDelivery',
  data: { orderId: ORDER_ID, deliveredOn },
  metadata: recordedOn(by, 18, deliveredOn),
});
export const cancelOrder = (by: Actor = rep): CancelOrderCommand => ({
  type: 'CancelOrder',
  data: { orderId: ORDER_ID, reason: 'customer withdrew' },
  metadata: meta(by, 4),
});
export const closeOrder = (by: Actor = rep): CloseOrderCommand => ({
  type: 'CloseOrder',
  data: { orderId: ORDER_ID, reason: 'rest out of stock' },
  metadata: meta(by, 15),
});

const attribution = { orderId: ORDER_ID, customerId: CUSTOMER_ID, repId: rep.id, region: EAST, currency: CNY };

/** OrderPlaced for `lines` (default: 10 x 1000 and 5 x 200, no discount: total 11000). */
export const orderPlaced = (
  lines: OrderLine[] = [line(), line2()],
  overrides: Partial<OrderPlacedEvent['data']> = {},
): OrderPlacedEvent => ({
  type: 'OrderPlaced',
  data: {
    ...attribution,
    lines,
    promisedDeliveryDate: on(20),
    paymentTerms: { kind: 'net', days: 30 },
    total: 11_000,
    maxDiscountBp: 0,
    discountLimitBp: 1_000,
    approvalRequired: false,
    placedAt: at(1),
    revision: 1,
    ...overrides,
  },
});
export const orderConfirmed = (lines: OrderLine[] = [line(), line2()], bookedTotal = 11_000): OrderConfirmedEvent => ({
  type: 'OrderConfirmed',
  data: {
    ...attribution,
    segment: 'smb',
    lines,
    bookedTotal,
    promisedDeliveryDate: on(20),
    paymentTerms: { kind: 'net', days: 30 },
    creditCheck: { creditLimit: null, openReceivables: 0, orderTotal: bookedTotal },
    confirmedAt: at(3),
    revision: 1,
  },
});
const DEFAULT_LINES = { l1: { sku: 'SKU-A', ordered: 10 }, l2: { sku: 'SKU-B', ordered: 5 } } as const;
type DefaultLineId = keyof typeof DEFAULT_LINES;

/** A shipment of `quantities` by line id, against the default lines (10 of l1, 5 of l2). */
export const orderShipped = (
  quantities: Partial<Record<DefaultLineId, number>>,
  shipmentId = 's1',
  shippedTotals: Partial<Record<DefaultLineId, number>> = quantities,
): OrderShipmentRecordedEvent => {
  const ids = (Object.keys(DEFAULT_LINES) as DefaultLineId[]).filter((lineId) => quantities[lineId] !== undefined);
  const lines = ids.map((lineId) => ({
    lineId: id.line(lineId),
    sku: id.sku(DEFAULT_LINES[lineId].sku),
    quantity: quantities[lineId] ?? 0,
    shippedTotal: shippedTotals[lineId] ?? 0,
    ordered: DEFAULT_LINES[lineId].ordered,
  }));
  const full = (Object.keys(DEFAULT_LINES) as DefaultLineId[]).every(
    (lineId) => (shippedTotals[lineId] ?? 0) >= DEFAULT_LINES[lineId].ordered,
  );
  return {
    type: 'OrderShipmentRecorded',
    data: {
      ...attribution,
      shipmentId: id.shipment(shipmentId),
      shippedOn: on(10),
      lines,
      fullyShipped: full,
      recordedAt: at(10),
    },
  };
};
export const orderCancelled = (bookedReversed = 0): OrderCancelledEvent => ({
  type: 'OrderCancelled',
  data: {
    ...attribution,
    wasConfirmed: bookedReversed > 0,
    bookedReversed,
    reason: 'customer withdrew',
    cancelledAt: at(4),
  },
});
/** Short close after 4 of l1 shipped (and none of l2). */
export const orderClosed = (): OrderClosedEvent => ({
  type: 'OrderClosed',
  data: {
    ...attribution,
    lines: [
      { lineId: id.line('l1'), sku: id.sku('SKU-A'), orderedBefore: 10, shipped: 4, closedQuantity: 6 },
      { lineId: id.line('l2'), sku: id.sku('SKU-B'), orderedBefore: 5, shipped: 0, closedQuantity: 5 },
    ],
    totalBefore: 11_000,
    totalAfter: 4_000,
    bookedDelta: -7_000,
    reason: 'rest out of stock',
    closedAt: at(15),
  },
});

/** The Order decider with every actor registered as their token says and an order's rep active in its region (tests of other rules). */
export const registeredOrderDecider = registeredDecider(orderDecider, (command) =>
  command.type === 'PlaceOrder' ? placementRegion(command) : undefined,
);
