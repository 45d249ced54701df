import { createMemoryEventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { customerDirectoryProjection } from '../customers/customer-directory.projection.js';
import { orderEvents, receivableEvents, targetEvent, type KpiOrder } from '../kpi/kpi-events.testing.js';
import { receivablesKpiProjection } from '../kpi/receivables-kpi.projection.js';
import { salesMonthlyProjection } from '../kpi/sales-monthly.projection.js';
import { salesTargetsProjection } from '../kpi/sales-targets.projection.js';
import { ProjectionRunner } from '../runner/runner.js';
import { satisfactionProjection } from '../satisfaction/satisfaction.projection.js';
import { surveyed } from '../testing/customer-events.js';
import { appendTestEvents, type TestEvent } from '../testing/stored-events.js';
import { queryRankings, type RankingsFilter } from './rankings.queries.js';

const REGION: Readonly<Record<string, string>> = { r1: 'east', r2: 'east', r3: 'west' };
const order = (orderId: string, repId: string): KpiOrder => ({
  orderId,
  customerId: `c-${repId}`,
  repId,
  region: REGION[repId] ?? '',
  currency: 'CNY',
  segment: 'smb',
});
const line = (amount: number) => [{ lineId: 'l1', sku: 'A', quantity: 1, unitPrice: amount, discountBp: 0 }];
const customer = (repId: string) => ({
  customerId: `c-${repId}`,
  region: REGION[repId] ?? '',
  ownerRepId: repId,
  segment: 'smb',
});
const answer = (csat: number) => ({ nps: 8, csat, items: [4, 4, 4, 4] as const });

/** Q2 2026 of three reps; every figure below is computed by hand in the tests. */
async function given(append: (stream: string, ...events: TestEvent[]) => Promise<unknown>): Promise<void> {
  await append(
    'targets',
    targetEvent('2026-04', 'rep', 'r1', 'east', 'CNY', 10_000),
    targetEvent('2026-05', 'rep', 'r1', 'east', 'CNY', 30_000),
    targetEvent('2026-04', 'rep', 'r2', 'east', 'CNY', 20_000),
    targetEvent('2026-04', 'rep', 'r3', 'west', 'CNY', 10_000),
  );
  await append('order-o1', orderEvents(order('o1', 'r1')).confirmed(line(6_000), 6_000, '2026-04-02T02:00:00Z'));
  await append('order-o2', orderEvents(order('o2', 'r1')).confirmed(line(9_000), 9_000, '2026-05-02T02:00:00Z'));
  await append('order-o3', orderEvents(order('o3', 'r2')).confirmed(line(7_500), 7_500, '2026-04-03T02:00:00Z'));
  // r2 had no May target: May's sales do not count in the quarter's attainment.
  await append('order-o4', orderEvents(order('o4', 'r2')).confirmed(line(5_000), 5_000, '2026-05-03T02:00:00Z'));
  await append('order-o5', orderEvents(order('o5', 'r3')).confirmed(line(3_000), 3_000, '2026-04-04T02:00:00Z'));
  const ra = receivableEvents({
    receivableId: 'ra',
    orderId: 'o1',
    customerId: 'c-r1',
    repId: 'r1',
    region: 'east',
    currency: 'CNY',
  });
  const due = { installmentNo: 1, dueDate: '2026-04-30' };
  await append(
    'receivable-ra',
    ra.opened([{ ...due, amount: 6_000 }], '2026-04-02'),
    ra.paid('p1', '2026-04-20', [{ ...due, amount: 4_000, outstandingAfter: 2_000 }], 2_000),
    ra.paid('p2', '2026-05-10', [{ ...due, amount: 2_000, outstandingAfter: 0 }], 0),
  );
  const rb = receivableEvents({
    receivableId: 'rb',
    orderId: 'o3',
    customerId: 'c-r2',
    repId: 'r2',
    region: 'east',
    currency: 'CNY',
  });
  await append(
    'receivable-rb',
    rb.opened([{ ...due, amount: 7_500 }], '2026-04-03'),
    rb.paid('p1', '2026-04-25', [{ ...due, amount: 7_500, outstandingAfter: 0 }], 0),
  );
  await append(
    'customer-c-r1',
    surveyed(customer('r1'), 's1', answer(5), '2026-04-15T02:00:00Z'),
    surveyed(customer('r1'), 's2', answer(2), '2026-05-15T02:00:00Z'),
  );
  await append('customer-c-r2', surveyed(customer('r2'), 's1', answer(4), '2026-04-16T02:00:00Z'));
  await append('customer-c-r3', surveyed(customer('r3'), 's1', answer(3), '2026-04-17T02:00:00Z'));
}

describe('league tables', () => {
  let runner: ProjectionRunner;
  let db: Database.Database;
  const table = (filter: RankingsFilter) =>
    queryRankings(db, (name) => runner.freshness(name).lag, filter).rows.map((r) => [
      r.rank,
      r.rep_id,
      r.value,
      r.tied,
    ]);

  beforeAll(async () => {
    const store = createMemoryEventStore();
    db = new Database(':memory:');
    runner = new ProjectionRunner({
      db,
      store,
      projections: [
        salesMonthlyProjection,
        salesTargetsProjection,
        receivablesKpiProjection,
        satisfactionProjection,
        customerDirectoryProjection,
      ],
    });
    await given((stream, ...events) => appendTestEvents(store, stream, events));
    await runner.start();
    await runner.whenLive();
  });
  afterAll(() => runner.stop());

  it('ranks a quarter by attainment as summed booked over summed targets, ties sharing the rank', () => {
    // r1: (6000 + 9000) / (10000 + 30000) = 0.375 (the mean of 60% and 30% would be 45%); r2: 7500 / 20000 = 0.375 (May has no
    // target, its 5000 is left out); r3: 3000 / 10000 = 0.3.
    expect(table({ period: '2026-Q2', metric: 'attainment' })).toEqual([
      [1, 'r1', 0.375, true],
      [1, 'r2', 0.375, true],
      [3, 'r3', 0.3, false],
    ]);
    // April alone: r1 6000 / 10000 = 0.6, r2 0.375, r3 0.3.
    expect(table({ period: '2026-04', metric: 'attainment' })).toEqual([
      [1, 'r1', 0.6, false],
      [2, 'r2', 0.375, false],
      [3, 'r3', 0.3, false],
    ]);
  });

  it('ranks collected sales and the due-based collection rate from the months, in one region or all', () => {
    // r2 7500; r1 4000 + 2000 = 6000; r3 nothing collected.
    expect(table({ period: '2026', metric: 'collected' })).toEqual([
      [1, 'r2', 7_500, false],
      [2, 'r1', 6_000, false],
      [3, 'r3', 0, false],
    ]);
    // r1: April 4000 of 6000 due, May 2000 of the 2000 still open: 6000 / 8000 = 0.75 (not the mean of 0.6667 and 1); r2 7500 / 7500.
    expect(table({ period: '2026-Q2', metric: 'collectionRate', region: 'east' })).toEqual([
      [1, 'r2', 1, false],
      [2, 'r1', 0.75, false],
    ]);
    // r3 has nothing due: listed unranked.
    expect(table({ period: '2026-Q2', metric: 'collectionRate', region: 'west' })).toEqual([[null, 'r3', null, false]]);
  });

  it('ranks CSAT as satisfied answers over all answers of the period, without a currency', () => {
    // r2 1 of 1; r1 1 of 2 (5 and 2); r3 0 of 1.
    const rows = queryRankings(db, () => 0, { period: '2026-Q2', metric: 'csat' }).rows;
    expect(rows.map((r) => [r.rank, r.rep_id, r.value, r.currency, r.responses])).toEqual([
      [1, 'r2', 1, null, 1],
      [2, 'r1', 0.5, null, 2],
      [3, 'r3', 0, null, 1],
    ]);
    expect(table({ period: '2026-Q3', metric: 'csat' })).toEqual([]);
  });
});
