import type Database from 'better-sqlite3';
import { complaintsProjection } from '../complaints/complaints.projection.js';
import { customerDirectoryProjection } from '../customers/customer-directory.projection.js';
import { queryMonthlySalesReport } from '../kpi/monthly-sales.queries.js';
import { receivablesKpiProjection } from '../kpi/receivables-kpi.projection.js';
import { salesMonthlyProjection } from '../kpi/sales-monthly.projection.js';
import { salesTargetsProjection } from '../kpi/sales-targets.projection.js';
import { satisfactionProjection } from '../satisfaction/satisfaction.projection.js';
import { projectionKit, type ProjectionKit } from '../testing/projection-kit.js';
import { collectionEvents, receivable } from './collections.testing.js';
import { collectionsProjection } from './collections.projection.js';
import { productsProjection } from '../pricing/products.projection.js';
import { collectionRate } from './collection-rate.queries.js';
import { queryCollectionsSummary, type CollectionsSummaryRow } from './summary.queries.js';

function given(kit: ProjectionKit): void {
  // R1 (rep-1, CNY): #1 1000 due 31 Mar, #2 1000 due 30 Apr; 400 paid in March, 800 and 300 in April, the 300 bounces in May.
  const r1 = collectionEvents(receivable('R1', 'c-1', 'rep-1', 'east'));
  const a1 = { installmentNo: 1, dueDate: '2026-03-31' };
  const a2 = { installmentNo: 2, dueDate: '2026-04-30' };
  kit.given('receivable-R1', [
    r1.opened(
      [
        { ...a1, amount: 1_000 },
        { ...a2, amount: 1_000 },
      ],
      '2026-03-01',
    ),
    r1.paid('p1', '2026-03-20', [{ ...a1, amount: 400, outstandingAfter: 600 }], 1_600),
    r1.paid(
      'p2',
      '2026-04-10',
      [
        { ...a1, amount: 500, outstandingAfter: 100 },
        { ...a2, amount: 300, outstandingAfter: 700 },
      ],
      800,
    ),
    r1.paid('p3', '2026-04-25', [{ ...a2, amount: 300, outstandingAfter: 400 }], 500),
    r1.reversed('p3', '2026-04-25', '2026-05-05', [{ ...a2, amount: 300, outstandingAfter: 700 }], 800),
  ]);
  // R2 (rep-1, CNY): 2000 issued 5 Apr due 5 May, credit note 500 on 15 Apr.
  const r2 = collectionEvents(receivable('R2', 'c-2', 'rep-1', 'east'));
  const b1 = { installmentNo: 1, dueDate: '2026-05-05' };
  kit.given('receivable-R2', [
    r2.opened([{ ...b1, amount: 2_000 }], '2026-04-05'),
    r2.credited('cn1', '2026-04-15', [{ ...b1, amount: 500, outstandingAfter: 1_500 }], 1_500),
  ]);
  // R3 (rep-1, CNY): 700 due 31 Jan, written off 20 Apr.
  const r3 = collectionEvents(receivable('R3', 'c-3', 'rep-1', 'east'));
  const c1 = { installmentNo: 1, dueDate: '2026-01-31' };
  kit.given('receivable-R3', [
    r3.opened([{ ...c1, amount: 700 }], '2026-01-01'),
    r3.writtenOff('2026-04-20', [{ ...c1, amount: 700, outstandingAfter: 0 }]),
  ]);
  // R4 (rep-2, USD): 100 issued 1 Apr due 30 Apr, paid on 30 Apr.
  const r4 = collectionEvents(receivable('R4', 'c-4', 'rep-2', 'west', 'USD'));
  const d1 = { installmentNo: 1, dueDate: '2026-04-30' };
  kit.given('receivable-R4', [
    r4.opened([{ ...d1, amount: 100 }], '2026-04-01'),
    r4.paid('p1', '2026-04-30', [{ ...d1, amount: 100, outstandingAfter: 0 }], 0),
  ]);
  // R5 (rep-2, CNY): 900 issued 10 May due 31 July.
  const r5 = collectionEvents(receivable('R5', 'c-5', 'rep-2', 'west'));
  kit.given('receivable-R5', [r5.opened([{ installmentNo: 1, dueDate: '2026-07-31', amount: 900 }], '2026-05-10')]);
}

const PROJECTIONS = [
  receivablesKpiProjection,
  collectionsProjection,
  salesMonthlyProjection,
  salesTargetsProjection,
  satisfactionProjection,
  complaintsProjection,
  customerDirectoryProjection,
  productsProjection,
];

