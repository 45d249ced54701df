import { actor, startTestApi, type TestApi } from '../testing/test-app.js';

// Submitted forecasts over HTTP, per role: a rep submits their own, a regional manager adjusts their region's beside
// the rep's numbers, and GET /forecasts answers them as they stood on any date. The API's clock is 2026-03-01
// 08:00 UTC (16:00 in Asia/Shanghai) unless a test moves it.
const sm = actor('sm-1', 'sales_manager');
const rmEast = actor('rm-east', 'regional_manager', 'east');
const rmWest = actor('rm-west', 'regional_manager', 'west');
const rep1 = actor('rep-1', 'sales_rep', 'east');
const rep2 = actor('rep-2', 'sales_rep', 'east');
const rep3 = actor('rep-3', 'sales_rep', 'west');
const analyst = actor('an-1', 'market_analyst');
const finance = actor('fin-1', 'finance');

let api: TestApi;
const post = (path: string, body: unknown, who = rep1) => api.call('POST', path, { actor: who, body });
const figures = (month: string, commit: number, bestCase: number) => ({ month, currency: 'CNY', commit, bestCase });
const list = async (who: typeof sm, query: string) =>
  (
    await api.call('GET', `/forecasts?${query}`, {
      actor: who,
      headers: { 'x-min-position': String(await api.store.headPosition()) },
    })
  ).body;
const row = (
  repId: string,
  region: string,
  month: string,
  commit: number,
  bestCase: number,
  submittedOn: string,
  adjusted: [number, number, string, string] | null = null,
) => ({
  rep_id: repId,
  region,
  month,
  currency: 'CNY',
  commit_amount: commit,
  best_case_amount: bestCase,
  submitted_on: submittedOn,
  adjusted_commit: adjusted?.[0] ?? null,
  adjusted_best_case: adjusted?.[1] ?? null,
  adjusted_on: adjusted?.[2] ?? null,
  adjusted_by: adjusted?.[3] ?? null,
});

beforeAll(async () => {
  api = await startTestApi();
  // Two submissions by rep-1 on 2026-03-01, a later one on 2026-03-05; rep-3 (west) on 2026-03-01.
  expect((await post('/forecasts/rep-1/submissions', figures('2026-04', 1_000_000, 1_500_000))).status).toBe(201);
  expect((await post('/forecasts/rep-1/submissions', figures('2026-05', 2_000_000, 2_600_000))).status).toBe(201);
  expect((await post('/forecasts/rep-3/submissions', figures('2026-04', 500_000, 700_000), rep3)).status).toBe(201);
  const adjusted = await post(
    '/forecasts/rep-1/adjustments',
    { ...figures('2026-04', 800_000, 1_200_000), reason: 'two deals slip to May' },
    rmEast,
  );
  expect(adjusted.status).toBe(201);
  await api.at('2026-03-05T02:00:00.000Z', async () => {
    expect((await post('/forecasts/rep-1/submissions', figures('2026-04', 1_100_000, 1_500_000))).status).toBe(201);
  });
}, 60_000);
afterAll(() => api.close());

describe('submitted forecasts', () => {
  it("answer each forecast as it stood on a date, the adjustment beside the rep's own numbers", async () => {
    const before = await list(sm, 'from=2026-04&to=2026-05&asOf=2026-03-04');
    expect(before.rows).toEqual([
      row('rep-1', 'east', '2026-04', 1_000_000, 1_500_000, '2026-03-01', [
        800_000,
        1_200_000,
        '2026-03-01',
        'rm-east',
      ]),
      row('rep-3', 'west', '2026-04', 500_000, 700_000, '2026-03-01'),
      row('rep-1', 'east', '2026-05', 2_000_000, 2_600_000, '2026-03-01'),
    ]);
    const after = await list(sm, 'from=2026-04&to=2026-04&asOf=2026-03-05');
    expect(after.rows[0]).toEqual(
      row('rep-1', 'east', '2026-04', 1_100_000, 1_500_000, '2026-03-05', [
        800_000,
        1_200_000,
        '2026-03-01',
        'rm-east',
      ]),
    );
    expect((await list(sm, 'from=2026-04&to=2026-05&asOf=2026-02-28')).rows).toEqual([]);
  });

  it('default asOf to today and are scoped: a rep their own, a regional manager their region, analysts and finance everything', async () => {
    const today = await list(rep1, 'from=2026-04&to=2026-05');
    expect(today.asOf).toBe('2026-03-01');
    expect(today.rows.map((r: { month: string }) => r.month)).toEqual(['2026-04', '2026-05']);
    expect((await list(rep2, 'from=2026-04&to=2026-05')).rows).toEqual([]);
    expect((await list(rmWest, 'from=2026-04&to=2026-05')).rows.map((r: { rep_id: string }) => r.rep_id)).toEqual([
      'rep-3',
    ]);
    expect((await list(analyst, 'from=2026-04&to=2026-05')).rows).toHaveLength(3);
    expect((await list(finance, 'from=2026-04&to=2026-05')).rows).toHaveLength(3);
  });

  it("are the rep's own to submit and a manager's of the region to adjust", async () => {
    const forOther = await post('/forecasts/rep-2/submissions', figures('2026-04', 1, 2));
    expect([forOther.status, forOther.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    const byManager = await post('/forecasts/rep-1/submissions', figures('2026-04', 1, 2), sm);
    expect([byManager.status, byManager.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    const otherRegion = await post(
      '/forecasts/rep-1/adjustments',
      { ...figures('2026-04', 1, 2), reason: 'x' },
      rmWest,
    );
    expect([otherRegion.status, otherRegion.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    const byRep = await post('/forecasts/rep-1/adjustments', { ...figures('2026-04', 1, 2), reason: 'x' });
    expect([byRep.status, byRep.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    const byAnalyst = await post('/forecasts/rep-1/submissions', figures('2026-04', 1, 2), analyst);
    expect(byAnalyst.status).toBe(403);
  });

  it('refuse a past month, a month never submitted and a commit above the best case, in Chinese when asked, with nothing written', async () => {
    const head = await api.store.headPosition();
    const past = await api.call('POST', '/forecasts/rep-1/submissions', {
      actor: rep1,
      body: figures('2026-02', 1, 2),
      headers: { 'accept-language': 'zh-CN' },
    });
    expect([past.status, past.body.code, past.body.message]).toEqual([
      409,
      'FORECAST_MONTH_PAST',
      '2026-02 已结束：只能预测当月或以后的月份',
    ]);
    const never = await post('/forecasts/rep-2/adjustments', { ...figures('2026-06', 1, 2), reason: 'x' }, sm);
    expect([never.status, never.body.code]).toEqual([409, 'FORECAST_NOT_SUBMITTED']);
    const inverted = await post('/forecasts/rep-1/submissions', figures('2026-04', 3, 2));
    expect([inverted.status, inverted.body.code]).toEqual([400, 'INVALID_INPUT']);
    const badQuery = await api.call('GET', '/forecasts?from=2026-05&to=2026-04', { actor: sm });
    expect(badQuery.status).toBe(400);
    expect(await api.store.headPosition()).toBe(head);
  });
});
