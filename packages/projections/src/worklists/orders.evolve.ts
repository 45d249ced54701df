import type { OrderEvent, OrderLine } from '@salesbook/domain';
import { businessDate } from '../model/business-time.js';
import { upsert, type RowReader, type RowWrite } from '../model/table.js';
import { workOrdersTable, type WorkOrderRow } from './worklists.tables.js';

type Line = { readonly id: string; readonly qty: number; readonly shipped: number };

const NO_APPROVAL = { approval_asked_by: null, approval_asked_at: null, approval_discount_bp: null } as const;
const CONFIRMED = new Set(['confirmed', 'partly_shipped', 'shipped']);

const linesOf = (row: WorkOrderRow): Line[] => JSON.parse(row.lines) as Line[];

/** `confirmed`, `partly_shipped` or `shipped`, as the domain's shipping status from the lines. */
const shippingStatus = (lines: readonly Line[]): string => {
  if (lines.every((line) => line.shipped === 0)) return 'confirmed';
  return lines.every((line) => line.shipped >= line.qty) ? 'shipped' : 'partly_shipped';
};

const maxDiscount = (lines: readonly OrderLine[]): number => Math.max(0, ...lines.map((line) => line.discountBp));

const existing = (rows: RowReader, orderId: string): WorkOrderRow => {
  const row = rows.get(workOrdersTable, { order_id: orderId });
  if (row === undefined) throw new Error(`order ${orderId} has no OrderPlaced before this event`);
  return row;
};

function placed(
  event: Extract<OrderEvent, { type: 'OrderPlaced' }>,
  actorId: string | null,
  zone: string,
): WorkOrderRow {
  const d = event.data;
  return {
    order_id: d.orderId,
    customer_id: d.customerId,
    rep_id: d.repId,
    region: d.region,
    currency: d.currency,
    status: d.approvalRequired ? 'awaiting_approval' : 'placed',
    awaiting_delivery: 1,
    placed_on: businessDate(d.placedAt, zone),
    promised_on: d.promisedDeliveryDate,
    delivered_on: null,
    total: d.total,
    ...(d.approvalRequired
      ? { approval_asked_by: actorId ?? d.repId, approval_asked_at: d.placedAt, approval_discount_bp: d.maxDiscountBp }
      : NO_APPROVAL),
    lines: JSON.stringify(d.lines.map((line) => ({ id: line.lineId, qty: line.quantity, shipped: 0 }))),
  };
}

function amended(
  row: WorkOrderRow,
  event: Extract<OrderEvent, { type: 'OrderAmended' }>,
  actorId: string | null,
): WorkOrderRow {
  const d = event.data;
  const shipped = new Map<string, number>(linesOf(row).map((line) => [line.id, line.shipped]));
  const lines = d.linesAfter.map((line) => ({
    id: line.lineId,
    qty: line.quantity,
    shipped: shipped.get(line.lineId) ?? 0,
  }));
  const base = { ...row, promised_on: d.promisedDeliveryDateAfter, total: d.totalAfter, lines: JSON.stringify(lines) };
  if (CONFIRMED.has(row.status)) return { ...base, status: shippingStatus(lines) };
  if (!d.approvalRequired) return { ...base, status: 'placed', ...NO_APPROVAL };
  // An amendment past the amender's limit asks for approval again, in their name.
  return {
    ...base,
    status: 'awaiting_approval',
    approval_asked_by: actorId ?? row.rep_id,
    approval_asked_at: d.amendedAt,
    approval_discount_bp: maxDiscount(d.linesAfter),
  };
}

function shipped(row: WorkOrderRow, event: Extract<OrderEvent, { type: 'OrderShipmentRecorded' }>): WorkOrderRow {
  const added = new Map<string, number>(event.data.lines.map((line) => [line.lineId, line.quantity]));
  const lines = linesOf(row).map((line) => ({ ...line, shipped: line.shipped + (added.get(line.id) ?? 0) }));
  return { ...row, lines: JSON.stringify(lines), status: row.status === 'closed' ? 'closed' : shippingStatus(lines) };
}

/** A short close keeps awaiting the delivery of what shipped; closed before anything shipped, nothing is to come. */
function closed(row: WorkOrderRow): WorkOrderRow {
  const lines = linesOf(row).map((line) => ({ ...line, qty: line.shipped }));
  const anyShipped = lines.some((line) => line.shipped > 0);
  return {
    ...row,
    status: 'closed',
    lines: JSON.stringify(lines),
    awaiting_delivery: anyShipped && row.delivered_on === null ? 1 : 0,
  };
}

function evolveExisting(row: WorkOrderRow, event: OrderEvent, actorId: string | null): WorkOrderRow {
  switch (event.type) {
    case 'OrderPlaced':
      return row;
    case 'OrderDiscountApproved':
      return { ...row, status: 'placed', ...NO_APPROVAL };
    case 'OrderConfirmed':
      return {
        ...row,
        status: 'confirmed',
        rep_id: event.data.repId,
        region: event.data.region,
        promised_on: event.data.promisedDeliveryDate,
        total: event.data.bookedTotal,
        ...NO_APPROVAL,
      };
    case 'OrderAmended':
      return amended(row, event, actorId);
    case 'OrderShipmentRecorded':
      return shipped(row, event);
    case 'OrderDelivered':
      return {
        ...row,
        status: row.status === 'closed' ? 'closed' : 'delivered',
        delivered_on: event.data.deliveredOn,
        awaiting_delivery: 0,
      };
    case 'OrderCancelled':
      return { ...row, status: 'cancelled', awaiting_delivery: 0, ...NO_APPROVAL };
    case 'OrderClosed':
      return closed(row);
  }
}

/** The order list's row from an order event; `actorId` is who sent the command (the event's metadata). */
export function evolveOrder(
  event: OrderEvent,
  rows: RowReader,
  actorId: string | null,
  zone: string,
): readonly RowWrite[] {
  if (event.type === 'OrderPlaced') {
    return rows.get(workOrdersTable, { order_id: event.data.orderId }) === undefined
      ? [upsert(workOrdersTable, placed(event, actorId, zone))]
      : [];
  }
  return [upsert(workOrdersTable, evolveExisting(existing(rows, event.data.orderId), event, actorId))];
}
