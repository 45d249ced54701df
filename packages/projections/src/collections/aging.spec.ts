import type Database from 'better-sqlite3';
import { receivablesKpiProjection } from '../kpi/receivables-kpi.projection.js';
import { projectionKit, type ProjectionKit } from '../testing/projection-kit.js';
import { queryAging, type AgingRow } from './aging.queries.js';
import { collectionEvents, receivable } from './collections.testing.js';
import { collectionsProjection } from './collections.projection.js';

function given(kit: ProjectionKit): void {
  // rA (rep-1, east, c-1): #1 1000 due 31 Jan, #2 2000 due 31 Mar.
  const a = collectionEvents(receivable('rA', 'c-1', 'rep-1', 'east'));
  const i1 = { installmentNo: 1, dueDate: '2026-01-31' };
  const i2 = { installmentNo: 2, dueDate: '2026-03-31' };
  kit.given('receivable-rA', [
    a.opened(
      [
        { ...i1, amount: 1_000 },
        { ...i2, amount: 2_000 },
      ],
      '2026-01-10',
    ),
    a.paid('p1', '2026-02-10', [{ ...i1, amount: 400, outstandingAfter: 600 }], 2_600),
    a.paid('p3', '2026-03-05', [{ ...i2, amount: 500, outstandingAfter: 1_500 }], 2_100),
    a.reversed('p3', '2026-03-05', '2026-03-20', [{ ...i2, amount: 500, outstandingAfter: 2_000 }], 2_600),
    a.paid('p2', '2026-04-20', [{ ...i1, amount: 600, outstandingAfter: 0 }], 2_000),
  ]);
  // rB (rep-2, west, c-2): 5000 due 30 April, credit note 1000 on 10 April.
  const b = collectionEvents(receivable('rB', 'c-2', 'rep-2', 'west'));
  const j1 = { installmentNo: 1, dueDate: '2026-04-30' };
  kit.given('receivable-rB', [
    b.opened([{ ...j1, amount: 5_000 }], '2026-04-01'),
    b.credited('cn1', '2026-04-10', [{ ...j1, amount: 1_000, outstandingAfter: 4_000 }], 4_000),
  ]);
  // rC (rep-2, west, c-3, USD): 300 due 31 Dec 2025, written off on 10 April.
  const c = collectionEvents(receivable('rC', 'c-3', 'rep-2', 'west', 'USD'));
  const k1 = { installmentNo: 1, dueDate: '2025-12-31' };
  kit.given('receivable-rC', [
    c.opened([{ ...k1, amount: 300 }], '2025-12-01'),
    c.writtenOff('2026-04-10', [{ ...k1, amount: 300, outstandingAfter: 0 }]),
  ]);
}

const zero = { current: 0, days_1_30: 0, days_31_60: 0, days_61_90: 0, days_over_90: 0 };

describe('aging as of a date', () => {
  let db: Database.Database;
  const lag = () => 0;
  const rows = (filter: Parameters<typeof queryAging>[2]): readonly AgingRow[] => queryAging(db, lag, filter).rows;

  beforeAll(() => {
    const kit = projectionKit([receivablesKpiProjection, collectionsProjection]);
    given(kit);
    db = kit.readModels();
  });

  it('ages a past date after later payments, with a reversal counted from its own date', () => {
    const result = queryAging(db, lag, { asOf: '2026-04-15', groupBy: 'rep' });
    expect(result.lag).toBe(0);
    expect(result.position).not.toBeNull();
    expect(result.rows).toEqual([
      // rA #1: 1000 - 400 = 600 (p2 on 20 April is after D), 15 Apr - 31 Jan = 28 + 31 + 15 = 74 days -> 61-90;
      // #2: 2000 - 500 + 500 (p3 reversed 20 March) = 2000, 15 days -> 1-30.
      {
        as_of: '2026-04-15',
        group_by: 'rep',
        group: 'rep-1',
        currency: 'CNY',
        ...zero,
        days_1_30: 2_000,
        days_61_90: 600,
        total: 2_600,
        installments: 2,
      },
      // rB: 5000 - 1000 credit = 4000, due 30 April -> current; rC written off 10 April -> gone.
      {
        as_of: '2026-04-15',
        group_by: 'rep',
        group: 'rep-2',
        currency: 'CNY',
        ...zero,
        current: 4_000,
        total: 4_000,
        installments: 1,
      },
    ]);
  });

  it('counts a payment reversed after D as paid at D, and ignores receivables issued after D', () => {
    expect(rows({ asOf: '2026-03-10', groupBy: 'none' })).toEqual([
      // rA #1: 600, 10 Mar - 31 Jan = 38 days -> 31-60; #2: 2000 - 500 = 1500 (reversal on 20 March is later), due in 21 days -> current.
      {
        as_of: '2026-03-10',
        group_by: 'none',
        group: 'all',
        currency: 'CNY',
        ...zero,
        current: 1_500,
        days_31_60: 600,
        total: 2_100,
        installments: 2,
      },
      // rC: 300, 10 Mar - 31 Dec = 31 + 28 + 10 = 69 days -> 61-90; rB is issued 1 April.
      {
        as_of: '2026-03-10',
        group_by: 'none',
        group: 'all',
        currency: 'USD',
        ...zero,
        days_61_90: 300,
        total: 300,
        installments: 1,
      },
    ]);
  });

  it('puts 91 days and more in 90+, and a regional scope sees only its region', () => {
    expect(rows({ asOf: '2026-04-09', groupBy: 'region', scope: { region: 'west' } })).toEqual([
      // rB: 5000, credit note comes the next day.
      {
        as_of: '2026-04-09',
        group_by: 'region',
        group: 'west',
        currency: 'CNY',
        ...zero,
        current: 5_000,
        total: 5_000,
        installments: 1,
      },
      // rC: 9 Apr - 31 Dec = 31 + 28 + 31 + 9 = 99 days -> 90+.
      {
        as_of: '2026-04-09',
        group_by: 'region',
        group: 'west',
        currency: 'USD',
        ...zero,
        days_over_90: 300,
        total: 300,
        installments: 1,
      },
    ]);
  });

  it('groups by customer within a rep scope; a settled installment drops out', () => {
    // rA #1 paid off 20 April; #2 2000, 1 May - 31 Mar = 31 days -> 31-60.
    expect(rows({ asOf: '2026-05-01', groupBy: 'customer', scope: { repId: 'rep-1' } })).toEqual([
      {
        as_of: '2026-05-01',
        group_by: 'customer',
        group: 'c-1',
        currency: 'CNY',
        ...zero,
        days_31_60: 2_000,
        total: 2_000,
        installments: 1,
      },
    ]);
  });

  it('refuses a malformed date', () => {
    expect(() => rows({ asOf: '2026-13-01', groupBy: 'none' })).toThrow(RangeError);
  });
});
