import { z } from 'zod';
import { IsoDate } from '@salesbook/domain';
import { queryDailySales, type DailySalesRow } from '@salesbook/projections';
import { REPORT_READERS, scopeOf, type ReportDefinition } from './report-definition.js';

/** `GET /reports/sales/daily?date=&groupBy=rep|region`. */
export const DailySalesQuery = z.object({ date: IsoDate, groupBy: z.enum(['rep', 'region']).default('rep') }).strict();
export type DailySalesQuery = z.infer<typeof DailySalesQuery>;

/** One group of a day's booked sales, in one currency (amounts in minor units). */
export interface DailySalesGroup {
  readonly key: string;
  readonly currency: string;
  readonly ordersConfirmed: number;
  readonly confirmed: number;
  readonly amendments: number;
  readonly closes: number;
  readonly cancellations: number;
  readonly cancelled: number;
  readonly booked: number;
}

function group(rows: readonly DailySalesRow[], by: 'rep' | 'region'): DailySalesGroup[] {
  const groups = new Map<string, DailySalesGroup>();
  for (const row of rows) {
    const key = by === 'rep' ? row.rep_id : row.region;
    const id = `${key}\u0000${row.currency}`;
    const current = groups.get(id) ?? { key, currency: row.currency, ordersConfirmed: 0, confirmed: 0, amendments: 0, closes: 0, cancellations: 0, cancelled: 0, booked: 0 };
    groups.set(id, {
      ...current,
      ordersConfirmed: current.ordersConfirmed + row.orders_confirmed,
      confirmed: current.confirmed + row.confirmed_amount,
      amendments: current.amendments + row.amendments_delta,
      closes: current.closes + row.closes_delta,
      cancellations: current.cancellations + row.cancellations,
      cancelled: current.cancelled + row.cancelled_amount,
      booked: current.booked + row.booked,
    });
  }
  return [...groups.values()];
}

/** The daily sales report: booked sales of one business day by rep or region and currency. */
export const dailySalesReport: ReportDefinition<DailySalesQuery, DailySalesGroup> = {
  route: {
    method: 'GET',
    path: '/reports/sales/daily',
    audience: REPORT_READERS,
    summary: 'Daily sales: booked sales of a business day by rep or region, per currency',
    tag: 'reports',
    query: DailySalesQuery,
    status: 200,
    projection: 'daily_sales',
  },
  run(query, { db, lagOf, actor }) {
    const result = queryDailySales(db, lagOf, { from: query.date, to: query.date, ...scopeOf(actor) });
    return { ...result, date: query.date, groupBy: query.groupBy, rows: group(result.rows, query.groupBy) };
  },
};
