import type { OrderEvent } from '@salesbook/domain';
import { businessDate } from '../model/business-time.js';
import { upsert, type RowReader, type RowWrite } from '../model/table.js';
import { supervisionOrdersTable, type SupervisionOrderRow } from './supervision.tables.js';

// Instants are kept as toISOString text, so alert queries compare them as text.
const iso = (instant: string): string => new Date(instant).toISOString();

function placedRow(event: Extract<OrderEvent, { type: 'OrderPlaced' }>, zone: string): SupervisionOrderRow {
  const d = event.data;
  const asked = d.approvalRequired ? iso(d.placedAt) : null;
  return {
    order_id: d.orderId,
    customer_id: d.customerId,
    rep_id: d.repId,
    region: d.region,
    placed_at: iso(d.placedAt),
    placed_on: businessDate(d.placedAt, zone),
    approval_required: d.approvalRequired ? 1 : 0,
    approval_pending_since: asked,
    approval_asked_at: asked,
    approved_at: null,
    promised_date: null,
    delivered_on: null,
    cancelled_at: null,
  };
}

/** An amendment before confirmation either asks for approval anew or, within the amender's limit, counts as one. */
function amendedRow(
  row: SupervisionOrderRow,
  data: Extract<OrderEvent, { type: 'OrderAmended' }>['data'],
): SupervisionOrderRow {
  if (row.promised_date !== null) return { ...row, promised_date: data.promisedDeliveryDateAfter };
  if (data.approvalRequired)
    return {
      ...row,
      approval_required: 1,
      approval_pending_since: iso(data.amendedAt),
      approval_asked_at: iso(data.amendedAt),
      approved_at: null,
    };
  if (row.approval_pending_since === null) return row;
  return { ...row, approval_pending_since: null, approved_at: iso(data.amendedAt) };
}

function changed(row: SupervisionOrderRow, event: OrderEvent): SupervisionOrderRow {
  switch (event.type) {
    case 'OrderAmended':
      return amendedRow(row, event.data);
    case 'OrderDiscountApproved':
      return { ...row, approval_pending_since: null, approved_at: iso(event.data.approvedAt) };
    case 'OrderConfirmed':
      return { ...row, promised_date: event.data.promisedDeliveryDate };
    case 'OrderDelivered':
      return { ...row, delivered_on: event.data.deliveredOn };
    case 'OrderCancelled':
      return { ...row, approval_pending_since: null, cancelled_at: iso(event.data.cancelledAt) };
    default:
      return row;
  }
}

/** The writes of one order event to `supervision_orders`. */
export function projectOrder(event: OrderEvent, rows: RowReader, zone: string): readonly RowWrite[] {
  const row = rows.get(supervisionOrdersTable, { order_id: event.data.orderId });
  if (event.type === 'OrderPlaced')
    return row === undefined ? [upsert(supervisionOrdersTable, placedRow(event, zone))] : [];
  if (row === undefined)
    throw new Error(`order ${event.data.orderId} was never placed (${event.type} before OrderPlaced)`);
  const next = changed(row, event);
  return next === row ? [] : [upsert(supervisionOrdersTable, next)];
}
