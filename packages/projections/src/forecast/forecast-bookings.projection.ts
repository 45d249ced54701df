import type { RecordedEvent } from '@salesbook/eventstore';
import { sumMinor } from '@salesbook/domain';
import { businessDate } from '../model/business-time.js';
import { decodeEvent } from '../model/decode.js';
import { occurredAt, type Projection, type ProjectionContext } from '../model/projection.js';
import { defineTable, upsert, type RowReader, type RowWrite } from '../model/table.js';

/** A confirmed order's attribution, fixed at confirmation (the customer's segment then). */
export type ForecastOrderRow = {
  readonly order_id: string;
  readonly rep_id: string;
  readonly region: string;
  readonly segment: string;
  readonly currency: string;
};

/** The `forecast_orders` read model: who a confirmed order's later changes are booked to. */
export const forecastOrdersTable = defineTable<ForecastOrderRow, 'order_id'>({
  name: 'forecast_orders',
  columns: { order_id: 'TEXT', rep_id: 'TEXT', region: 'TEXT', segment: 'TEXT', currency: 'TEXT' },
  primaryKey: ['order_id'],
});

/** Booked sales of one business day x rep x region x segment x currency (minor units). */
export type BookedDailyRow = ForecastOrderRowKey & { readonly booked: number };
type ForecastOrderRowKey = Omit<ForecastOrderRow, 'order_id'> & { readonly business_date: string };

/** The `booked_daily` read model: what the forecast fits its history on and counts booked to date from. */
export const bookedDailyTable = defineTable<
  BookedDailyRow,
  'business_date' | 'rep_id' | 'region' | 'segment' | 'currency'
>({
  name: 'booked_daily',
  columns: {
    business_date: 'TEXT',
    rep_id: 'TEXT',
    region: 'TEXT',
    segment: 'TEXT',
    currency: 'TEXT',
    booked: 'INTEGER',
  },
  primaryKey: ['business_date', 'rep_id', 'region', 'segment', 'currency'],
});

const HANDLED = new Set(['OrderConfirmed', 'OrderAmended', 'OrderClosed', 'OrderCancelled']);

/** The order's attribution and what the event books (a new order row on confirmation); `undefined` when nothing. */
function bookingOf(
  event: RecordedEvent,
  rows: RowReader,
): { order: ForecastOrderRow; booked: number; created: boolean } | undefined {
  const decoded = decodeEvent(event);
  if (decoded.type === 'OrderConfirmed') {
    const d = decoded.data;
    if (rows.get(forecastOrdersTable, { order_id: d.orderId }) !== undefined) return undefined;
    return {
      order: { order_id: d.orderId, rep_id: d.repId, region: d.region, segment: d.segment, currency: d.currency },
      booked: d.bookedTotal,
      created: true,
    };
  }
  if (decoded.type !== 'OrderAmended' && decoded.type !== 'OrderClosed' && decoded.type !== 'OrderCancelled')
    return undefined;
  // Changes of an order never confirmed book nothing (no row).
  const order = rows.get(forecastOrdersTable, { order_id: decoded.data.orderId });
  if (order === undefined) return undefined;
  if (decoded.type === 'OrderCancelled')
    return decoded.data.wasConfirmed ? { order, booked: -decoded.data.bookedReversed, created: false } : undefined;
  return { order, booked: decoded.data.bookedDelta, created: false };
}

function project(event: RecordedEvent, rows: RowReader, context: ProjectionContext): readonly RowWrite[] {
  if (!HANDLED.has(event.type)) return [];
  const booking = bookingOf(event, rows);
  if (booking === undefined) return [];
  const { order } = booking;
  const key = {
    business_date: businessDate(occurredAt(event), context.zone),
    rep_id: order.rep_id,
    region: order.region,
    segment: order.segment,
    currency: order.currency,
  };
  const current = rows.get(bookedDailyTable, key);
  const writes: RowWrite[] = [
    upsert(bookedDailyTable, { ...key, booked: sumMinor([current?.booked ?? 0, booking.booked]) }),
  ];
  if (booking.created) writes.push(upsert(forecastOrdersTable, order));
  return writes;
}

/**
 * Booked sales by business day with the segment at confirmation (docs/reports.md, "Forecast"): confirmations,
 * amendment and short-close deltas, cancellations of confirmed orders, each on the business day of its own event,
 * so the history as it stood at the end of any day is the rows up to that day.
 */
export const forecastBookingsProjection: Projection = {
  name: 'forecast_bookings',
  handles: HANDLED,
  version: 1,
  tables: [forecastOrdersTable, bookedDailyTable],
  project,
};
