import type Database from 'better-sqlite3';
import { complaintsProjection } from '../complaints/complaints.projection.js';
import { customerDirectoryProjection } from '../customers/customer-directory.projection.js';
import { queryMonthlySalesReport } from '../kpi/monthly-sales.queries.js';
import { receivablesKpiProjection } from '../kpi/receivables-kpi.projection.js';
import { fulfilmentProjection } from '../kpi/fulfilment.projection.js';
import { queryRepScorecard } from '../kpi/rep-scorecard.queries.js';
import { salesMonthlyProjection } from '../kpi/sales-monthly.projection.js';
import { salesTargetsProjection } from '../kpi/sales-targets.projection.js';
import { satisfactionProjection } from '../satisfaction/satisfaction.projection.js';
import { givenOrderEvent, cancelled, confirmed, type TestLine, type TestOrder } from '../testing/order-events.js';
import { projectionKit } from '../testing/projection-kit.js';
import { queryMargins, type MarginFilter } from './margins.queries.js';
import { productsProjection } from './products.projection.js';

const AT = '2026-01-01T02:00:00Z';
const product = (sku: string, category: string, costs: [string, number][]) => [
  {
    type: 'ProductRegistered',
    at: AT,
    data: { sku, name: sku, category, unit: 'pcs', registeredBy: 'an-1', registeredAt: AT },
  },
  ...costs.map(([effectiveFrom, amount]) => ({
    type: 'StandardCostSet',
    at: AT,
    data: { sku, currency: 'CNY', amount, effectiveFrom, previousAmount: null, setBy: 'an-1', setAt: AT },
  })),
];
const order = (orderId: string, repId: string, region: string): TestOrder => ({
  orderId,
  repId,
  region,
  currency: 'CNY',
});
// Lines carry sku `SKU-<lineId>`.
const a = (quantity: number): TestLine => ({ lineId: 'a', quantity, unitPrice: 1_000, discountBp: 0 });
const b: TestLine = { lineId: 'b', quantity: 5, unitPrice: 200, discountBp: 500 };
const c: TestLine = { lineId: 'c', quantity: 1, unitPrice: 500, discountBp: 0 };

