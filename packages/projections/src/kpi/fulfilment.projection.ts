import type { RecordedEvent } from '@salesbook/eventstore';
import { countsOn } from '@salesbook/domain';
import { businessDate } from '../model/business-time.js';
import { decodeEvent } from '../model/decode.js';
import { occurredAt, type Projection, type ProjectionContext } from '../model/projection.js';
import { upsert, type RowReader, type RowWrite } from '../model/table.js';
import {
  fulfilmentDailyTable,
  orderDeliveriesTable,
  orderPromisesTable,
  type FulfilmentDailyRow,
} from './fulfilment.tables.js';

const HANDLED = new Set([
  'OrderConfirmed',
  'OrderAmended',
  'OrderShipmentRecorded',
  'OrderDelivered',
  'OrderCancelled',
]);
type Counters = Omit<FulfilmentDailyRow, 'business_date' | 'rep_id' | 'region'>;

function addToDay(
  rows: RowReader,
  key: Pick<FulfilmentDailyRow, 'business_date' | 'rep_id' | 'region'>,
  add: Partial<Counters>,
): RowWrite {
  const base = rows.get(fulfilmentDailyTable, key);
  return upsert(fulfilmentDailyTable, {
    ...key,
    shipments: (base?.shipments ?? 0) + (add.shipments ?? 0),
    deliveries_on_time: (base?.deliveries_on_time ?? 0) + (add.deliveries_on_time ?? 0),
    deliveries_late: (base?.deliveries_late ?? 0) + (add.deliveries_late ?? 0),
    late_delay_days: (base?.late_delay_days ?? 0) + (add.late_delay_days ?? 0),
  });
}

function project(event: RecordedEvent, rows: RowReader, context: ProjectionContext): readonly RowWrite[] {
  if (!HANDLED.has(event.type)) return [];
  const decoded = decodeEvent(event);
  const on = (): string => businessDate(occurredAt(event), context.zone);
  switch (decoded.type) {
    case 'OrderConfirmed': {
      const d = decoded.data;
      const row = {
        order_id: d.orderId,
        rep_id: d.repId,
        region: d.region,
        confirmed_on: on(),
        delivered_on: null,
        cancelled_on: null,
      };
      return [
        upsert(orderDeliveriesTable, row),
        upsert(orderPromisesTable, {
          order_id: d.orderId,
          effective_on: row.confirmed_on,
          promised_date: d.promisedDeliveryDate,
        }),
      ];
    }
    case 'OrderAmended': {
      const d = decoded.data;
      if (rows.get(orderDeliveriesTable, { order_id: d.orderId }) === undefined) return [];
      return [
        upsert(orderPromisesTable, {
          order_id: d.orderId,
          effective_on: on(),
          promised_date: d.promisedDeliveryDateAfter,
        }),
      ];
    }
    case 'OrderShipmentRecorded': {
      const d = decoded.data;
      return [
        addToDay(
          rows,
          { business_date: countsOn(d, d.shippedOn), rep_id: d.repId, region: d.region },
          { shipments: 1 },
        ),
      ];
    }
    case 'OrderDelivered': {
      const d = decoded.data;
      const order = rows.get(orderDeliveriesTable, { order_id: d.orderId });
      const add = d.onTime ? { deliveries_on_time: 1 } : { deliveries_late: 1, late_delay_days: d.delayDays };
      // A late delivery (into a closed month) counts on its posting day, so the closed month's figures stay put.
      const deliveredOn = countsOn(d, d.deliveredOn);
      const day = addToDay(rows, { business_date: deliveredOn, rep_id: d.repId, region: d.region }, add);
      return order === undefined ? [day] : [day, upsert(orderDeliveriesTable, { ...order, delivered_on: deliveredOn })];
    }
    case 'OrderCancelled': {
      const order = rows.get(orderDeliveriesTable, { order_id: decoded.data.orderId });
      return order === undefined ? [] : [upsert(orderDeliveriesTable, { ...order, cancelled_on: on() })];
    }
    default:
      return [];
  }
}

/**
 * Shipments and deliveries (on time, late) per business day x rep x region, by the dates the events carry
 * (`shippedOn`, `deliveredOn`), and each confirmed order's promise history and delivery or cancellation day,
 * from which "deliveries due tomorrow" is computed as of any day.
 */
export const fulfilmentProjection: Projection = {
  name: 'fulfilment',
  handles: HANDLED,
  version: 2,
  tables: [fulfilmentDailyTable, orderDeliveriesTable, orderPromisesTable],
  project,
};
