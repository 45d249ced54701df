import { createMemoryEventStore, type EventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { complaintsProjection } from '../complaints/complaints.projection.js';
import { customerDirectoryProjection } from '../customers/customer-directory.projection.js';
import { queryMonthlySalesReport } from '../kpi/monthly-sales.queries.js';
import { receivablesKpiProjection } from '../kpi/receivables-kpi.projection.js';
import { salesMonthlyProjection } from '../kpi/sales-monthly.projection.js';
import { salesTargetsProjection } from '../kpi/sales-targets.projection.js';
import { ProjectionRunner } from '../runner/runner.js';
import { lateAdjustmentsProjection } from '../periods/late-adjustments.projection.js';
import { queryLateAdjustments } from '../periods/late-adjustments.queries.js';
import { satisfactionProjection } from '../satisfaction/satisfaction.projection.js';
import { appendTestEvents, type TestEvent } from '../testing/stored-events.js';
import { collectionEvents, receivable } from './collections.testing.js';
import { collectionsProjection } from './collections.projection.js';
import { productsProjection } from '../pricing/products.projection.js';
import { queryCollectionsSummary } from './summary.queries.js';

// R1 (rep-1): one installment of 1000 issued 1 Mar, due 31 Mar; 400 paid on 20 Mar before March closed.
const r1 = collectionEvents(receivable('R1', 'c-1', 'rep-1', 'east'));
const due = { installmentNo: 1, dueDate: '2026-03-31' };
const before: TestEvent[] = [
  r1.opened([{ ...due, amount: 1_000 }], '2026-03-01'),
  r1.paid('p1', '2026-03-20', [{ ...due, amount: 400, outstandingAfter: 600 }], 600),
];
// After the close: 500 received on 30 Mar, recorded on 2 Apr, so it counts on 2 Apr (postedOn) with its own date kept.
const late = r1.paid('p2', '2026-03-30', [{ ...due, amount: 500, outstandingAfter: 100 }], 100);
const latePayment: TestEvent = {
  ...late,
  at: '2026-04-02T04:00:00Z',
  data: { ...late.data, postedOn: '2026-04-02', recordedAt: '2026-04-02T04:00:00Z' },
};

const PROJECTIONS = [
  receivablesKpiProjection,
  collectionsProjection,
  salesMonthlyProjection,
  salesTargetsProjection,
  satisfactionProjection,
  complaintsProjection,
  customerDirectoryProjection,
  lateAdjustmentsProjection,
  productsProjection,
];

describe('a payment dated in a closed month', () => {
  let store: EventStore;
  let runner: ProjectionRunner;
  let db: Database.Database;
  const lag = (name: string) => runner.freshness(name).lag;
  const summary = (month: string) => queryCollectionsSummary(db, lag, { month, groupBy: 'rep' }).rows;

  beforeAll(async () => {
    store = createMemoryEventStore();
    db = new Database(':memory:');
    runner = new ProjectionRunner({ db, store, projections: PROJECTIONS });
    await appendTestEvents(store, 'receivable-R1', before);
    await runner.start();
    await runner.whenLive();
  });
  afterAll(() => runner.stop());

  it('leaves the closed month as it was and counts in the month it was recorded in', async () => {
    const march = summary('2026-03');
    const marchKpi = queryMonthlySalesReport(db, lag, { month: '2026-03', groupBy: 'rep' }).rows;
    // March at the close: invoiced 1000, collected 400, closing AR 600; due by 31 Mar 1000, collected on it 400: rate 0.4.
    expect(
      march.map((r) => [r.invoiced, r.collected, r.closing_ar, r.amount_due, r.collected_on_due, r.collection_rate]),
    ).toEqual([[1_000, 400, 600, 1_000, 400, 0.4]]);
    const position = await appendTestEvents(store, 'receivable-R1', [latePayment]);
    for (const projection of PROJECTIONS) await runner.whenAt(projection.name, position);
    expect(summary('2026-03')).toEqual(march);
    expect(queryMonthlySalesReport(db, lag, { month: '2026-03', groupBy: 'rep' }).rows).toEqual(marchKpi);
    // April: nothing invoiced, the late 500 collected; AR from 600 to 100.
    expect(summary('2026-04').map((r) => [r.invoiced, r.collected, r.opening_ar, r.closing_ar])).toEqual([
      [0, 500, 600, 100],
    ]);
    // Listed as a late adjustment of April with its own date, traceable to its event.
    expect(queryLateAdjustments(db, lag, { month: '2026-04' }).rows).toEqual([
      {
        stream_name: 'receivable-R1',
        revision: 2,
        event_type: 'PaymentReceived',
        posted_on: '2026-04-02',
        posted_month: '2026-04',
        dated_on: '2026-03-30',
        rep_id: 'rep-1',
        region: 'east',
        currency: 'CNY',
        amount: 500,
      },
    ]);
    expect(queryLateAdjustments(db, lag, { month: '2026-03' }).rows).toEqual([]);
    expect(queryLateAdjustments(db, lag, { month: '2026-04', scope: { repId: 'rep-2' } }).rows).toEqual([]);
    expect(queryLateAdjustments(db, lag, { month: '2026-04', scope: { region: 'east' } }).rows).toHaveLength(1);
  });
});
