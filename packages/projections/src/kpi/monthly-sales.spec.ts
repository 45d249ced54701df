import { createMemoryEventStore, type EventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { complaintsProjection } from '../complaints/complaints.projection.js';
import { customerDirectoryProjection } from '../customers/customer-directory.projection.js';
import { ProjectionRunner } from '../runner/runner.js';
import { satisfactionProjection } from '../satisfaction/satisfaction.projection.js';
import { complaintEvents } from '../testing/complaint-events.js';
import { registered, surveyed, type TestCustomer } from '../testing/customer-events.js';
import { appendTestEvents, type TestEvent } from '../testing/stored-events.js';
import { fulfilmentProjection } from './fulfilment.projection.js';
import { orderEvents, receivableEvents, targetEvent, type KpiLine, type KpiOrder } from './kpi-events.testing.js';
import { queryMonthlySalesReport, type MonthlySalesReportRow } from './monthly-sales.queries.js';
import { receivablesKpiProjection } from './receivables-kpi.projection.js';
import { queryRepScorecard } from './rep-scorecard.queries.js';
import { salesMonthlyProjection } from './sales-monthly.projection.js';
import { salesTargetsProjection } from './sales-targets.projection.js';
import { productsProjection } from '../pricing/products.projection.js';

const order = (orderId: string, customerId: string, repId: string, segment: string, currency = 'CNY'): KpiOrder => ({
  orderId,
  customerId,
  repId,
  region: repId === 'rep-1' ? 'east' : 'west',
  currency,
  segment,
});
const line = (lineId: string, sku: string, quantity: number, unitPrice: number, discountBp = 0): KpiLine => ({
  lineId,
  sku,
  quantity,
  unitPrice,
  discountBp,
});
const o1 = order('o1', 'c-1', 'rep-1', 'smb');
const o2 = order('o2', 'c-2', 'rep-1', 'smb');
const o3 = order('o3', 'c-1', 'rep-1', 'enterprise');
const o4 = order('o4', 'c-3', 'rep-1', 'smb');
const o5 = order('o5', 'c-4', 'rep-1', 'smb', 'USD');
const o6 = order('o6', 'c-3', 'rep-1', 'smb');
const o7 = order('o7', 'c-3', 'rep-1', 'smb');
const o8 = order('o8', 'c-5', 'rep-2', 'enterprise');
const o9 = order('o9', 'c-5', 'rep-2', 'enterprise');
const cust = (customerId: string, segment: string, ownerRepId = 'rep-1'): TestCustomer => ({
  customerId,
  region: ownerRepId === 'rep-1' ? 'east' : 'west',
  ownerRepId,
  segment,
});
const answer = (nps: number, csat: number) => ({ nps, csat, items: [4, 4, 4, 4] as const });

async function given(store: EventStore): Promise<void> {
  const append = (stream: string, ...events: TestEvent[]) => appendTestEvents(store, stream, events);
  await append('target-2026-04-rep-rep-1', targetEvent('2026-04', 'rep', 'rep-1', 'east', 'CNY', 30_000));
  // o1: 10 x 1000 = 10000 in March; amended to 12 in April: +2000.
  await append(
    'order-o1',
    orderEvents(o1).confirmed([line('l1', 'A', 10, 1_000)], 10_000, '2026-03-10T02:00:00Z'),
    orderEvents(o1).amended(
      [line('l1', 'A', 10, 1_000)],
      [line('l1', 'A', 12, 1_000)],
      [10_000, 12_000],
      2_000,
      '2026-04-05T02:00:00Z',
    ),
    orderEvents(o1).delivered('2026-04-20', '2026-04-20', 12_000),
  );
  // o2: 4 x 2500 = 10000 less 10% = 9000, confirmed 01:00 on 1 April in Shanghai (31 March UTC); delivered 5 days late.
  await append(
    'order-o2',
    orderEvents(o2).confirmed([line('l1', 'B', 4, 2_500, 1_000)], 9_000, '2026-03-31T17:00:00Z'),
    orderEvents(o2).delivered('2026-04-25', '2026-04-20', 9_000),
  );
  // o3: 5 x 1000 = 5000; 2 x 1500 = 3000 less 5% = 2850; 7850, the customer now in the enterprise segment.
  await append(
    'order-o3',
    orderEvents(o3).confirmed(
      [line('l1', 'A', 5, 1_000), line('l2', 'C', 2, 1_500, 500)],
      7_850,
      '2026-04-10T02:00:00Z',
    ),
  );
  // o4: 4000 in March, cancelled in April.
  await append(
    'order-o4',
    orderEvents(o4).confirmed([line('l1', 'C', 1, 4_000)], 4_000, '2026-03-15T02:00:00Z'),
    orderEvents(o4).cancelled(true, 4_000, '2026-04-20T02:00:00Z'),
  );
  await append('order-o5', orderEvents(o5).confirmed([line('l1', 'E', 2, 3_000)], 6_000, '2026-04-12T02:00:00Z'));
  // 16:30Z on 30 April is 1 May in Shanghai.
  await append('order-o6', orderEvents(o6).confirmed([line('l1', 'D', 1, 999)], 999, '2026-04-30T16:30:00Z'));
  // Never confirmed: its amendment and cancellation book nothing.
  await append(
    'order-o7',
    orderEvents(o7).amended(
      [line('l1', 'D', 1, 999)],
      [line('l1', 'D', 9, 999)],
      [999, 8_991],
      0,
      '2026-04-11T02:00:00Z',
    ),
    orderEvents(o7).cancelled(false, 0, '2026-04-12T02:00:00Z'),
  );
  await append('order-o8', orderEvents(o8).confirmed([line('l1', 'F', 1, 20_000)], 20_000, '2025-04-08T02:00:00Z'));
  // o9: 25000 + 4 x 500 = 27000; short-closed after shipping 1 of G: 25000 + 500 = 25500 (-1500).
  await append(
    'order-o9',
    orderEvents(o9).confirmed([line('l1', 'F', 1, 25_000), line('l2', 'G', 4, 500)], 27_000, '2026-04-08T02:00:00Z'),
    orderEvents(o9).closed(
      [
        { lineId: 'l1', sku: 'F', orderedBefore: 1, shipped: 1 },
        { lineId: 'l2', sku: 'G', orderedBefore: 4, shipped: 1 },
      ],
      [27_000, 25_500],
      '2026-04-25T02:00:00Z',
    ),
  );
  const ra = receivableEvents({
    receivableId: 'ra',
    orderId: 'o1',
    customerId: 'c-1',
    repId: 'rep-1',
    region: 'east',
    currency: 'CNY',
  });
  const i1 = { installmentNo: 1, dueDate: '2026-03-31' };
  const i2 = { installmentNo: 2, dueDate: '2026-04-30' };
  await append(
    'receivable-ra',
    ra.opened(
      [
        { ...i1, amount: 6_000 },
        { ...i2, amount: 4_000 },
      ],
      '2026-03-10',
    ),
    ra.paid('p1', '2026-03-20', [{ ...i1, amount: 1_000, outstandingAfter: 5_000 }], 9_000),
    ra.paid('p2', '2026-04-10', [{ ...i1, amount: 3_000, outstandingAfter: 2_000 }], 6_000),
    ra.credited('cn1', '2026-04-15', [{ ...i1, amount: 500, outstandingAfter: 1_500 }], 5_500),
    ra.paid('p3', '2026-04-28', [{ ...i2, amount: 4_000, outstandingAfter: 0 }], 1_500),
    ra.reversed('p1', '2026-03-20', '2026-04-29', [{ ...i1, amount: 1_000, outstandingAfter: 2_500 }], 2_500),
  );
  const rb = receivableEvents({
    receivableId: 'rb',
    orderId: 'o2',
    customerId: 'c-2',
    repId: 'rep-1',
    region: 'east',
    currency: 'CNY',
  });
  await append(
    'receivable-rb',
    rb.opened([{ installmentNo: 1, dueDate: '2026-05-31', amount: 9_000 }], '2026-04-01'),
    rb.paid(
      'p1',
      '2026-04-20',
      [{ installmentNo: 1, dueDate: '2026-05-31', amount: 2_000, outstandingAfter: 7_000 }],
      7_000,
    ),
  );
  const c1 = cust('c-1', 'smb');
  await append(
    'customer-c-1',
    registered(c1, '2026-01-05T02:00:00Z'),
    surveyed(c1, 's1', answer(10, 5), '2026-03-31T17:00:00Z'),
    surveyed(c1, 's2', answer(9, 4), '2026-04-15T02:00:00Z'),
  );
  await append('customer-c-2', surveyed(cust('c-2', 'smb'), 's1', answer(3, 2), '2026-04-16T02:00:00Z'));
  await append('customer-cust-k1', registered(cust('cust-k1', 'enterprise'), '2026-01-05T02:00:00Z'));
  for (const [id, rep, at] of [
    ['k1', 'rep-1', '2026-04-03T02:00:00Z'],
    ['k2', 'rep-1', '2026-04-09T02:00:00Z'],
    ['k3', 'rep-2', '2026-03-09T02:00:00Z'],
  ] as const) {
    await append(
      `complaint-${id}`,
      complaintEvents({
        complaintId: id,
        category: 'delivery',
        severity: 'low',
        channel: 'web',
        ownerRepId: rep,
        region: rep === 'rep-1' ? 'east' : 'west',
        filedAt: at,
      }).filed(),
    );
  }
}

const PROJECTIONS = [
  salesMonthlyProjection,
  salesTargetsProjection,
  receivablesKpiProjection,
  fulfilmentProjection,
  satisfactionProjection,
  complaintsProjection,
  customerDirectoryProjection,
  productsProjection,
];
const noComparison = { previous: null, change: null, change_ratio: null };
const pick = (rows: readonly MonthlySalesReportRow[]) =>
  rows.map((r) => ({
    group: r.group,
    orders: r.orders_confirmed,
    currencies: r.currencies.map((c) => [c.currency, c.booked, c.orders_confirmed, c.booked_vs_previous_year.previous]),
  }));

describe('monthly sales report and rep scorecard', () => {
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

  it('books amendments and cancellations in their own month, per rep and currency, with targets, changes and top lists', async () => {
    expect((await runner.status()).filter((s) => s.parked > 0)).toEqual([]);
    const report = queryMonthlySalesReport(db, lag, { month: '2026-04', groupBy: 'rep' });
    expect(report.lag).toBe(0);
    const [rep1, rep2] = report.rows;
    expect(rep1).toMatchObject({
      group: 'rep-1',
      orders_confirmed: 3,
      cancellations: 1,
      complaints: 2,
      // March had o1 and o4: 3 - 2 = 1, 1 / 2 = 0.5; April 2025 has no rep-1 data.
      orders_vs_previous_month: { previous: 2, change: 1, change_ratio: 0.5 },
      orders_vs_previous_year: noComparison,
      // CSAT 5 (answered 1 April in Shanghai), 4 and 2: 2 of 3 = 0.6667; NPS 10, 9, 3: (2 - 1) / 3 = 0.3333.
      csat: { value: 0.6667, n: 3, satisfied: 2 },
      nps: { value: 0.3333, n: 3, promoters: 2, passives: 0, detractors: 1 },
    });
    expect(rep1?.currencies).toEqual([
      {
        // o2 9000 + o3 7850 confirmed, o1 +2000 amended, o4 -4000 cancelled: 14850; 14850 / 30000 = 0.495; AOV 16850 / 2 = 8425.
        currency: 'CNY',
        booked: 14_850,
        target: 30_000,
        attainment: 0.495,
        orders_confirmed: 2,
        average_order_value: 8_425,
        cancellations: 1,
        cancelled_amount: 4_000,
        // Received 3000 + 4000 + 2000 (rb, not due yet) - 1000 bounced = 8000. Due by 30 April: ra#1 5000 open on 1 April + ra#2 4000 - credit 500 = 8500;
        // collected on them 3000 + 4000 - 1000 = 6000; 6000 / 8500 = 0.70588 -> 0.7059.
        collected: 8_000,
        collection_rate: 0.7059,
        collection_due: 8_500,
        collected_on_due: 6_000,
        // March: 10000 + 4000 = 14000; 850 / 14000 = 0.0607.
        booked_vs_previous_month: { previous: 14_000, change: 850, change_ratio: 0.0607 },
        booked_vs_previous_year: noComparison,
        // c-1: 2000 + 7850; c-3 at -4000 is left out. A: 2000 + 5000; C: 2850 - 4000 < 0.
        top_customers: [
          { id: 'c-1', booked: 9_850 },
          { id: 'c-2', booked: 9_000 },
        ],
        top_products: [
          { id: 'B', booked: 9_000 },
          { id: 'A', booked: 7_000 },
        ],
        // No product here has a standard cost: no margin (the margin report's spec computes them).
        margin: 0,
        margin_pct: null,
      },
      {
        currency: 'USD',
        booked: 6_000,
        target: null,
        attainment: null,
        orders_confirmed: 1,
        average_order_value: 6_000,
        cancellations: 0,
        cancelled_amount: 0,
        collected: 0,
        collection_rate: null,
        collection_due: 0,
        collected_on_due: 0,
        booked_vs_previous_month: noComparison,
        booked_vs_previous_year: noComparison,
        top_customers: [{ id: 'c-4', booked: 6_000 }],
        top_products: [{ id: 'E', booked: 6_000 }],
        margin: 0,
        margin_pct: null,
      },
    ]);
    // o9 27000 less the short close 1500 = 25500; April 2025: 20000, +5500, 5500 / 20000 = 0.275. No surveys: null with n 0.
    expect(rep2).toMatchObject({
      group: 'rep-2',
      orders_confirmed: 1,
      complaints: 0,
      csat: { value: null, n: 0 },
      nps: { value: null, n: 0 },
    });
    expect(rep2?.currencies[0]).toMatchObject({
      currency: 'CNY',
      booked: 25_500,
      average_order_value: 27_000,
      target: null,
      attainment: null,
      collection_rate: null,
      booked_vs_previous_month: noComparison,
      booked_vs_previous_year: { previous: 20_000, change: 5_500, change_ratio: 0.275 },
      top_products: [
        { id: 'F', booked: 25_000 },
        { id: 'G', booked: 500 },
      ],
    });
  });

  it('groups by the segment recorded at confirmation, and by region with the scope applied', () => {
    const bySegment = queryMonthlySalesReport(db, lag, { month: '2026-04', groupBy: 'segment' }).rows;
    // enterprise: o3 7850 + o9 25500 = 33350 (April 2025: o8 20000); smb: o1's amendment stays smb: 2000 + 9000 - 4000 = 7000, and 6000 USD.
    expect(pick(bySegment)).toEqual([
      { group: 'enterprise', orders: 2, currencies: [['CNY', 33_350, 2, 20_000]] },
      {
        group: 'smb',
        orders: 2,
        currencies: [
          ['CNY', 7_000, 1, null],
          ['USD', 6_000, 1, null],
        ],
      },
      // k2's customer is not in the directory: its complaint counts under 'unassigned'.
      { group: 'unassigned', orders: 0, currencies: [] },
    ]);
    // k1's customer is enterprise in the directory; both receivables belong to smb orders; surveys carry smb.
    expect(bySegment.map((r) => [r.group, r.complaints, r.currencies[0]?.collected, r.csat.n])).toEqual([
      ['enterprise', 1, 0, 0],
      ['smb', 0, 8_000, 3],
      ['unassigned', 1, undefined, 0],
    ]);
    expect(bySegment.every((r) => r.currencies.every((c) => c.target === null))).toBe(true);
    const west = queryMonthlySalesReport(db, lag, {
      month: '2026-04',
      groupBy: 'region',
      scope: { region: 'west' },
    }).rows;
    expect(pick(west)).toEqual([{ group: 'west', orders: 1, currencies: [['CNY', 25_500, 1, 20_000]] }]);
  });

  it('scores a rep: attainment, collection rate, CSAT, complaints per 100 orders, on-time rate, and nulls without denominators', () => {
    const [rep1] = queryRepScorecard(db, lag, { repId: 'rep-1', month: '2026-04' }).rows;
    // 2 complaints x 100 / 3 orders = 66.6667; o1 on time, o2 late: 1 / 2.
    expect(rep1).toMatchObject({
      rep_id: 'rep-1',
      orders_confirmed: 3,
      complaints: 2,
      complaints_per_100_orders: 66.6667,
      deliveries: 2,
      deliveries_on_time: 1,
      on_time_delivery_rate: 0.5,
      csat: { value: 0.6667, n: 3 },
    });
    expect(rep1?.currencies.map((c) => [c.currency, c.booked, c.attainment, c.collection_rate])).toEqual([
      ['CNY', 14_850, 0.495, 0.7059],
      ['USD', 6_000, null, null],
    ]);
    const [rep2] = queryRepScorecard(db, lag, { repId: 'rep-2', month: '2026-04' }).rows;
    expect(rep2).toMatchObject({
      complaints_per_100_orders: 0,
      deliveries: 0,
      on_time_delivery_rate: null,
      csat: { value: null, n: 0 },
    });
    // No orders at all in June: every ratio is null.
    expect(queryRepScorecard(db, lag, { repId: 'rep-2', month: '2026-06' }).rows[0]).toMatchObject({
      orders_confirmed: 0,
      complaints_per_100_orders: null,
      on_time_delivery_rate: null,
      currencies: [],
    });
    expect(queryRepScorecard(db, lag, { repId: 'rep-2', month: '2026-04', scope: { repId: 'rep-1' } }).rows).toEqual(
      [],
    );
  });

  it('rebuilds its projections to the same digest', async () => {
    for (const name of ['sales_monthly', 'receivables_kpi', 'fulfilment', 'sales_targets']) {
      const incremental = runner.digest(name);
      await runner.rebuild(name);
      expect(runner.digest(name)).toEqual(incremental);
    }
  });
});