describe('collections summary of a month', () => {
  let db: Database.Database;
  const lag = () => 0;
  const rows = (filter: Parameters<typeof queryCollectionsSummary>[2]): readonly CollectionsSummaryRow[] =>
    queryCollectionsSummary(db, lag, filter).rows;

  beforeAll(() => {
    const kit = projectionKit(PROJECTIONS);
    given(kit);
    db = kit.readModels();
  });

  it('computes every figure of April with partial payments, a credit note and a write-off, per currency', () => {
    const result = queryCollectionsSummary(db, lag, { month: '2026-04', groupBy: 'rep' });
    expect(result.lag).toBe(0);
    expect(result.position).not.toBeNull();
    expect(result.rows).toEqual([
      {
        month: '2026-04',
        group_by: 'rep',
        group: 'rep-1',
        currency: 'CNY',
        days_in_period: 30,
        // invoiced: R2 2000 - 500 = 1500; collected: 800 + 300 = 1100; R3 700 written off (not collected).
        invoiced: 1_500,
        credited: 500,
        collected: 1_100,
        written_off: 700,
        // opening (31 Mar): R1 600 + 1000, R3 700 = 2300; closing: R1 100 + 400, R2 1500 = 2000 (2300 + 1500 - 1100 - 700);
        // closing current (due on or after 30 Apr): R1 #2 400 + R2 1500 = 1900.
        opening_ar: 2_300,
        closing_ar: 2_000,
        closing_current_ar: 1_900,
        // due by 30 Apr: R1 #1 600 + R1 #2 1000 + R3 (700 - 700 written off) 0 = 1600; collected on them 500 + 600 = 1100; 1100 / 1600 = 0.6875.
        collection_rate: 0.6875,
        amount_due: 1_600,
        collected_on_due: 1_100,
        // (1500 - (2000 - 2300)) / 1500 = 1800 / 1500 = 1.2; DSO 2000 / 1500 * 30 = 40.
        revenue_based_collection_rate: 1.2,
        dso_days: 40,
        // CEI (2300 + 1500 - 2000) / (2300 + 1500 - 1900) * 100 = 1800 / 1900 * 100 = 94.73684 -> 94.7368.
        cei_percent: 94.7368,
      },
      {
        // R4: 100 invoiced and paid on its due date, still current at close: everything at 100%, DSO 0 / 100 * 30 = 0.
        month: '2026-04',
        group_by: 'rep',
        group: 'rep-2',
        currency: 'USD',
        days_in_period: 30,
        invoiced: 100,
        credited: 0,
        collected: 100,
        written_off: 0,
        opening_ar: 0,
        closing_ar: 0,
        closing_current_ar: 0,
        collection_rate: 1,
        amount_due: 100,
        collected_on_due: 100,
        revenue_based_collection_rate: 1,
        dso_days: 0,
        cei_percent: 100,
      },
    ]);
  });

  it('subtracts a reversal in the later month it is dated, and answers null on zero denominators', () => {
    expect(rows({ month: '2026-05', groupBy: 'none' })).toEqual([
      {
        month: '2026-05',
        group_by: 'none',
        group: 'all',
        currency: 'CNY',
        days_in_period: 31,
        // rep-1: p3 300 bounced 5 May -> collected -300; R5 900 invoiced. opening 2000; closing R1 100 + 700, R2 1500, R5 900 = 3200.
        invoiced: 900,
        credited: 0,
        collected: -300,
        written_off: 0,
        opening_ar: 2_000,
        closing_ar: 3_200,
        // current at 31 May: only R5 900. Due by 31 May: R1 #1 100, R1 #2 1000 - 600 = 400, R2 1500 = 2000; collected on them -300.
        closing_current_ar: 900,
        collection_rate: -0.15,
        amount_due: 2_000,
        collected_on_due: -300,
        // (900 - (3200 - 2000)) / 900 = -300 / 900 = -0.3333; DSO 3200 / 900 * 31 = 110.2222; CEI (2000 + 900 - 3200) / (2000 + 900 - 900) * 100 = -15.
        revenue_based_collection_rate: -0.3333,
        dso_days: 110.2222,
        cei_percent: -15,
      },
    ]);
    // rep-2 CNY in May: only R5, not due: amount due 0 -> null; CEI denominator 0 + 900 - 900 = 0 -> null.
    // rep-1 CNY: nothing invoiced -> revenue-based rate and DSO null; CEI (2000 - 2300) / 2000 * 100 = -15.
    const may = rows({ month: '2026-05', groupBy: 'rep' });
    expect(
      may.map((r) => [
        r.group,
        r.currency,
        r.collection_rate,
        r.revenue_based_collection_rate,
        r.dso_days,
        r.cei_percent,
      ]),
    ).toEqual([
      ['rep-1', 'CNY', -0.15, null, null, -15],
      ['rep-2', 'CNY', null, 0, 31, null],
    ]);
  });

  it('agrees with the monthly sales report on the due-based collection rate', () => {
    const kpi = queryMonthlySalesReport(db, lag, { month: '2026-04', groupBy: 'rep' }).rows.flatMap((row) =>
      row.currencies.map((c) => [row.group, c.currency, c.collection_rate]),
    );
    const mine = rows({ month: '2026-04', groupBy: 'rep' }).map((r) => [r.group, r.currency, r.collection_rate]);
    expect(kpi).toEqual(mine);
  });

  it('exports the same due-based rate and its parts as collectionRate', () => {
    // April by region: east CNY 1100 / 1600 = 0.6875 (as rep-1 above); west USD 100 / 100 = 1.
    expect(collectionRate(db, { month: '2026-04', groupBy: 'region' })).toEqual([
      { group: 'east', currency: 'CNY', amount_due: 1_600, collected_on_due: 1_100, collection_rate: 0.6875 },
      { group: 'west', currency: 'USD', amount_due: 100, collected_on_due: 100, collection_rate: 1 },
    ]);
    // May, rep-2's scope: R5 not yet due -> null.
    expect(collectionRate(db, { month: '2026-05', groupBy: 'rep', scope: { repId: 'rep-2' } })).toEqual([
      { group: 'rep-2', currency: 'CNY', amount_due: 0, collected_on_due: 0, collection_rate: null },
    ]);
  });

  it('groups by customer within a region scope, and refuses a malformed month', () => {
    expect(
      rows({ month: '2026-04', groupBy: 'customer', scope: { region: 'west' } }).map((r) => [
        r.group,
        r.currency,
        r.collected,
      ]),
    ).toEqual([['c-4', 'USD', 100]]);
    expect(() => rows({ month: '2026-4', groupBy: 'none' })).toThrow(RangeError);
  });
});
