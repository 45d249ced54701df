import type { RecordedEvent } from '@salesbook/eventstore';
import { orderTotal, sumMinor, type SalesbookEvent } from '@salesbook/domain';
import { businessDate } from '../model/business-time.js';
import { decodeEvent } from '../model/decode.js';
import { occurredAt, type Projection, type ProjectionContext } from '../model/projection.js';
import { upsert, type RowReader, type RowWrite } from '../model/table.js';
import { bookedLines, skuDeltas, type BookedLine } from './booking.js';
import { addBookingCounters, ZERO_BOOKING } from './booking-counters.js';
import {
  salesMonthlyCustomersTable,
  salesMonthlyGroupsTable,
  salesMonthlyProductsTable,
  salesOrdersTable,
  type SalesMonthlyCustomerRow,
  type SalesOrderRow,
} from './sales-monthly.tables.js';

type Counters = Omit<
  SalesMonthlyCustomerRow,
  'business_month' | 'rep_id' | 'region' | 'segment' | 'currency' | 'customer_id' | 'booked'
>;
const ZERO: Counters = ZERO_BOOKING;
const HANDLED = new Set(['OrderConfirmed', 'OrderAmended', 'OrderClosed', 'OrderCancelled']);

/** What one event changes: the order's new row, the customer-month counters and the per-sku booked deltas. */
interface Change {
  readonly order: SalesOrderRow;
  readonly add: Partial<Counters>;
  readonly skus: ReadonlyMap<string, number>;
}

const linesOf = (order: SalesOrderRow): BookedLine[] => JSON.parse(order.lines) as BookedLine[];

function changeOf(event: SalesbookEvent, order: SalesOrderRow | undefined, confirmedOn: string): Change | undefined {
  switch (event.type) {
    case 'OrderConfirmed': {
      const d = event.data;
      if (order !== undefined) return undefined;
      const lines = bookedLines(d.lines);
      const skus = skuDeltas([], lines, d.bookedTotal);
      const row: SalesOrderRow = {
        order_id: d.orderId,
        customer_id: d.customerId,
        rep_id: d.repId,
        region: d.region,
        segment: d.segment,
        currency: d.currency,
        confirmed_on: confirmedOn,
        lines: JSON.stringify(lines),
        booked: d.bookedTotal,
        status: 'confirmed',
      };
      return { order: row, add: { orders_confirmed: 1, confirmed_amount: d.bookedTotal }, skus };
    }
    case 'OrderAmended': {
      // Amendments of an order never confirmed book nothing (no row).
      if (order === undefined) return undefined;
      const lines = bookedLines(event.data.linesAfter);
      const skus = skuDeltas(linesOf(order), lines, event.data.bookedDelta);
      return {
        order: { ...order, lines: JSON.stringify(lines), booked: order.booked + event.data.bookedDelta },
        add: { amendments_delta: event.data.bookedDelta },
        skus,
      };
    }
    case 'OrderClosed': {
      if (order === undefined) return undefined;
      const shipped = new Map<string, number>(event.data.lines.map((l) => [l.lineId, l.shipped]));
      const before = linesOf(order);
      const lines = before.map((l) => ({ ...l, quantity: shipped.get(l.lineId) ?? l.quantity }));
      const skus = skuDeltas(before, lines, event.data.bookedDelta);
      return {
        order: { ...order, lines: JSON.stringify(lines), booked: orderTotal(lines) },
        add: { closes_delta: event.data.bookedDelta },
        skus,
      };
    }
    case 'OrderCancelled': {
      if (order === undefined || !event.data.wasConfirmed) return undefined;
      const skus = skuDeltas(linesOf(order), [], -event.data.bookedReversed);
      return {
        order: { ...order, booked: 0, status: 'cancelled' },
        add: { cancellations: 1, cancelled_amount: event.data.bookedReversed },
        skus,
      };
    }
    default:
      return undefined;
  }
}

function project(event: RecordedEvent, rows: RowReader, context: ProjectionContext): readonly RowWrite[] {
  if (!HANDLED.has(event.type)) return [];
  const decoded = decodeEvent(event);
  const orderId = 'orderId' in decoded.data ? decoded.data.orderId : null;
  if (orderId === null) return [];
  const on = businessDate(occurredAt(event), context.zone);
  const change = changeOf(decoded, rows.get(salesOrdersTable, { order_id: orderId }), on);
  if (change === undefined) return [];
  const { order } = change;
  const group = {
    business_month: on.slice(0, 7),
    rep_id: order.rep_id,
    region: order.region,
    segment: order.segment,
    currency: order.currency,
  };
  const customer = { ...group, customer_id: order.customer_id };
  const writes: RowWrite[] = [
    upsert(salesOrdersTable, change.order),
    upsert(
      salesMonthlyCustomersTable,
      addBookingCounters(rows.get(salesMonthlyCustomersTable, customer) ?? ZERO, customer, change.add),
    ),
    upsert(
      salesMonthlyGroupsTable,
      addBookingCounters(rows.get(salesMonthlyGroupsTable, group) ?? ZERO, group, change.add),
    ),
  ];
  for (const [sku, delta] of change.skus) {
    const current = rows.get(salesMonthlyProductsTable, { ...group, sku });
    writes.push(upsert(salesMonthlyProductsTable, { ...group, sku, booked: sumMinor([current?.booked ?? 0, delta]) }));
  }
  return writes;
}

/**
 * Monthly booked sales by customer and by product (docs/reports.md), attributed to the rep, region and
 * customer segment recorded at confirmation, each change on the business month of its own event: amendments
 * and short closes by their delta, cancellations reversing what the order had booked. Orders never confirmed
 * do not count. Per-sku changes are checked against the events' totals (a mismatch parks the event).
 */
export const salesMonthlyProjection: Projection = {
  name: 'sales_monthly',
  handles: HANDLED,
  // 3: order lines keep their list pricing (price realisation and promotion effect read it).
  version: 3,
  tables: [salesOrdersTable, salesMonthlyCustomersTable, salesMonthlyProductsTable, salesMonthlyGroupsTable],
  project,
};
