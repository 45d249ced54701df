import createClient from 'openapi-fetch';
import type { paths } from './schema.js';

// A client as an integrator would write it: typed only by the paths generated from the API's OpenAPI document.
const api = createClient<paths>({ baseUrl: 'http://127.0.0.1:3000', headers: { authorization: 'Bearer <token>' } });

/** Booked sales of each region on a day, summed over currencies: reads the documented row fields. */
export async function bookedByRegion(date: string): Promise<Record<string, number>> {
  const { data, error } = await api.GET('/reports/sales/daily', { params: { query: { date, groupBy: 'region' } } });
  if (error !== undefined) throw new Error(`${error.code}: ${error.message}`);
  const booked: Record<string, number> = {};
  for (const row of data.rows) booked[row.group] = row.currencies.reduce((sum, figures) => sum + figures.booked, 0);
  return booked;
}

/** Places an order and answers the revision to send as If-Match next. */
export async function placeOrder(orderId: string, customerId: string): Promise<number> {
  const { data, error } = await api.POST('/orders', {
    body: {
      orderId,
      customerId,
      repId: 'rep-1',
      currency: 'CNY',
      lines: [{ lineId: 'l1', sku: 'SKU-1', description: 'Widget', quantity: 2, unitPrice: 1_000, discountBp: 0 }],
      promisedDeliveryDate: '2026-03-20',
      paymentTerms: { kind: 'net', days: 30 },
    },
  });
  if (error !== undefined) throw new Error(`${error.code}: ${error.message}`);
  return data.revision;
}
