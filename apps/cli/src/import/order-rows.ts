import type { CsvRow } from './csv-file.js';
import { say } from '../i18n/messages.js';
import { columnLabel } from './columns.js';
import { FieldReader } from './fields.js';

/** The columns of orders.csv (docs/auditing.md, the import's file format). */
export const ORDER_COLUMNS = [
  'order_id',
  'order_date',
  'customer_id',
  'customer_name',
  'segment',
  'region',
  'rep_id',
  'currency',
  'sku',
  'product_name',
  'quantity',
  'unit_price',
  'discount_pct',
  'ship_date',
  'delivered_date',
  'promised_date',
] as const;

/** Fields of an order (not of a line): every row of one order must agree on them. */
export const ORDER_HEADER_FIELDS = [
  'order_date',
  'customer_id',
  'customer_name',
  'segment',
  'region',
  'rep_id',
  'currency',
  'ship_date',
  'delivered_date',
  'promised_date',
] as const;

/** One checked line of orders.csv; amounts in minor units, discount in basis points. */
export interface OrderRow {
  readonly line: number;
  readonly orderId: string;
  readonly orderDate: string;
  readonly customerId: string;
  readonly customerName: string;
  readonly segment: string;
  readonly region: string;
  readonly repId: string;
  readonly currency: string;
  readonly sku: string;
  readonly productName: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly discountBp: number;
  readonly shipDate: string | undefined;
  readonly deliveredDate: string | undefined;
  readonly promisedDate: string | undefined;
}

function dateOrder(row: Pick<OrderRow, 'orderDate' | 'shipDate' | 'deliveredDate'>): string[] {
  const reasons: string[] = [];
  const [ship, order, delivered] = [columnLabel('ship_date'), columnLabel('order_date'), columnLabel('delivered_date')];
  if (row.shipDate !== undefined && row.shipDate < row.orderDate)
    reasons.push(say('dates.before', { name: ship, value: row.shipDate, other: order, otherValue: row.orderDate }));
  if (row.deliveredDate !== undefined && row.shipDate === undefined)
    reasons.push(say('dates.deliveredWithoutShip', { delivered, ship }));
  if (row.deliveredDate !== undefined && row.shipDate !== undefined && row.deliveredDate < row.shipDate) {
    reasons.push(
      say('dates.before', { name: delivered, value: row.deliveredDate, other: ship, otherValue: row.shipDate }),
    );
  }
  return reasons;
}

/** Checks one row of orders.csv: the row, or every reason it is bad. */
export function readOrderRow(row: CsvRow): OrderRow | string[] {
  const read = new FieldReader(row.fields);
  const currency = read.currency('currency');
  const parsed = {
    line: row.line,
    orderId: read.id('order_id'),
    orderDate: read.date('order_date'),
    customerId: read.id('customer_id'),
    customerName: read.text('customer_name', 200),
    segment: read.segment('segment'),
    region: read.id('region'),
    repId: read.id('rep_id'),
    currency,
    sku: read.id('sku'),
    productName: read.text('product_name', 500),
    quantity: read.count('quantity', 1_000_000_000),
    unitPrice: read.money('unit_price', currency, false),
    discountBp: read.percentAsBasisPoints('discount_pct'),
    shipDate: read.optionalDate('ship_date'),
    deliveredDate: read.optionalDate('delivered_date'),
    promisedDate: read.optionalDate('promised_date'),
  };
  if (read.reasons.length > 0) return read.reasons;
  const checked = parsed as OrderRow;
  const dates = dateOrder(checked);
  return dates.length > 0 ? dates : checked;
}
