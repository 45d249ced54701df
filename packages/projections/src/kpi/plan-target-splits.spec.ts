import { customerDirectoryProjection } from '../customers/customer-directory.projection.js';
import { forecastBookingsProjection } from '../forecast/forecast-bookings.projection.js';
import { projectionKit, type ProjectionKit } from '../testing/projection-kit.js';
import { orderEvents, type KpiOrder } from './kpi-events.testing.js';
import { planAttainment } from './plan-attainment.queries.js';
import { receivablesKpiProjection } from './receivables-kpi.projection.js';
import { salesTargetsProjection } from './sales-targets.projection.js';

const day = (d: string) => `2026-${d}T02:00:00Z`;
const KEY = { period: '2026-Q2', measure: 'booked', currency: 'CNY' };
const set = (scope: string, scopeId: string, amount: number, at: string) => ({
  type: 'SalesTargetSet',
  at,
  data: { ...KEY, scope, scopeId, region: 'east', amount, setBy: 'sm-1', setAt: at },
});
const revised = (scope: string, scopeId: string, previousAmount: number, amount: number, at: string) => ({
  type: 'SalesTargetRevised',
  at,
  data: {
    ...KEY,
    scope,
    scopeId,
    region: 'east',
    previousAmount,
    amount,
    reason: 'r',
    revisedBy: 'sm-1',
    revisedAt: at,
  },
});
const split = (amount: number, parts: [string, number][], at: string) => ({
  type: 'SalesTargetSplit',
  at,
  data: {
    ...KEY,
    scope: 'region',
    scopeId: 'east',
    region: 'east',
    amount,
    parts: parts.map(([repId, part]) => ({ repId, amount: part })),
    splitBy: 'rm-east',
    splitAt: at,
  },
});
const order = (orderId: string, repId: string): KpiOrder => ({
  orderId,
  customerId: `c-${orderId}`,
  repId,
  region: 'east',
  currency: 'CNY',
  segment: 'smb',
});
const book = (o: KpiOrder, amount: number, on: string) =>
  orderEvents(o).confirmed([{ lineId: 'a', sku: 'SKU-a', quantity: 1, unitPrice: amount, discountBp: 0 }], amount, on);

const REGION = 'target-2026-Q2-region-east';
const rows = (kit: ProjectionKit, groupBy: 'rep' | 'region') =>
  planAttainment(kit.readModels(), { month: '2026-05', groupBy }).map((r) => [
    r.group,
    r.target,
    r.actual,
    r.splitTotal,
  ]);

describe('plan attainment of a region target split across its reps', () => {
  let kit: ProjectionKit;
  beforeEach(() => {
    kit = projectionKit([
      salesTargetsProjection,
      forecastBookingsProjection,
      receivablesKpiProjection,
      customerDirectoryProjection,
    ]);
    // rep-1 had its own Q2 target of 5000 before east's 30000 was split 10000 / 20000; rep-1 books 4000, rep-2 6000.
    kit.given('target-2026-Q2-rep-rep-1', [set('rep', 'rep-1', 5_000, day('03-20'))]);
    kit.given(REGION, [
      set('region', 'east', 30_000, day('03-21')),
      split(
        30_000,
        [
          ['rep-1', 10_000],
          ['rep-2', 20_000],
        ],
        day('03-22'),
      ),
    ]);
    kit.given('order-o-1', [book(order('o-1', 'rep-1'), 4_000, day('04-10'))]);
    kit.given('order-o-2', [book(order('o-2', 'rep-2'), 6_000, day('05-10'))]);
  });

  it("gives each rep their part (decided after rep-1's own target) and the region the sum of the parts", () => {
    expect(rows(kit, 'rep')).toEqual([
      ['rep-1', 10_000, 4_000, null],
      ['rep-2', 20_000, 6_000, null],
    ]);
    expect(rows(kit, 'region')).toEqual([['east', 30_000, 10_000, 30_000]]);
  });

  it('replaces the split whole: a rep the new split leaves out has no part any more', () => {
    kit.given(REGION, [split(30_000, [['rep-1', 30_000]], day('04-01'))]);
    expect(rows(kit, 'rep')).toEqual([['rep-1', 30_000, 4_000, null]]);
    expect(rows(kit, 'region')).toEqual([['east', 30_000, 10_000, 30_000]]);
  });

  it("flags a later revision of a rep's own target or of the region's that breaks the sum", () => {
    kit.given('target-2026-Q2-rep-rep-1', [revised('rep', 'rep-1', 5_000, 12_000, day('04-02'))]);
    expect(rows(kit, 'rep')).toEqual([
      ['rep-1', 12_000, 4_000, null],
      ['rep-2', 20_000, 6_000, null],
    ]);
    expect(rows(kit, 'region')).toEqual([['east', 30_000, 10_000, 32_000]]);
    kit.given(REGION, [revised('region', 'east', 30_000, 32_000, day('04-03'))]);
    expect(rows(kit, 'region')).toEqual([['east', 32_000, 10_000, 32_000]]);
    kit.given(REGION, [revised('region', 'east', 32_000, 40_000, day('04-04'))]);
    expect(rows(kit, 'region')).toEqual([['east', 40_000, 10_000, 32_000]]);
  });

  it('leaves splitTotal null for a region target that was never split', () => {
    kit.given('target-2026-Q2-region-west', [
      {
        ...set('region', 'west', 9_000, day('03-21')),
        data: { ...set('region', 'west', 9_000, day('03-21')).data, region: 'west' },
      },
    ]);
    expect(rows(kit, 'region')).toEqual([
      ['east', 30_000, 10_000, 30_000],
      ['west', 9_000, 0, null],
    ]);
  });
});
