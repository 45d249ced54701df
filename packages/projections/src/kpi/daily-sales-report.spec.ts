import { createMemoryEventStore, type EventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { complaintsProjection } from '../complaints/complaints.projection.js';
import { customerDirectoryProjection } from '../customers/customer-directory.projection.js';
import { ProjectionRunner } from '../runner/runner.js';
import { complaintEvents } from '../testing/complaint-events.js';
import { registered } from '../testing/customer-events.js';
import { appendTestEvents } from '../testing/stored-events.js';
import { dailySalesProjection } from './daily-sales.projection.js';
import {
  DAILY_SALES_REPORT_SOURCES,
  queryDailySalesReport,
  type DailySalesCurrencyFigures,
} from './daily-sales-report.queries.js';
import { fulfilmentProjection } from './fulfilment.projection.js';
import { orderEvents, receivableEvents, targetEvent, type KpiOrder } from './kpi-events.testing.js';
import { receivablesKpiProjection } from './receivables-kpi.projection.js';
import { salesMonthlyProjection } from './sales-monthly.projection.js';
import { salesTargetsProjection } from './sales-targets.projection.js';

const order = (orderId: string, repId: string, region: string, currency = 'CNY'): KpiOrder => ({
  orderId,
  customerId: 'c-1',
  repId,
  region,
  currency,
  segment: 'smb',
});
const oA = order('oA', 'rep-1', 'east');
const oB = order('oB', 'rep-1', 'east');
const oC = order('oC', 'rep-1', 'east', 'USD');
const oD = order('oD', 'rep-2', 'west');
const oE = order('oE', 'rep-2', 'west');
const rec = (receivableId: string, o: KpiOrder) =>
  receivableEvents({
    receivableId,
    orderId: o.orderId,
    customerId: o.customerId,
    repId: o.repId,
    region: o.region,
    currency: o.currency,
  });
const complaint = (complaintId: string, ownerRepId: string, region: string, filedAt: string) =>
  complaintEvents({
    complaintId,
    category: 'delivery',
    severity: 'low',
    channel: 'phone',
    ownerRepId,
    region,
    filedAt,
  });

// 10 x 1000 = 10000; 5 x 200 = 1000 less 2.5% (25) = 975; total 10975.
const aLines = [
  { lineId: 'l1', sku: 'A', quantity: 10, unitPrice: 1_000, discountBp: 0 },
  { lineId: 'l2', sku: 'B', quantity: 5, unitPrice: 200, discountBp: 250 },
];
// 3 x 333 = 999 less 15% = 149.85 -> 150: 849; amended to 6: 1998 less 299.7 -> 300: 1698 (delta +849).
const bLines = [{ lineId: 'l1', sku: 'A', quantity: 3, unitPrice: 333, discountBp: 1_500 }];
const bAmended = [{ ...bLines[0]!, quantity: 6 }];
const one = (sku: string, unitPrice: number) => [{ lineId: 'l1', sku, quantity: 1, unitPrice, discountBp: 0 }];

async function given(store: EventStore): Promise<void> {
  const append = (stream: string, ...events: Parameters<typeof appendTestEvents>[2]) =>
    appendTestEvents(store, stream, events);
  await append(
    'customer-c-1',
    registered({ customerId: 'c-1', region: 'east', ownerRepId: 'rep-1', segment: 'smb' }, '2026-03-31T17:00:00Z'),
  );
  await append(
    'customer-c-2',
    registered({ customerId: 'c-2', region: 'west', ownerRepId: 'rep-2', segment: 'smb' }, '2026-03-31T15:00:00Z'),
  );
  await append(
    'target-2026-04-rep-rep-1',
    targetEvent('2026-04', 'rep', 'rep-1', 'east', 'CNY', 100_000),
    targetEvent('2026-04', 'rep', 'rep-1', 'east', 'CNY', 50_000, 100_000),
  );
  await append('target-2026-04-region-east', targetEvent('2026-04', 'region', 'east', 'east', 'CNY', 500_000));
  // 17:00Z on 31 March is 01:00 on 1 April in Shanghai.
  await append('order-oA', orderEvents(oA).confirmed(aLines, 10_975, '2026-03-31T17:00:00Z', '2026-04-02'));
  await append('order-oB', orderEvents(oB).confirmed(bLines, 849, '2026-03-20T02:00:00Z', '2026-04-10'));
  await append(
    'order-oB',
    orderEvents(oB).amended(bLines, bAmended, [849, 1_698], 849, '2026-04-01T03:00:00Z', ['2026-04-10', '2026-04-02']),
  );
  await append(
    'order-oC',
    orderEvents(oC).confirmed(one('C', 5_000), 5_000, '2026-04-01T02:00:00Z'),
    orderEvents(oC).cancelled(true, 5_000, '2026-04-01T08:00:00Z'),
  );
  const d = orderEvents(oD);
  await append(
    'order-oD',
    d.confirmed(one('D', 2_000), 2_000, '2026-03-25T02:00:00Z', '2026-04-01'),
    d.shipped('s1', '2026-03-30', [{ lineId: 'l1', sku: 'D', quantity: 1, ordered: 1 }]),
    d.delivered('2026-04-01', '2026-04-01', 2_000),
  );
  const e = orderEvents(oE);
  await append(
    'order-oE',
    e.confirmed(one('E', 3_000), 3_000, '2026-03-10T02:00:00Z', '2026-03-28'),
    e.shipped('s1', '2026-04-01', [{ lineId: 'l1', sku: 'E', quantity: 1, ordered: 1 }]),
    e.delivered('2026-04-01', '2026-03-28', 3_000),
  );
  const r1 = rec('r1', oB);
  const i1 = { installmentNo: 1, dueDate: '2026-03-31' };
  await append(
    'receivable-r1',
    r1.opened(
      [
        { ...i1, amount: 600 },
        { installmentNo: 2, dueDate: '2026-04-30', amount: 400 },
      ],
      '2026-03-01',
    ),
    r1.paid('p1', '2026-03-15', [{ ...i1, amount: 200, outstandingAfter: 400 }], 800),
    r1.paid('p2', '2026-04-01', [{ ...i1, amount: 100, outstandingAfter: 300 }], 700),
    r1.reversed('p1', '2026-03-15', '2026-04-01', [{ ...i1, amount: 200, outstandingAfter: 500 }], 900),
  );
  const r2 = rec('r2', oA);
  await append(
    'receivable-r2',
    r2.opened([{ installmentNo: 1, dueDate: '2026-05-01', amount: 10_975 }], '2026-04-01'),
    r2.credited(
      'cn1',
      '2026-04-01',
      [{ installmentNo: 1, dueDate: '2026-05-01', amount: 975, outstandingAfter: 10_000 }],
      10_000,
    ),
  );
  const r3 = rec('r3', oD);
  await append(
    'receivable-r3',
    r3.opened([{ ...i1, amount: 2_000 }], '2026-03-01'),
    r3.credited('cn1', '2026-03-30', [{ ...i1, amount: 500, outstandingAfter: 1_500 }], 1_500),
    r3.paid('p1', '2026-03-31', [{ ...i1, amount: 1_500, outstandingAfter: 0 }], 0),
  );
  const r4 = rec('r4', order('oX', 'rep-2', 'west', 'USD'));
  await append(
    'receivable-r4',
    r4.opened(
      [
        { installmentNo: 1, dueDate: '2026-03-30', amount: 100 },
        { ...i1, amount: 300 },
      ],
      '2026-03-01',
    ),
  );
  const k1 = complaint('k1', 'rep-1', 'east', '2026-03-31T16:30:00Z');
  await append('complaint-k1', k1.filed(), k1.acknowledged(1), k1.resolved(2), k1.closed(17.5, 5));
  const k2 = complaint('k2', 'rep-2', 'west', '2026-03-30T01:00:00Z');
  await append('complaint-k2', k2.filed(), k2.acknowledged(1), k2.resolved(2), k2.closed(63.5, 4));
  const k3 = complaint('k3', 'rep-2', 'west', '2026-03-30T01:00:00Z');
  await append('complaint-k3', k3.filed(), k3.acknowledged(1), k3.resolved(2), k3.closed(39 + 1 / 6, 4));
}

const PROJECTIONS = [
  dailySalesProjection,
  salesTargetsProjection,
  receivablesKpiProjection,
  fulfilmentProjection,
  complaintsProjection,
  customerDirectoryProjection,
  salesMonthlyProjection,
];
const none: Omit<DailySalesCurrencyFigures, 'currency'> = {
  orders_confirmed: 0,
  confirmed_amount: 0,
  amendments_delta: 0,
  closes_delta: 0,
  cancellations: 0,
  cancelled_amount: 0,
  booked: 0,
  month_to_date_booked: 0,
  target: null,
  month_to_date_attainment: null,
  invoiced: 0,
  collected: 0,
  newly_overdue_installments: 0,
  newly_overdue_amount: 0,
};
const quiet = {
  orders_confirmed: 0,
  cancellations: 0,
  shipments: 0,
  deliveries_on_time: 0,
  deliveries_late: 0,
  deliveries_due_tomorrow: 0,
  complaints_opened: 0,
  complaints_closed: 0,
  new_customers: 0,
};

describe('daily sales report', () => {
  let runner: ProjectionRunner;
  let db: Database.Database;
  const lag = (name: string) => runner.freshness(name).lag;

  beforeAll(async () => {
    const store = createMemoryEventStore();
    db = new Database(':memory:');
    runner = new ProjectionRunner({ db, store, projections: PROJECTIONS });
    await given(store);
    await runner.start();
    await runner.whenLive();
  });
  afterAll(() => runner.stop());

  it('answers every figure of a day per rep, money per currency, with hand-computed amounts', async () => {
    const report = queryDailySalesReport(db, lag, { date: '2026-04-01', groupBy: 'rep' });
    expect((await runner.status()).filter((s) => s.parked > 0)).toEqual([]);
    expect(report.lag).toBe(0);
    expect(report.position).not.toBeNull();
    expect(report.rows).toEqual([
      {
        business_date: '2026-04-01',
        group_by: 'rep',
        group: 'rep-1',
        // oA (CNY, confirmed 01:00 Shanghai) and oC (USD, confirmed then cancelled the same day); oA and oB (moved to 2 April that day) due tomorrow.
        ...quiet,
        orders_confirmed: 2,
        cancellations: 1,
        deliveries_due_tomorrow: 2,
        complaints_opened: 1,
        complaints_closed: 1,
        new_customers: 1,
        currencies: [
          // booked 10975 + 849 = 11824; attainment 11824 / 50000 (revised) = 0.23648 -> 0.2365; invoiced 10975 - 975 = 10000;
          // collected 100 (p2) - 200 (p1 bounced today) = -100; r1 #1 due 31 March: 600 - 200 = 400 outstanding then (p2 came later).
          {
            currency: 'CNY',
            ...none,
            orders_confirmed: 1,
            confirmed_amount: 10_975,
            amendments_delta: 849,
            booked: 11_824,
            month_to_date_booked: 11_824,
            target: 50_000,
            month_to_date_attainment: 0.2365,
            invoiced: 10_000,
            collected: -100,
            newly_overdue_installments: 1,
            newly_overdue_amount: 400,
          },
          {
            currency: 'USD',
            ...none,
            orders_confirmed: 1,
            confirmed_amount: 5_000,
            cancellations: 1,
            cancelled_amount: 5_000,
          },
        ],
      },
      {
        business_date: '2026-04-01',
        group_by: 'rep',
        group: 'rep-2',
        // oE shipped and delivered 4 days late, oD delivered on its promised day; k3 closed 00:10 Shanghai, k2 on 2 April.
        ...quiet,
        shipments: 1,
        deliveries_on_time: 1,
        deliveries_late: 1,
        complaints_closed: 1,
        // r3 was settled by credit 500 and payment 1500 by 31 March; r4 #1 (300 USD) due 31 March unpaid; #0 due 30 March is not new.
        currencies: [{ currency: 'USD', ...none, newly_overdue_installments: 1, newly_overdue_amount: 300 }],
      },
    ]);
  });

  it('groups by region with region targets, scopes rows to a rep, and answers "due tomorrow" with the promise in force that day', () => {
    const east = queryDailySalesReport(db, lag, {
      date: '2026-04-01',
      groupBy: 'region',
      scope: { region: 'east' },
    }).rows;
    // 11824 / 500000 = 0.023648 -> 0.0236
    expect(east.map((r) => [r.group, r.currencies[0]?.target, r.currencies[0]?.month_to_date_attainment])).toEqual([
      ['east', 500_000, 0.0236],
    ]);
    expect(
      queryDailySalesReport(db, lag, { date: '2026-04-01', groupBy: 'rep', scope: { repId: 'rep-2' } }).rows.map(
        (r) => r.group,
      ),
    ).toEqual(['rep-2']);
    // On 31 March oB still promised 10 April; oD (promised 1 April) was not delivered yet. March has no target: attainment null.
    const march = queryDailySalesReport(db, lag, { date: '2026-03-31', groupBy: 'rep' }).rows;
    expect(
      march.map((r) => [
        r.group,
        r.deliveries_due_tomorrow,
        r.currencies.map((c) => [c.currency, c.month_to_date_booked, c.month_to_date_attainment]),
      ]),
    ).toEqual([
      ['rep-1', 0, [['CNY', 849, null]]],
      // 2000 (oD) + 3000 (oE) booked in March; r3's 1500 collected on 31 March.
      ['rep-2', 1, [['CNY', 5_000, null]]],
    ]);
    expect(march[1]?.currencies[0]?.collected).toBe(1_500);
  });

  it('rebuilds each of its projections to the same digest', async () => {
    for (const name of DAILY_SALES_REPORT_SOURCES) {
      const incremental = runner.digest(name);
      await runner.rebuild(name);
      expect(runner.digest(name)).toEqual(incremental);
    }
  });
});
