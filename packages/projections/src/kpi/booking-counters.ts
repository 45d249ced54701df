import { sumMinor } from '@salesbook/domain';

/** The booking counters a sales row keeps per day or month: confirmations, amendments, short closes, cancellations. */
export interface BookingCounters {
  readonly orders_confirmed: number;
  readonly confirmed_amount: number;
  readonly amendments_delta: number;
  readonly closes_delta: number;
  readonly cancellations: number;
  readonly cancelled_amount: number;
}

/** Counters of a row not written yet. */
export const ZERO_BOOKING: BookingCounters = { orders_confirmed: 0, confirmed_amount: 0, amendments_delta: 0, closes_delta: 0, cancellations: 0, cancelled_amount: 0 };

/** `base` plus `add` under `key`, with `booked` = confirmed + amendments + closes - cancelled; pure. */
export function addBookingCounters<K extends object>(base: BookingCounters, key: K, add: Partial<BookingCounters>): K & BookingCounters & { booked: number } {
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
