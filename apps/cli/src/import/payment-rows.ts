import type { CsvRow } from './csv-file.js';
import { joinReasons, say } from '../i18n/messages.js';
import { columnLabel } from './columns.js';
import { FieldReader } from './fields.js';
import type { Problems } from './problems.js';

/** The columns of payments.csv (docs/auditing.md, the import's file format). */
export const PAYMENT_COLUMNS = ['payment_id', 'order_id', 'received_date', 'amount', 'currency'] as const;

/** One checked payment; `amount` in minor units. */
export interface PaymentRow {
  readonly line: number;
  readonly paymentId: string;
  readonly orderId: string;
  readonly receivedDate: string;
  readonly amount: number;
  readonly currency: string;
}

/** What the payments file needs to know of the orders file. */
export interface OrdersSeen {
  readonly currencyOf: (orderId: string) => string | undefined;
  readonly isBad: (orderId: string) => boolean;
}

/**
 * Checks every payment row: fields, the currency of its order (when the order is in the file), a payment of
 * a refused order, and a payment id used twice. Payments are returned sorted by received date, then line.
 */
export function readPayments(
  file: string,
  rows: readonly CsvRow[],
  orders: OrdersSeen,
  problems: Problems,
): PaymentRow[] {
  const payments: PaymentRow[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (row.malformed) continue;
    const read = new FieldReader(row.fields);
    const currency = read.currency('currency');
    const parsed = {
      line: row.line,
      paymentId: read.id('payment_id'),
      orderId: read.id('order_id'),
      receivedDate: read.date('received_date'),
      amount: read.money('amount', currency, true),
      currency,
    };
    const reasons = [...read.reasons];
    const orderCurrency = parsed.orderId === undefined ? undefined : orders.currencyOf(parsed.orderId);
    if (currency !== undefined && orderCurrency !== undefined && orderCurrency !== currency)
      reasons.push(say('payment.currency', { name: columnLabel('currency'), currency, orderCurrency }));
    if (parsed.orderId !== undefined && orders.isBad(parsed.orderId))
      reasons.push(say('payment.orderBad', { id: parsed.orderId }));
    const earlier = parsed.paymentId === undefined ? undefined : seen.get(parsed.paymentId);
    if (earlier !== undefined)
      reasons.push(
        say('payment.idReused', { name: columnLabel('payment_id'), id: parsed.paymentId ?? '', line: String(earlier) }),
      );
    if (parsed.paymentId !== undefined && earlier === undefined) seen.set(parsed.paymentId, row.line);
    if (reasons.length > 0)
      problems.add(
        file,
        row.line,
        say('row.payment', { id: row.fields['payment_id'] || say('row.noId'), reasons: joinReasons(reasons) }),
      );
    else payments.push(parsed as PaymentRow);
  }
  return payments.sort((a, b) =>
    a.receivedDate === b.receivedDate ? a.line - b.line : a.receivedDate < b.receivedDate ? -1 : 1,
  );
}