describe('margin report', () => {
  let db: Database.Database;
  beforeAll(() => {
    const monthly = [
      salesTargetsProjection,
      receivablesKpiProjection,
      fulfilmentProjection,
      satisfactionProjection,
      complaintsProjection,
      customerDirectoryProjection,
    ];
    const kit = projectionKit([salesMonthlyProjection, productsProjection, ...monthly]);
    // SKU-a costs 600 until 2026-03-14 and 650 from 2026-03-15; SKU-b 100; SKU-c has no cost.
    kit.given(
      'product-SKU-a',
      product('SKU-a', 'motors', [
        ['2026-01-01', 600],
        ['2026-03-15', 650],
      ]),
    );
    kit.given('product-SKU-b', product('SKU-b', 'pumps', [['2026-01-01', 100]]));
    kit.given('product-SKU-c', product('SKU-c', 'valves', []));
    // o-1 (rep-1, east, 10 March): a 10 x 1000 = 10000, b 5 x 200 less 5% = 950.
    givenOrderEvent(
      kit,
      order('o-1', 'rep-1', 'east'),
      confirmed(order('o-1', 'rep-1', 'east'), [a(10), b], 10_950, '2026-03-10T02:00:00Z'),
    );
    // o-2 (rep-2, west, 20 March): a 2 x 1000 = 2000 at the new cost, c 500 without a cost.
    givenOrderEvent(
      kit,
      order('o-2', 'rep-2', 'west'),
      confirmed(order('o-2', 'rep-2', 'west'), [a(2), c], 2_500, '2026-03-20T02:00:00Z'),
    );
    // o-3 is cancelled, o-4 confirmed in April: neither counts in March.
    givenOrderEvent(
      kit,
      order('o-3', 'rep-1', 'east'),
      confirmed(order('o-3', 'rep-1', 'east'), [a(1)], 1_000, '2026-03-05T02:00:00Z'),
    );
    givenOrderEvent(
      kit,
      order('o-3', 'rep-1', 'east'),
      cancelled(order('o-3', 'rep-1', 'east'), true, 1_000, '2026-03-06T02:00:00Z'),
    );
    givenOrderEvent(
      kit,
      order('o-4', 'rep-1', 'east'),
      confirmed(order('o-4', 'rep-1', 'east'), [a(1)], 1_000, '2026-04-02T02:00:00Z'),
    );
    db = kit.readModels();
  });

  const margins = (filter: Partial<MarginFilter>) =>
    queryMargins(db, () => 0, { first: '2026-03-01', last: '2026-03-31', groupBy: 'product', ...filter }).rows.map(
      (row) => [row.key, row.quantity, row.net_sales, row.uncosted_sales, row.cost, row.margin, row.margin_pct],
    );

  it('gives net sales less the standard cost in force on the confirmation date, per product', () => {
    expect(margins({})).toEqual([
      // 10 x 600 + 2 x 650 = 7300; 4700 / 12000
      ['SKU-a', 12, 12_000, 0, 7_300, 4_700, 0.3917],
      ['SKU-b', 5, 950, 0, 500, 450, 0.4737],
      ['SKU-c', 1, 500, 500, 0, 0, null],
    ]);
  });

  it('groups by category, rep, region and customer, leaving uncosted sales out of the margin', () => {
    expect(margins({ groupBy: 'category' }).map((r) => r[0])).toEqual(['motors', 'pumps', 'valves']);
    expect(margins({ groupBy: 'rep' })).toEqual([
      ['rep-1', 15, 10_950, 0, 6_500, 4_450, 0.4064],
      // 700 / 2000: the uncosted 500 counts in neither
      ['rep-2', 3, 2_500, 500, 1_300, 700, 0.35],
    ]);
    expect(margins({ groupBy: 'region' }).map((r) => [r[0], r[5]])).toEqual([
      ['east', 4_450],
      ['west', 700],
    ]);
    expect(margins({ groupBy: 'customer' })).toEqual([['c-1', 18, 13_450, 500, 7_800, 5_150, 0.3977]]); // 5150 / 12950
  });

  it('puts margin and margin % in the monthly report and the scorecard, per currency', () => {
    const lag = () => 0;
    const byRep = queryMonthlySalesReport(db, lag, { month: '2026-03', groupBy: 'rep' }).rows.map((r) => [
      r.group,
      r.currencies.map((c) => [c.currency, c.margin, c.margin_pct]),
    ]);
    expect(byRep).toEqual([
      ['rep-1', [['CNY', 4_450, 0.4064]]],
      ['rep-2', [['CNY', 700, 0.35]]],
    ]);
    expect(
      queryMonthlySalesReport(db, lag, { month: '2026-03', groupBy: 'region', scope: { region: 'west' } }).rows.map(
        (r) => [r.group, r.currencies[0]?.margin],
      ),
    ).toEqual([['west', 700]]);
    const [card] = queryRepScorecard(db, lag, { repId: 'rep-1', month: '2026-03' }).rows;
    expect(card?.currencies.map((c) => [c.currency, c.booked, c.margin, c.margin_pct])).toEqual([
      ['CNY', 10_950, 4_450, 0.4064],
    ]);
  });

  it("keeps to the reader's scope and the period", () => {
    expect(margins({ groupBy: 'rep', scope: { region: 'west' } }).map((r) => r[0])).toEqual(['rep-2']);
    expect(margins({ groupBy: 'rep', scope: { repId: 'rep-1' } }).map((r) => r[0])).toEqual(['rep-1']);
    expect(margins({ groupBy: 'rep', first: '2026-04-01', last: '2026-04-30' })).toEqual([
      ['rep-1', 1, 1_000, 0, 650, 350, 0.35],
    ]);
  });
});
