import { createMemoryEventStore, type EventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { orderEvents, targetEvent, type KpiOrder } from '../kpi/kpi-events.testing.js';
import { salesTargetsProjection } from '../kpi/sales-targets.projection.js';
import { ProjectionRunner } from '../runner/runner.js';
import { appendTestEvents } from '../testing/stored-events.js';
import { submittedForecastsProjection } from '../forecasts/submitted-forecasts.projection.js';
import { pipelineProjection } from '../pipeline/pipeline.projection.js';
import { forecastBookingsProjection } from './forecast-bookings.projection.js';
import { queryForecast, type ForecastFilter } from './forecast.queries.js';

const order = (orderId: string, repId: string, region: string, segment: string): KpiOrder => ({
  orderId,
  customerId: `c-${orderId}`,
  repId,
  region,
  currency: 'CNY',
  segment,
});
const submitted = (repId: string, region: string, month: string, commit: number, bestCase: number, at: string) => ({
  type: 'ForecastSubmitted',
  at,
  data: { repId, region, month, currency: 'CNY', commit, bestCase, submittedBy: repId, submittedAt: at },
});
const adjusted = (month: string, commit: number, bestCase: number, at: string) => ({
  type: 'ForecastAdjusted',
  at,
  data: {
    repId: 'rep-1',
    region: 'east',
    month,
    currency: 'CNY',
    commit,
    bestCase,
    repCommit: 4_500,
    repBestCase: 6_000,
    reason: 'slips',
    adjustedBy: 'rm-east',
    adjustedAt: at,
  },
});
const opened = (id: string, repId: string, region: string, amount: number, month: string, bp: number, at: string) => ({
  type: 'OpportunityOpened',
  at,
  data: {
    opportunityId: id,
    customerId: `c-${id}`,
    repId,
    region,
    segment: region === 'east' ? 'smb' : 'enterprise',
    title: id,
    amount,
    currency: 'CNY',
    expectedCloseMonth: month,
    stage: 'qualified',
    probabilityBp: bp,
    overridden: bp !== 2_000,
    openedBy: repId,
    openedAt: at,
  },
});
const line = (amount: number) => [{ lineId: 'a', sku: 'SKU-a', quantity: 1, unitPrice: amount, discountBp: 0 }];

async function book(store: EventStore, o: KpiOrder, amount: number, at: string): Promise<bigint> {
  return appendTestEvents(store, `order-${o.orderId}`, [orderEvents(o).confirmed(line(amount), amount, at)]);
}

describe('forecast report', () => {
  let db: Database.Database;
  let runner: ProjectionRunner;
  let store: EventStore;
  beforeAll(async () => {
    store = createMemoryEventStore();
    // rep-1 (east, smb) books 1000, 2000, ..., 6000 on the 10th of January to June 2026; June's order is amended by
    // +500 and a seventh order of February cancelled: history 1000, 2000, 3000, 4000, 5000, 6500.
    for (let m = 1; m <= 6; m += 1)
      await book(store, order(`o-${m}`, 'rep-1', 'east', 'smb'), m * 1_000, `2026-0${m}-10T02:00:00Z`);
    const june = orderEvents(order('o-6', 'rep-1', 'east', 'smb'));
    await appendTestEvents(store, 'order-o-6', [
      june.amended(line(6_000), line(6_500), [6_000, 6_500], 500, '2026-06-20T02:00:00Z'),
    ]);
    await book(store, order('o-7', 'rep-1', 'east', 'smb'), 800, '2026-02-11T02:00:00Z');
    await appendTestEvents(store, 'order-o-7', [
      orderEvents(order('o-7', 'rep-1', 'east', 'smb')).cancelled(true, 800, '2026-02-12T02:00:00Z'),
    ]);
    // July: 4000 booked on the 5th (before asOf, the 15th).
    await book(store, order('o-8', 'rep-1', 'east', 'smb'), 4_000, '2026-07-05T02:00:00Z');
    // rep-2 (west, enterprise) books 7000 in March only: history March-June 7000, 0, 0, 0.
    await book(store, order('o-9', 'rep-2', 'west', 'enterprise'), 7_000, '2026-03-03T02:00:00Z');
    await appendTestEvents(store, 'target-2026-07-rep-rep-1', [
      targetEvent('2026-07', 'rep', 'rep-1', 'east', 'CNY', 5_000),
    ]);
    // rep-1 commits 4500 (best case 6000) for July, adjusted to 4200 (5500) by the regional manager on the 10th; its
    // August forecast comes on the 16th, after asOf. rep-2 commits 1000 (2000) for July.
    await appendTestEvents(store, 'forecast-rep-1', [
      submitted('rep-1', 'east', '2026-07', 4_500, 6_000, '2026-07-01T02:00:00Z'),
      adjusted('2026-07', 4_200, 5_500, '2026-07-10T02:00:00Z'),
      submitted('rep-1', 'east', '2026-08', 3_000, 4_000, '2026-07-16T02:00:00Z'),
    ]);
    await appendTestEvents(store, 'forecast-rep-2', [
      submitted('rep-2', 'west', '2026-07', 1_000, 2_000, '2026-07-02T02:00:00Z'),
    ]);
    // Opportunities: rep-1's 10000 for August at 20% (2000 weighted), moved to negotiation (75%: 7500) on the 16th,
    // after asOf; rep-2's 5000 for July at 60% (3000); rep-2's 8000 for September, lost on the 10th (not in it).
    await appendTestEvents(store, 'opportunity-opp-a', [
      opened('opp-a', 'rep-1', 'east', 10_000, '2026-08', 2_000, '2026-07-01T02:00:00Z'),
      {
        type: 'OpportunityStageMoved',
        at: '2026-07-16T02:00:00Z',
        data: {
          opportunityId: 'opp-a',
          from: 'qualified',
          to: 'negotiation',
          probabilityBp: 7_500,
          overridden: false,
          movedBy: 'rep-1',
          movedAt: '2026-07-16T02:00:00Z',
        },
      },
    ]);
    await appendTestEvents(store, 'opportunity-opp-b', [
      opened('opp-b', 'rep-2', 'west', 5_000, '2026-07', 6_000, '2026-07-02T02:00:00Z'),
    ]);
    await appendTestEvents(store, 'opportunity-opp-c', [
      opened('opp-c', 'rep-2', 'west', 8_000, '2026-09', 2_000, '2026-07-02T02:00:00Z'),
      {
        type: 'OpportunityLost',
        at: '2026-07-10T02:00:00Z',
        data: {
          opportunityId: 'opp-c',
          from: 'qualified',
          reason: 'price',
          note: null,
          lostBy: 'rep-2',
          lostAt: '2026-07-10T02:00:00Z',
        },
      },
    ]);
    db = new Database(':memory:');
    runner = new ProjectionRunner({
      db,
      store,
      projections: [
        forecastBookingsProjection,
        salesTargetsProjection,
        submittedForecastsProjection,
        pipelineProjection,
      ],
    });
    await runner.start();
    await runner.whenLive();
  });
  afterAll(() => runner.stop());

  const forecast = (filter: Partial<ForecastFilter>) =>
    queryForecast(db, (name) => runner.freshness(name).lag, {
      asOf: '2026-07-15',
      months: 3,
      groupBy: 'rep',
      ...filter,
    }).rows.map((r) => [r.group, r.month, r.booked, r.pipeline, r.statistical, r.commit, r.bestCase, r.target, r.gap]);

  // rep-1: fewer than 24 months, so flat: (1000 + 2000 + 3000 + 4000 + 5000 + 6500) / 6 = 3583.33 -> 3583; July never
  // below its 4000 booked, and 5000 - 4000 short of its target. rep-2: (7000 + 0 + 0 + 0) / 4 = 1750. Commit and best
  // case as they stood on the 15th: the adjustment for rep-1's July, nothing yet for August. Pipeline as it stood on the
  // 15th: rep-1's August 2000 (still qualified), rep-2's July 3000 (September's was lost).
  const byRep = [
    ['rep-1', '2026-07', 4_000, 0, 4_000, 4_200, 5_500, 5_000, 1_000],
    ['rep-1', '2026-08', 0, 2_000, 3_583, 0, 0, null, null],
    ['rep-1', '2026-09', 0, 0, 3_583, 0, 0, null, null],
    ['rep-2', '2026-07', 0, 3_000, 1_750, 1_000, 2_000, null, null],
    ['rep-2', '2026-08', 0, 0, 1_750, 0, 0, null, null],
    ['rep-2', '2026-09', 0, 0, 1_750, 0, 0, null, null],
  ];

  it('gives booked to date, the statistical forecast and the target with its gap, per rep and month', () => {
    expect(forecast({})).toEqual(byRep);
  });

  it("groups by region and by segment (no targets and no reps' forecasts by segment)", () => {
    expect(forecast({ groupBy: 'region', months: 1 })).toEqual([
      ['east', '2026-07', 4_000, 0, 4_000, 4_200, 5_500, null, null],
      ['west', '2026-07', 0, 3_000, 1_750, 1_000, 2_000, null, null],
    ]);
    expect(forecast({ groupBy: 'segment', months: 1 })).toEqual([
      ['enterprise', '2026-07', 0, 3_000, 1_750, null, null, null, null],
      ['smb', '2026-07', 4_000, 0, 4_000, null, null, null, null],
    ]);
  });

  it("narrows to the reader's scope", () => {
    expect(forecast({ scope: { repId: 'rep-2' }, months: 1 })).toEqual([
      ['rep-2', '2026-07', 0, 3_000, 1_750, 1_000, 2_000, null, null],
    ]);
    expect(forecast({ scope: { region: 'east' }, months: 1 })).toEqual([byRep[0]]);
  });

  it('fits on the whole months before the month of asOf: an earlier asOf forecasts from less', () => {
    // As of 2026-06-30: January-May, (1000 + ... + 5000) / 5 = 3000; June booked 6500 to date.
    expect(forecast({ asOf: '2026-06-30', months: 1, scope: { repId: 'rep-1' } })).toEqual([
      ['rep-1', '2026-06', 6_500, 0, 6_500, 0, 0, null, null],
    ]);
    expect(forecast({ asOf: '2026-06-30', months: 2, scope: { repId: 'rep-1' } })[1]).toEqual([
      'rep-1',
      '2026-07',
      0,
      0,
      3_000,
      0,
      0,
      5_000,
      2_000,
    ]);
  });

  it('never uses events after asOf: orders booked later change nothing as of the 15th of July', async () => {
    const before = forecast({});
    await book(store, order('o-10', 'rep-1', 'east', 'smb'), 90_000, '2026-07-20T02:00:00Z');
    const position = await book(store, order('o-11', 'rep-2', 'west', 'enterprise'), 50_000, '2026-08-03T02:00:00Z');
    await runner.whenAt('forecast_bookings', position);
    expect(forecast({})).toEqual(before);
    // As of the 20th, July's new order is booked to date; August onwards still forecast from January-June; August's
    // opportunity is in negotiation: 10000 x 75% = 7500.
    expect(forecast({ asOf: '2026-07-20', months: 2 }).slice(0, 2)).toEqual([
      ['rep-1', '2026-07', 94_000, 0, 94_000, 4_200, 5_500, 5_000, -89_000],
      ['rep-1', '2026-08', 0, 7_500, 3_583, 3_000, 4_000, null, null],
    ]);
  });
});
