import type { RecordedEvent } from '@salesbook/eventstore';
import { orderTotal, type OrderConfirmed } from '@salesbook/domain';
import { businessDate } from '../model/business-time.js';
import { decodeEvent } from '../model/decode.js';
import { occurredAt, type Projection, type ProjectionContext } from '../model/projection.js';
import { defineTable, upsert, type RowReader, type RowWrite } from '../model/table.js';
import { addBookingCounters, BOOKED_COLUMNS, ZERO_BOOKING, type BookedFigures } from './booking-counters.js';

/** One day of booked sales of one rep in one region, in one currency (amounts in minor units). */
// A type alias, not an interface: rows must be assignable to `Row` (an index signature).
export type DailySalesRow = {
  readonly business_date: string;
  readonly rep_id: string;
  readonly region: string;
  readonly currency: string;
} & BookedFigures;

/** The `daily_sales` read model: booked sales per business day x rep x region x currency. */
export const dailySalesTable = defineTable<DailySalesRow, 'business_date' | 'rep_id' | 'region' | 'currency'>({
  name: 'daily_sales',
  columns: {
    business_date: 'TEXT',
    rep_id: 'TEXT',
    region: 'TEXT',
    currency: 'TEXT',
    ...BOOKED_COLUMNS,
  },
  primaryKey: ['business_date', 'rep_id', 'region', 'currency'],
});

type Counters = Pick<
  DailySalesRow,
  'orders_confirmed' | 'confirmed_amount' | 'amendments_delta' | 'closes_delta' | 'cancellations' | 'cancelled_amount'
>;
type Attribution = Pick<OrderConfirmed, 'repId' | 'region' | 'currency'>;

const ZERO: Counters = ZERO_BOOKING;

/** The events that book or unbook sales; every other event is skipped before decoding. */
const BOOKING = new Set(['OrderConfirmed', 'OrderAmended', 'OrderClosed', 'OrderCancelled']);

/** The counters an event adds, checked against the domain's own line arithmetic; `undefined` when it books nothing. */
function increments(event: RecordedEvent): { attribution: Attribution; add: Partial<Counters> } | undefined {
  if (!BOOKING.has(event.type)) return undefined;
  const decoded = decodeEvent(event);
  switch (decoded.type) {
    case 'OrderConfirmed': {
      const data = decoded.data;
      if (orderTotal(data.lines) !== data.bookedTotal)
        throw new Error(`bookedTotal ${data.bookedTotal} is not the total of the lines (${orderTotal(data.lines)})`);
      return { attribution: data, add: { orders_confirmed: 1, confirmed_amount: data.bookedTotal } };
    }
    case 'OrderAmended': {
      // bookedDelta is 0 while an order is unconfirmed: orders never confirmed do not count.
      const data = decoded.data;
      if (data.bookedDelta === 0) return undefined;
      const delta = orderTotal(data.linesAfter) - orderTotal(data.linesBefore);
      if (delta !== data.bookedDelta)
        throw new Error(`bookedDelta ${data.bookedDelta} differs from the lines' change (${delta})`);
      return { attribution: data, add: { amendments_delta: data.bookedDelta } };
    }
    case 'OrderClosed': {
      const data = decoded.data;
      return data.bookedDelta === 0 ? undefined : { attribution: data, add: { closes_delta: data.bookedDelta } };
    }
    case 'OrderCancelled': {
      const data = decoded.data;
      return data.wasConfirmed
        ? { attribution: data, add: { cancellations: 1, cancelled_amount: data.bookedReversed } }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** Adds `add` to `row` (or to zero); pure. */
export function addToDay(
  row: DailySalesRow | undefined,
  key: Pick<DailySalesRow, 'business_date' | 'rep_id' | 'region' | 'currency'>,
  add: Partial<Counters>,
): DailySalesRow {
  return addBookingCounters(row ?? ZERO, key, add);
}

function project(event: RecordedEvent, rows: RowReader, context: ProjectionContext): readonly RowWrite[] {
  const change = increments(event);
  if (change === undefined) return [];
  const { repId, region, currency } = change.attribution;
  const key = { business_date: businessDate(occurredAt(event), context.zone), rep_id: repId, region, currency };
  return [upsert(dailySalesTable, addToDay(rows.get(dailySalesTable, key), key, change.add))];
}

/**
 * Daily booked sales (docs/reports.md): orders confirmed and their booked amount, amendment deltas,
 * short-close deltas and cancellations of confirmed orders, by the business day of `occurredAt`, attributed
 * to the rep and region fixed on the order.
 */
export const dailySalesProjection: Projection = {
  name: 'daily_sales',
  handles: BOOKING,
  version: 1,
  tables: [dailySalesTable],
  project,
};
