import { createMemoryEventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { ProjectionRunner } from '../runner/runner.js';
import { appendTestEvents } from '../testing/stored-events.js';
import { submittedForecastsProjection } from './submitted-forecasts.projection.js';
import { querySubmittedForecasts, submittedForecastsAsOf } from './submitted-forecasts.queries.js';

const submitted = (repId: string, region: string, month: string, commit: number, bestCase: number, at: string) => ({
  type: 'ForecastSubmitted',
  at,
  data: { repId, region, month, currency: 'CNY', commit, bestCase, submittedBy: repId, submittedAt: at },
});
const adjusted = (
  repId: string,
  month: string,
  commit: number,
  bestCase: number,
  repCommit: number,
  repBestCase: number,
  at: string,
) => ({
  type: 'ForecastAdjusted',
  at,
  data: {
    repId,
    region: 'east',
    month,
    currency: 'CNY',
    commit,
    bestCase,
    repCommit,
    repBestCase,
    reason: 'slips',
    adjustedBy: 'rm-east',
    adjustedAt: at,
  },
});

async function readModel() {
  const store = createMemoryEventStore();
  await appendTestEvents(store, 'forecast-rep-1', [
    submitted('rep-1', 'east', '2026-04', 100, 150, '2026-03-02T02:00:00Z'),
    // 17:00 UTC is already 2026-03-11 in Asia/Shanghai.
    submitted('rep-1', 'east', '2026-04', 120, 160, '2026-03-10T17:00:00Z'),
    adjusted('rep-1', '2026-04', 90, 130, 120, 160, '2026-03-12T02:00:00Z'),
    submitted('rep-1', 'east', '2026-05', 200, 300, '2026-03-12T03:00:00Z'),
    submitted('rep-1', 'east', '2026-04', 110, 160, '2026-03-12T04:00:00Z'),
  ]);
  await appendTestEvents(store, 'forecast-rep-3', [
    submitted('rep-3', 'west', '2026-04', 50, 70, '2026-03-05T02:00:00Z'),
  ]);
  const db = new Database(':memory:');
  const runner = new ProjectionRunner({ db, store, projections: [submittedForecastsProjection] });
  await runner.start();
  await runner.whenLive();
  return { db, runner };
}

const figures = (rows: ReturnType<typeof submittedForecastsAsOf>) =>
  rows.map((r) => [
    r.rep_id,
    r.month,
    r.commit_amount,
    r.best_case_amount,
    r.submitted_on,
    r.adjusted_commit,
    r.adjusted_best_case,
    r.adjusted_on,
  ]);

describe('submitted forecasts read model', () => {
  it('keeps every submission with its business date and answers a forecast as it stood on any date', async () => {
    const { db, runner } = await readModel();
    const all = { fromMonth: '2026-04', toMonth: '2026-05' };
    expect(figures(submittedForecastsAsOf(db, { ...all, asOf: '2026-03-01' }))).toEqual([]);
    expect(figures(submittedForecastsAsOf(db, { ...all, asOf: '2026-03-10' }))).toEqual([
      ['rep-1', '2026-04', 100, 150, '2026-03-02', null, null, null],
      ['rep-3', '2026-04', 50, 70, '2026-03-05', null, null, null],
    ]);
    expect(figures(submittedForecastsAsOf(db, { ...all, asOf: '2026-03-11' }))[0]).toEqual([
      'rep-1',
      '2026-04',
      120,
      160,
      '2026-03-11',
      null,
      null,
      null,
    ]);
    // Three events on 2026-03-12: the later submission is the rep's number, the adjustment stays beside it.
    expect(figures(submittedForecastsAsOf(db, { ...all, asOf: '2026-03-12' }))).toEqual([
      ['rep-1', '2026-04', 110, 160, '2026-03-12', 90, 130, '2026-03-12'],
      ['rep-3', '2026-04', 50, 70, '2026-03-05', null, null, null],
      ['rep-1', '2026-05', 200, 300, '2026-03-12', null, null, null],
    ]);
    await runner.stop();
  });

  it("narrows to a rep's own, a region's and a range of months", async () => {
    const { db, runner } = await readModel();
    const lag = (name: string) => runner.freshness(name).lag;
    const pick = (scope: { repId?: string; region?: string }, toMonth = '2026-05') =>
      querySubmittedForecasts(db, lag, { asOf: '2026-03-31', fromMonth: '2026-04', toMonth, scope }).rows.map(
        (r) => `${r.rep_id} ${r.month}`,
      );
    expect(pick({ repId: 'rep-3' })).toEqual(['rep-3 2026-04']);
    expect(pick({ region: 'east' })).toEqual(['rep-1 2026-04', 'rep-1 2026-05']);
    expect(pick({}, '2026-04')).toEqual(['rep-1 2026-04', 'rep-3 2026-04']);
    expect(querySubmittedForecasts(db, lag, { asOf: '2026-03-31', fromMonth: '2026-04', toMonth: '2026-04' }).lag).toBe(
      0,
    );
    await runner.stop();
  });
});
