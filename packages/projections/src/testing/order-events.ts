import type { EventStore } from '@salesbook/eventstore';
import type { ProjectionKit } from './projection-kit.js';

/** A line as order events carry it. */
export interface TestLine {
  readonly lineId: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly discountBp: number;
}

/** Who an order's results are attributed to. */
export interface TestOrder {
  readonly orderId: string;
  readonly repId: string;
  readonly region: string;
  readonly currency: string;
}

const lines = (items: readonly TestLine[]) =>
  items.map((l) => ({ ...l, sku: `SKU-${l.lineId}`, description: `item ${l.lineId}` }));
const attribution = (o: TestOrder) => ({
  orderId: o.orderId,
  customerId: 'c-1',
  repId: o.repId,
  region: o.region,
  currency: o.currency,
});

/** OrderConfirmed data, valid against the domain schema. */
export const confirmed = (o: TestOrder, items: readonly TestLine[], bookedTotal: number, at: string) => ({
  type: 'OrderConfirmed',
  at,
  data: {
    ...attribution(o),
    segment: 'smb',
    lines: lines(items),
    bookedTotal,
    promisedDeliveryDate: '2026-04-20',
    paymentTerms: { kind: 'net', days: 30 },
    creditCheck: { creditLimit: null, openReceivables: 0, orderTotal: bookedTotal },
    confirmedAt: at,
    revision: 1,
  },
});

/** OrderAmended data. */
export const amended = (
  o: TestOrder,
  before: readonly TestLine[],
  after: readonly TestLine[],
  totals: [number, number],
  bookedDelta: number,
  at: string,
) => ({
  type: 'OrderAmended',
  at,
  data: {
    ...attribution(o),
    revision: 2,
    linesBefore: lines(before),
    linesAfter: lines(after),
    promisedDeliveryDateBefore: '2026-04-20',
    promisedDeliveryDateAfter: '2026-04-20',
    totalBefore: totals[0],
    totalAfter: totals[1],
    bookedDelta,
    approvalRequired: false,
    reason: 'customer asked for more',
    customerConfirmationRef: 'mail-1',
    amendedAt: at,
  },
});

/** OrderCancelled data. */
export const cancelled = (o: TestOrder, wasConfirmed: boolean, bookedReversed: number, at: string) => ({
  type: 'OrderCancelled',
  at,
  data: { ...attribution(o), wasConfirmed, bookedReversed, reason: 'customer withdrew', cancelledAt: at },
});

let counter = 0;

/** Appends an order event to `order-<id>` with its business time in metadata. */
export async function appendOrderEvent(
  store: EventStore,
  o: TestOrder,
  event: { type: string; at: string; data: Record<string, unknown> },
): Promise<bigint> {
  counter += 1;
  const eventId = `10000000-0000-4000-8000-${counter.toString().padStart(12, '0')}`;
  const metadata = { occurredAt: event.at, schemaVersion: 1 };
  const result = await store.appendToStream(`order-${o.orderId}`, [
    { eventId, type: event.type, data: JSON.parse(JSON.stringify(event.data)), metadata },
  ]);
  return result.position;
}

/** Gives an order event to a {@link ProjectionKit} on `order-<id>`, written at version 1 as {@link appendOrderEvent} writes it. */
export function givenOrderEvent(
  kit: ProjectionKit,
  o: TestOrder,
  event: { type: string; at: string; data: Record<string, unknown> },
): void {
  kit.given(`order-${o.orderId}`, [event], { schemaVersion: 1 });
}
