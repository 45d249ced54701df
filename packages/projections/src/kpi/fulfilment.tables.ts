import { defineTable } from '../model/table.js';

/** Shipments and deliveries of one business day x rep x region (counts; delay in days summed over late deliveries). */
export type FulfilmentDailyRow = {
  readonly business_date: string;
  readonly rep_id: string;
  readonly region: string;
  /** Shipments that left on the day (`shippedOn`). */
  readonly shipments: number;
  /** Deliveries confirmed for the day (`deliveredOn`) on or before the last promised date. */
  readonly deliveries_on_time: number;
  readonly deliveries_late: number;
  /** Sum of `delayDays` of the late deliveries. */
  readonly late_delay_days: number;
};

/** The `fulfilment_daily` read model. */
export const fulfilmentDailyTable = defineTable<FulfilmentDailyRow, 'business_date' | 'rep_id' | 'region'>({
  name: 'fulfilment_daily',
  columns: {
    business_date: 'TEXT',
    rep_id: 'TEXT',
    region: 'TEXT',
    shipments: 'INTEGER',
    deliveries_on_time: 'INTEGER',
    deliveries_late: 'INTEGER',
    late_delay_days: 'INTEGER',
  },
  primaryKey: ['business_date', 'rep_id', 'region'],
});

/** A confirmed order's delivery life: when it was confirmed, delivered or cancelled (business dates). */
export type OrderDeliveryRow = {
  readonly order_id: string;
  readonly rep_id: string;
  readonly region: string;
  readonly confirmed_on: string;
  readonly delivered_on: string | null;
  readonly cancelled_on: string | null;
};

/** The `order_deliveries` read model: one row per confirmed order. */
export const orderDeliveriesTable = defineTable<OrderDeliveryRow, 'order_id'>({
  name: 'order_deliveries',
  columns: {
    order_id: 'TEXT',
    rep_id: 'TEXT',
    region: 'TEXT',
    confirmed_on: 'TEXT',
    delivered_on: 'TEXT NULL',
    cancelled_on: 'TEXT NULL',
  },
  primaryKey: ['order_id'],
});

/** The promised delivery date of a confirmed order agreed on `effective_on` (confirmation, then each amendment). */
export type OrderPromiseRow = {
  readonly order_id: string;
  readonly effective_on: string;
  readonly promised_date: string;
};

/** The `order_promises` read model: promise history, so "due tomorrow" is answered as of any past day. */
export const orderPromisesTable = defineTable<OrderPromiseRow, 'order_id' | 'effective_on'>({
  name: 'order_promises',
  columns: { order_id: 'TEXT', effective_on: 'TEXT', promised_date: 'TEXT' },
  primaryKey: ['order_id', 'effective_on'],
  // Orders promised for a day (deliveries due tomorrow).
  indexes: [['promised_date', 'effective_on']],
});
