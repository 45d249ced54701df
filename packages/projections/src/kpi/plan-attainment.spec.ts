import type Database from 'better-sqlite3';
import { customerDirectoryProjection } from '../customers/customer-directory.projection.js';
import { forecastBookingsProjection } from '../forecast/forecast-bookings.projection.js';
import { registered } from '../testing/customer-events.js';
import { projectionKit } from '../testing/projection-kit.js';
import { orderEvents, receivableEvents, type KpiOrder } from './kpi-events.testing.js';
import { planAttainment } from './plan-attainment.queries.js';
import { receivablesKpiProjection } from './receivables-kpi.projection.js';
import { salesTargetsProjection } from './sales-targets.projection.js';

const AT = '2026-01-02T02:00:00Z';
const target = (period: string, measure: string, scope: string, scopeId: string, region: string, amount: number) => ({
  type: 'SalesTargetSet',
  at: AT,
  data: { period, measure, scope, scopeId, region, currency: 'CNY', amount, setBy: 'sm-1', setAt: AT },
});
const order = (orderId: string, repId: string, region: string): KpiOrder => ({
  orderId,
  customerId: `c-${orderId}`,
  repId,
  region,
  currency: 'CNY',
  segment: 'smb',
});
const line = (amount: number) => [{ lineId: 'a', sku: 'SKU-a', quantity: 1, unitPrice: amount, discountBp: 0 }];
const book = (o: KpiOrder, amount: number, on: string) =>
  orderEvents(o).confirmed(line(amount), amount, `${on}T02:00:00Z`);

describe('plan attainment', () => {
  let db: Database.Database;
  beforeAll(() => {
    const kit = projectionKit([
      salesTargetsProjection,
      forecastBookingsProjection,
      receivablesKpiProjection,
      customerDirectoryProjection,
    ]);
    // rep-1 (east): a March booked target 10000, Q1 booked 25000, Q1 collected 8000, a 2026 target of 4 new customers.
    kit.given('target-2026-03-rep-rep-1', [target('2026-03', 'booked', 'rep', 'rep-1', 'east', 10_000)]);
    kit.given('target-2026-Q1-rep-rep-1', [target('2026-Q1', 'booked', 'rep', 'rep-1', 'east', 25_000)]);
    kit.given('target-2026-Q1-collected-rep-rep-1', [target('2026-Q1', 'collected', 'rep', 'rep-1', 'east', 8_000)]);
    kit.given('target-2026-newCustomers-rep-rep-1', [target('2026', 'newCustomers', 'rep', 'rep-1', 'east', 4)]);
    kit.given('target-2026-Q1-region-east', [target('2026-Q1', 'booked', 'region', 'east', 'east', 40_000)]);
    // Booked: 6000 in January, 9000 in March, 5000 in April (after the month asked for); rep-2 (east) 3000 in February.
    kit.given('order-o-1', [book(order('o-1', 'rep-1', 'east'), 6_000, '2026-01-20')]);
    kit.given('order-o-2', [book(order('o-2', 'rep-1', 'east'), 9_000, '2026-03-10')]);
    kit.given('order-o-3', [book(order('o-3', 'rep-1', 'east'), 5_000, '2026-04-02')]);
    kit.given('order-o-4', [book(order('o-4', 'rep-2', 'east'), 3_000, '2026-02-11')]);
    // Collected: 6000 received on 5 February, 1000 of it reversed on 20 March: 5000.
    const r = receivableEvents({ ...order('o-1', 'rep-1', 'east'), receivableId: 'r-1' });
    const alloc = (amount: number, after: number) => [
      { installmentNo: 1, dueDate: '2026-02-19', amount, outstandingAfter: after },
    ];
    kit.given('receivable-r-1', [
      r.opened([{ installmentNo: 1, dueDate: '2026-02-19', amount: 6_000 }], '2026-01-20'),
      r.paid('p-1', '2026-02-05', alloc(6_000, 0), 0),
      r.reversed('p-1', '2026-02-05', '2026-03-20', alloc(1_000, 1_000), 1_000),
    ]);
    // New customers of rep-1: one in 2025 (not this year), two in 2026 before April, one in May.
    const customer = (id: string, at: string) =>
      kit.given(`customer-${id}`, [
        registered({ customerId: id, region: 'east', ownerRepId: 'rep-1', segment: 'smb' }, at),
      ]);
    customer('c-a', '2025-12-10T02:00:00Z');
    customer('c-b', '2026-01-15T02:00:00Z');
    customer('c-c', '2026-03-31T02:00:00Z');
    customer('c-d', '2026-05-04T02:00:00Z');
    db = kit.readModels();
  });

  const rows = (filter: Parameters<typeof planAttainment>[1]) =>
    planAttainment(db, filter).map((r) => [r.group, r.period, r.measure, r.target, r.actual, r.attainment]);

  it("sets each target of the month, its quarter and its year against the period's figure to the end of the month", () => {
    // March 9000 / 10000; Q1 6000 + 9000 = 15000 / 25000; Q1 collected 6000 - 1000 = 5000 / 8000; 2026 to March: two
    // customers of four. April's order and May's customer come after the end of March.
    expect(rows({ month: '2026-03', groupBy: 'rep' })).toEqual([
      ['rep-1', '2026-03', 'booked', 10_000, 9_000, 0.9],
      ['rep-1', '2026-Q1', 'booked', 25_000, 15_000, 0.6],
      ['rep-1', '2026-Q1', 'collected', 8_000, 5_000, 0.625],
      ['rep-1', '2026', 'newCustomers', 4, 2, 0.5],
    ]);
    // East in Q1: 6000 + 9000 + 3000 = 18000 / 40000.
    expect(rows({ month: '2026-03', groupBy: 'region' })).toEqual([
      ['east', '2026-Q1', 'booked', 40_000, 18_000, 0.45],
    ]);
  });

  it('counts the period to date: at the end of February, Q1 has 6000 booked and 6000 collected', () => {
    expect(rows({ month: '2026-02', groupBy: 'rep' })).toEqual([
      ['rep-1', '2026-Q1', 'booked', 25_000, 6_000, 0.24],
      ['rep-1', '2026-Q1', 'collected', 8_000, 6_000, 0.75],
      ['rep-1', '2026', 'newCustomers', 4, 1, 0.25],
    ]);
  });

  it("keeps to the reader's scope: another rep sees none of rep-1's, a rep no region's, another region nothing", () => {
    expect(rows({ month: '2026-03', groupBy: 'rep', scope: { repId: 'rep-2' } })).toEqual([]);
    expect(rows({ month: '2026-03', groupBy: 'region', scope: { repId: 'rep-1', region: 'east' } })).toEqual([]);
    expect(rows({ month: '2026-03', groupBy: 'region', scope: { region: 'west' } })).toEqual([]);
    expect(rows({ month: '2026-03', groupBy: 'rep', scope: { region: 'east' } })).toHaveLength(4);
  });
});
