import type Database from 'better-sqlite3';
import type { LagOf } from '../runner/report.js';
import { readList, type ListPaging, type ListResult } from './list-result.js';
import { Conditions, readPage } from './paging.js';
import type { WorkOrderRow } from './worklists.tables.js';

/** Statuses `GET /orders` filters on: the order's own, and `late`. */
export const ORDER_LIST_STATUSES = [
  'awaiting_approval',
  'placed',
  'confirmed',
  'partly_shipped',
  'shipped',
  'delivered',
  'late',
  'cancelled',
  'closed',
] as const;
/** One of the statuses the list filters on. */
export type OrderListStatus = (typeof ORDER_LIST_STATUSES)[number];

/** `GET /orders` filters. */
export interface OrderListFilter extends ListPaging {
  /** Today's business date: what `late` is measured against. */
  readonly today: string;
  readonly status?: OrderListStatus | undefined;
  readonly rep?: string | undefined;
  readonly region?: string | undefined;
  readonly customer?: string | undefined;
  /** Placed on or after / on or before these business dates. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** Only orders awaiting delivery promised for this date ("my day": deliveries due). */
  readonly promisedOn?: string | undefined;
}

/** An order in the list. */
export interface OrderListRow {
  readonly orderId: string;
  readonly customerId: string;
  readonly repId: string;
  readonly region: string;
  readonly status: string;
  readonly late: boolean;
  readonly placedOn: string;
  readonly promisedOn: string;
  readonly deliveredOn: string | null;
  readonly total: number;
  readonly currency: string;
}

/** The name of the order list in its cursors. */
export const ORDER_LIST = 'orders';

/** `late`: past the promised delivery date (before today) and not delivered, cancelled or closed without shipping. */
const answer =
  (today: string) =>
  (row: WorkOrderRow): OrderListRow => ({
    orderId: row.order_id,
    customerId: row.customer_id,
    repId: row.rep_id,
    region: row.region,
    status: row.status,
    late: row.awaiting_delivery === 1 && row.promised_on < today,
    placedOn: row.placed_on,
    promisedOn: row.promised_on,
    deliveredOn: row.delivered_on,
    total: row.total,
    currency: row.currency,
  });

/** Orders newest placed first (then id, descending), in the caller's scope and the filters. */
export function listOrders(db: Database.Database, lagOf: LagOf, filter: OrderListFilter): ListResult<OrderListRow> {
  const late = filter.status === 'late';
  const where = new Conditions()
    .add('rep_id = @scopeRep', { scopeRep: filter.scope.repId })
    .add('region = @scopeRegion', { scopeRegion: filter.scope.region })
    .add('rep_id = @rep', { rep: filter.rep })
    .add('region = @region', { region: filter.region })
    .add('customer_id = @customer', { customer: filter.customer })
    .add('placed_on >= @from', { from: filter.from })
    .add('placed_on <= @to', { to: filter.to })
    .add('status = @status', { status: late ? undefined : filter.status })
    .add('awaiting_delivery = 1 AND promised_on < @today', { today: filter.today }, late)
    .add('awaiting_delivery = 1 AND promised_on = @promisedOn', { promisedOn: filter.promisedOn })
    .add('(placed_on, order_id) < (@afterOn, @afterId)', { afterOn: filter.after?.[0], afterId: filter.after?.[1] });
  const sql = `SELECT * FROM wl_orders ${where.sql} ORDER BY placed_on DESC, order_id DESC`;
  const keyOf = (r: WorkOrderRow) => [r.placed_on, r.order_id];
  return readList(
    db,
    lagOf,
    () => readPage<WorkOrderRow>(db, { list: ORDER_LIST, sql, params: where.params, limit: filter.limit, keyOf }),
    answer(filter.today),
  );
}
