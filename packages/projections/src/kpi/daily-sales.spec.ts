import { createMemoryEventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { ProjectionRunner } from '../runner/runner.js';
import { amended, appendOrderEvent, cancelled, confirmed, type TestLine } from '../testing/order-events.js';
import { dailySalesProjection } from './daily-sales.projection.js';
import { queryDailySales } from './daily-sales.queries.js';

const o1 = { orderId: 'o-1', repId: 'rep-1', region: 'east', currency: 'CNY' };
const o2 = { orderId: 'o-2', repId: 'rep-1', region: 'east', currency: 'CNY' };
const o3 = { orderId: 'o-3', repId: 'rep-2', region: 'west', currency: 'USD' };
const o4 = { orderId: 'o-4', repId: 'rep-1', region: 'east', currency: 'CNY' };
// 10 x 1000 = 10000; 5 x 200 less 2.5% = 1000 - 25 = 975; total 10975.
const o1Lines: TestLine[] = [
  { lineId: 'l1', quantity: 10, unitPrice: 1_000, discountBp: 0 },
  { lineId: 'l2', quantity: 5, unitPrice: 200, discountBp: 250 },
];
// l1 raised to 12: 12000 + 975 = 12975, delta +2000.
const o1Amended: TestLine[] = [{ ...o1Lines[0]!, quantity: 12 }, o1Lines[1]!];
// 3 x 333 = 999 less 15% = 149.85, rounded to 150: 849.
const o2Lines: TestLine[] = [{ lineId: 'l1', quantity: 3, unitPrice: 333, discountBp: 1_500 }];
// 5000 + (1250 less 1% = 12.5, half to even 12: 1238) = 6238.
const o3Lines: TestLine[] = [
  { lineId: 'l1', quantity: 1, unitPrice: 5_000, discountBp: 0 },
  { lineId: 'l2', quantity: 1, unitPrice: 1_250, discountBp: 100 },
];

const zero = {
  orders_confirmed: 0,
  confirmed_amount: 0,
  amendments_delta: 0,
  closes_delta: 0,
  cancellations: 0,
  cancelled_amount: 0,
};

describe('daily sales', () => {
  it('books confirmations, amendment deltas and cancellations on their business day, per rep, region and currency', async () => {
    const store = createMemoryEventStore();
    const db = new Database(':memory:');
    const runner = new ProjectionRunner({ db, store, projections: [dailySalesProjection] });
    // 16:30Z on 31 March is 00:30 on 1 April in Shanghai.
    await appendOrderEvent(store, o1, confirmed(o1, o1Lines, 10_975, '2026-03-31T16:30:00Z'));
    await appendOrderEvent(store, o2, confirmed(o2, o2Lines, 849, '2026-04-01T02:00:00Z'));
    await appendOrderEvent(store, o3, confirmed(o3, o3Lines, 6_238, '2026-04-01T10:00:00Z'));
    await runner.start();
    await runner.whenLive();
    await appendOrderEvent(store, o1, amended(o1, o1Lines, o1Amended, [10_975, 12_975], 2_000, '2026-04-02T01:00:00Z'));
    await appendOrderEvent(store, o2, cancelled(o2, true, 849, '2026-04-02T03:00:00Z'));
    // Never confirmed: its amendment books 0 and its cancellation reverses nothing.
    await appendOrderEvent(store, o4, amended(o4, o2Lines, o1Lines, [849, 10_975], 0, '2026-04-02T04:00:00Z'));
    const last = await appendOrderEvent(store, o4, cancelled(o4, false, 0, '2026-04-02T05:00:00Z'));
    await runner.whenAt('daily_sales', last);

    const report = queryDailySales(db, (name) => runner.freshness(name).lag, { from: '2026-03-31', to: '2026-04-30' });
    expect(report.position).toBe('7');
    expect(report.lag).toBe(0);
    expect(report.rows).toEqual([
      {
        business_date: '2026-04-01',
        rep_id: 'rep-1',
        region: 'east',
        currency: 'CNY',
        ...zero,
        orders_confirmed: 2,
        confirmed_amount: 11_824,
        booked: 11_824,
      },
      {
        business_date: '2026-04-01',
        rep_id: 'rep-2',
        region: 'west',
        currency: 'USD',
        ...zero,
        orders_confirmed: 1,
        confirmed_amount: 6_238,
        booked: 6_238,
      },
      {
        business_date: '2026-04-02',
        rep_id: 'rep-1',
        region: 'east',
        currency: 'CNY',
        ...zero,
        amendments_delta: 2_000,
        cancellations: 1,
        cancelled_amount: 849,
        booked: 1_151,
      },
    ]);
    expect(queryDailySales(db, () => 0, { from: '2026-04-01', to: '2026-04-01', repId: 'rep-2' }).rows).toHaveLength(1);

    // In UTC the first confirmation falls on 31 March instead.
    const utc = new ProjectionRunner({
      db: new Database(':memory:'),
      store,
      projections: [dailySalesProjection],
      zone: 'UTC',
    });
    await utc.start();
    await utc.whenLive();
    expect(utc.digest('daily_sales').digest).not.toBe(runner.digest('daily_sales').digest);
    await utc.stop();

    const incremental = runner.digest('daily_sales');
    await runner.rebuild('daily_sales');
    expect(runner.digest('daily_sales')).toEqual(incremental);
    await runner.stop();
  });

  it('parks a confirmation whose booked total is not the total of its lines, and holds that order behind it', async () => {
    const store = createMemoryEventStore();
    const db = new Database(':memory:');
    const runner = new ProjectionRunner({ db, store, projections: [dailySalesProjection] });
    await appendOrderEvent(store, o1, confirmed(o1, o1Lines, 11_000, '2026-04-01T02:00:00Z'));
    await appendOrderEvent(store, o1, cancelled(o1, true, 11_000, '2026-04-02T02:00:00Z'));
    await appendOrderEvent(store, o3, confirmed(o3, o3Lines, 6_238, '2026-04-01T10:00:00Z'));
    await runner.start();
    await runner.whenLive();
    const report = queryDailySales(db, () => 0, { from: '2026-04-01', to: '2026-04-30' });
    expect(report.rows.map((row) => [row.business_date, row.rep_id, row.booked])).toEqual([
      ['2026-04-01', 'rep-2', 6_238],
    ]);
    expect((await runner.status())[0]).toMatchObject({
      state: 'stalled',
      parked: 2,
      blockedStreams: ['order-o-1'],
      lastError: 'bookedTotal 11000 is not the total of the lines (10975)',
    });
    await runner.stop();
  });
});
