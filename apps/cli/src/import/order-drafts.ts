import { joinReasons, say } from '../i18n/messages.js';
import { columnLabel } from './columns.js';
import type { CsvRow } from './csv-file.js';
import { ORDER_HEADER_FIELDS, readOrderRow, type OrderRow } from './order-rows.js';
import type { Problems } from './problems.js';

/** An order as the file describes it: its rows, all good and agreeing on the order's fields. */
export interface OrderDraft {
  readonly orderId: string;
  /** The first row: the order's fields. */
  readonly head: OrderRow;
  readonly lines: readonly OrderRow[];
}

/** The customer as its first row in the file describes it, and the date of its earliest good order. */
export interface CustomerDraft {
  readonly head: OrderRow;
  readonly firstOrderDate: string;
}

/** Orders of orders.csv, checked and grouped. */
export interface OrderFile {
  readonly orders: readonly OrderDraft[];
  /** Ids of orders that had a bad row: nothing of them is written. */
  readonly badOrders: ReadonlySet<string>;
  readonly customers: ReadonlyMap<string, CustomerDraft>;
}

/**
 * Checks every row, groups rows by order_id (rows of one order need not be adjacent), and refuses every
 * order with a bad row or with rows that disagree on the order's fields. Good orders come sorted by order
 * date, then id, so history is written in the order it happened.
 */
export function draftOrders(file: string, rows: readonly CsvRow[], problems: Problems): OrderFile {
  const byOrder = new Map<string, { rows: OrderRow[]; bad: boolean }>();
  for (const row of rows) {
    const key = row.fields['order_id'] ?? '';
    const group = byOrder.get(key) ?? { rows: [], bad: false };
    byOrder.set(key, group);
    const parsed = row.malformed ? [] : readOrderRow(row);
    if (row.malformed) group.bad = true;
    else if (Array.isArray(parsed)) {
      problems.add(file, row.line, say('row.order', { id: key || say('row.noId'), reasons: joinReasons(parsed) }));
      group.bad = true;
    } else {
      const first = group.rows[0];
      const disagreement = first === undefined ? undefined : disagreeing(first, parsed);
      if (disagreement !== undefined) {
        problems.add(file, row.line, say('row.order', { id: key, reasons: disagreement }));
        group.bad = true;
      }
      group.rows.push(parsed);
    }
  }
  const orders: OrderDraft[] = [];
  const badOrders = new Set<string>();
  for (const [orderId, group] of byOrder) {
    const head = group.rows[0];
    if (group.bad || head === undefined) badOrders.add(orderId);
    else orders.push({ orderId, head, lines: group.rows });
  }
  orders.sort((a, b) =>
    a.head.orderDate === b.head.orderDate
      ? a.orderId < b.orderId
        ? -1
        : 1
      : a.head.orderDate < b.head.orderDate
        ? -1
        : 1,
  );
  return { orders, badOrders, customers: customersOf(orders) };
}

const COLUMN_OF: Record<(typeof ORDER_HEADER_FIELDS)[number], keyof OrderRow> = {
  order_date: 'orderDate',
  customer_id: 'customerId',
  customer_name: 'customerName',
  segment: 'segment',
  region: 'region',
  rep_id: 'repId',
  currency: 'currency',
  ship_date: 'shipDate',
  delivered_date: 'deliveredDate',
  promised_date: 'promisedDate',
};

function disagreeing(first: OrderRow, row: OrderRow): string | undefined {
  const differing = ORDER_HEADER_FIELDS.filter((column) => first[COLUMN_OF[column]] !== row[COLUMN_OF[column]]);
  if (differing.length === 0) return undefined;
  const shown = (value: unknown): string => (value === undefined ? say('order.empty') : `"${String(value)}"`);
  return joinReasons(
    differing.map((column) =>
      say('order.disagrees', {
        name: columnLabel(column),
        value: shown(row[COLUMN_OF[column]]),
        line: String(first.line),
        first: shown(first[COLUMN_OF[column]]),
      }),
    ),
  );
}

/** Each customer from its first row in the file, registered on the date of its earliest good order. */
function customersOf(orders: readonly OrderDraft[]): Map<string, CustomerDraft> {
  const customers = new Map<string, CustomerDraft>();
  for (const order of orders) {
    const known = customers.get(order.head.customerId);
    if (known === undefined)
      customers.set(order.head.customerId, { head: order.head, firstOrderDate: order.head.orderDate });
    else {
      const head = order.head.line < known.head.line ? order.head : known.head;
      customers.set(order.head.customerId, {
        head,
        firstOrderDate: known.firstOrderDate < order.head.orderDate ? known.firstOrderDate : order.head.orderDate,
      });
    }
  }
  return customers;
}
