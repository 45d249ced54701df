import { createMemoryEventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { submittedForecastsProjection } from '../forecasts/submitted-forecasts.projection.js';
import { orderEvents, type KpiOrder } from '../kpi/kpi-events.testing.js';
import { ProjectionRunner } from '../runner/runner.js';
import { appendTestEvents } from '../testing/stored-events.js';
import { closedMonths, queryForecastAccuracy, type AccuracyFilter, type ForecastScore } from './accuracy.queries.js';
import { forecastBookingsProjection } from './forecast-bookings.projection.js';

const order = (orderId: string): KpiOrder => ({
  orderId,
  customerId: 'c-1',
  repId: 'rep-1',
  region: 'east',
  currency: 'CNY',
  segment: 'smb',
});
const line = (amount: number) => [{ lineId: 'a', sku: 'SKU-a', quantity: 1, unitPrice: amount, discountBp: 0 }];
const submitted = (month: string, commit: number, bestCase: number, at: string) => ({
  type: 'ForecastSubmitted',
  at,
  data: {
    repId: 'rep-1',
    region: 'east',
    month,
    currency: 'CNY',
    commit,
    bestCase,
    submittedBy: 'rep-1',
    submittedAt: at,
  },
});
const figures = (s: ForecastScore | null) => (s === null ? null : [s.forecast, s.error, s.ape, s.bias]);

// rep-1 books 1000, 3000, 2000 and 4000 in January to April 2026. For April it commits 3500 (best case 5000) on
// 20 February, and 4500 on 5 March, after March began.
describe('forecast accuracy', () => {
  let db: Database.Database;
  let runner: ProjectionRunner;
  beforeAll(async () => {
    const store = createMemoryEventStore();
    const booked = [1_000, 3_000, 2_000, 4_000];
    for (const [i, amount] of booked.entries()) {
      await appendTestEvents(store, `order-o-${i}`, [
        orderEvents(order(`o-${i}`)).confirmed(line(amount), amount, `2026-0${i + 1}-10T02:00:00Z`),
      ]);
    }
    await appendTestEvents(store, 'forecast-rep-1', [
      submitted('2026-04', 3_500, 5_000, '2026-02-20T02:00:00Z'),
      submitted('2026-04', 4_500, 6_000, '2026-03-05T02:00:00Z'),
    ]);
    db = new Database(':memory:');
    runner = new ProjectionRunner({
      db,
      store,
      projections: [forecastBookingsProjection, submittedForecastsProjection],
    });
    await runner.start();
    await runner.whenLive();
  });
  afterAll(() => runner.stop());

  const accuracy = (filter: Partial<AccuracyFilter>) =>
    queryForecastAccuracy(db, (name) => runner.freshness(name).lag, {
      from: '2026-03',
      to: '2026-05',
      lagMonths: 1,
      groupBy: 'rep',
      today: '2026-05-15',
      ...filter,
    });

  it('scores only months that have ended', () => {
    expect(closedMonths('2026-03', '2026-05', '2026-05-15')).toEqual(['2026-03', '2026-04']);
    expect(closedMonths('2026-03', '2026-05', '2026-06-01')).toEqual(['2026-03', '2026-04', '2026-05']);
  });

  it('scores each forecast as it stood a month before the month began (lagMonths 1)', () => {
    const answer = accuracy({});
    expect(
      answer.rows.map((r) => [r.month, r.actual, figures(r.statistical), figures(r.commit), figures(r.bestCase)]),
    ).toEqual([
      // March, as of 1 February: January alone, flat 1000 against 2000 booked.
      ['2026-03', 2_000, [1_000, -1_000, 0.5, -0.5], [null, null, null, null], [null, null, null, null]],
      // April, as of 1 March: (1000 + 3000) / 2 = 2000; the commit of 20 February, not the one of 5 March.
      ['2026-04', 4_000, [2_000, -2_000, 0.5, -0.5], [3_500, -500, 0.125, -0.125], [5_000, 1_000, 0.25, 0.25]],
    ]);
    expect(answer.summary).toEqual([
      { group: 'rep-1', currency: 'CNY', kind: 'statistical', months: 2, mape: 0.5, bias: -0.5 },
      { group: 'rep-1', currency: 'CNY', kind: 'commit', months: 1, mape: 0.125, bias: -0.125 },
      { group: 'rep-1', currency: 'CNY', kind: 'bestCase', months: 1, mape: 0.25, bias: 0.25 },
    ]);
  });

  it('with lagMonths 3 scores April as it stood on 1 January: no history, 0', () => {
    const april = accuracy({ lagMonths: 3, from: '2026-04', to: '2026-04' }).rows[0];
    expect([april?.actual, figures(april?.statistical ?? null), figures(april?.commit ?? null)]).toEqual([
      4_000,
      [0, -4_000, 1, -1],
      [null, null, null, null],
    ]);
  });

  it("has no reps' forecasts by segment, and narrows to the scope", () => {
    expect(accuracy({ groupBy: 'segment' }).rows.map((r) => [r.group, r.commit])).toEqual([
      ['smb', null],
      ['smb', null],
    ]);
    expect(accuracy({ scope: { repId: 'rep-2' } }).rows).toEqual([]);
  });
});
