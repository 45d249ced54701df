import { sumMinor } from '@salesbook/domain';

/**
 * The booking counters a sales row keeps per day or month: confirmations, amendments, short closes, cancellations.
 * A type alias, not an interface: rows must be assignable to `Row` (an index signature).
 */
export type BookingCounters = {
  readonly orders_confirmed: number;
  readonly confirmed_amount: number;
  readonly amendments_delta: number;
  readonly closes_delta: number;
  readonly cancellations: number;
  readonly cancelled_amount: number;
};

/** The counters and what they book: confirmed + amendments + short closes - cancelled (docs/reports.md). */
export type BookedFigures = BookingCounters & { readonly booked: number };

/** The columns of {@link BookedFigures} in a read-model table, in the order every sales table declares them. */
export const BOOKED_COLUMNS = {
  orders_confirmed: 'INTEGER',
  confirmed_amount: 'INTEGER',
  amendments_delta: 'INTEGER',
  closes_delta: 'INTEGER',
  cancellations: 'INTEGER',
  cancelled_amount: 'INTEGER',
  booked: 'INTEGER',
} as const;

/** Counters of a row not written yet. */
export const ZERO_BOOKING: BookingCounters = {
  orders_confirmed: 0,
  confirmed_amount: 0,
  amendments_delta: 0,
  closes_delta: 0,
  cancellations: 0,
  cancelled_amount: 0,
};

/** `base` plus `add` under `key`, with `booked` = confirmed + amendments + closes - cancelled; pure. */
export function addBookingCounters<K extends object>(
  base: BookingCounters,
  key: K,
  add: Partial<BookingCounters>,
): K & BookingCounters & { booked: number } {
  const next: BookingCounters = {
    orders_confirmed: base.orders_confirmed + (add.orders_confirmed ?? 0),
    confirmed_amount: sumMinor([base.confirmed_amount, add.confirmed_amount ?? 0]),
    amendments_delta: sumMinor([base.amendments_delta, add.amendments_delta ?? 0]),
    closes_delta: sumMinor([base.closes_delta, add.closes_delta ?? 0]),
    cancellations: base.cancellations + (add.cancellations ?? 0),
    cancelled_amount: sumMinor([base.cancelled_amount, add.cancelled_amount ?? 0]),
  };
  const booked = sumMinor([next.confirmed_amount, next.amendments_delta, next.closes_delta, -next.cancelled_amount]);
  return { ...key, ...next, booked };
}
