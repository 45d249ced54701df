import { people } from '../testing/fixtures.js';
import { actor, startTestApi, type TestApi } from '../testing/test-app.js';
import { competitionsListReport, competitionStandingsReport } from './competitions.report.js';

// Competitions over HTTP on 15 April 2026: a running Q2 race in east by collected sales, one in west, a company-wide
// May race by attainment not started yet. April's payments: rep-2 30,000, rep-1 20,000 (east), rep-3 5,000 (west).
let api: TestApi;
let last = '0';
const { manager, rep, eastManager, analyst, finance } = people;
const westRep = actor('rep-3', 'sales_rep', 'west');
const ZH = { 'accept-language': 'zh-CN,zh;q=0.9' };
const terms = (competitionId: string, period: string, metric: string, scope: string) => ({
  competitionId,
  name: `${competitionId} 冲刺`,
  period,
  metric,
  scope,
  prize: '带薪休假两天',
});

const send = (path: string, body: unknown, who = manager, headers: Record<string, string> = {}) =>
  api.call('POST', path, { actor: who, body, headers });
async function must(path: string, body: unknown, who = manager): Promise<void> {
  const response = await send(path, body, who);
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  last = response.body.position as string;
}
const get = (path: string, who = manager) => api.call('GET', path, { actor: who, headers: { 'x-min-position': last } });

beforeAll(async () => {
  api = await startTestApi({}, () => new Date('2026-04-15T02:00:00.000Z'));
  await must('/competitions', terms('q2-east', '2026-Q2', 'collected', 'east'));
  await must('/competitions', terms('q2-west', '2026-Q2', 'collected', 'west'));
  await must('/competitions', terms('may-all', '2026-05', 'attainment', 'all'));
  for (const [id, repId, region, amount] of [
    ['r-1', 'rep-1', 'east', 20_000],
    ['r-2', 'rep-2', 'east', 30_000],
    ['r-3', 'rep-3', 'west', 5_000],
  ] as const) {
    await must(
      '/receivables',
      {
        receivableId: id,
        orderId: `o-${id}`,
        customerId: 'c-1',
        repId,
        region,
        amount: { amount: 50_000, currency: 'CNY' },
        issueDate: '2026-04-02',
        dueDate: '2026-05-31',
      },
      finance,
    );
    await must(
      `/receivables/${id}/payments`,
      { paymentId: `p-${id}`, amount: { amount, currency: 'CNY' }, receivedOn: '2026-04-10', method: 'bank_transfer' },
      finance,
    );
  }
}, 60_000);
afterAll(() => api.close());

const standings = async (id: string, who = manager) => {
  const response = await get(`/competitions/${id}/standings`, who);
  expect(competitionStandingsReport.route.response?.safeParse(response.body).error?.issues ?? []).toEqual([]);
  return response.body;
};
const ranks = (body: { rows: Array<{ rank: number | null; rep_id: string; value: number | null }> }) =>
  body.rows.map((r) => [r.rank, r.rep_id, r.value]);

describe('competitions', () => {
  it("ranks a running competition by its metric in its scope, so far: rep-2 30,000, rep-1 20,000 in east's Q2", async () => {
    const east = await standings('q2-east');
    expect(ranks(east)).toEqual([
      [1, 'rep-2', 30_000],
      [2, 'rep-1', 20_000],
    ]);
    expect([east.months, east.competition.prize, east.competition.starts_on, east.competition.ends_on]).toEqual([
      ['2026-04'],
      '带薪休假两天',
      '2026-04-01',
      '2026-06-30',
    ]);
    expect(ranks(await standings('q2-west'))).toEqual([[1, 'rep-3', 5_000]]);
  });

  it('has no standings before it starts, and none once cancelled', async () => {
    expect([ranks(await standings('may-all')), (await standings('may-all')).months]).toEqual([[], []]);
    await must('/competitions/may-all/cancellation', { reason: '与年度评比合并' });
    const cancelled = await standings('may-all');
    expect([cancelled.rows, cancelled.competition.cancel_reason]).toEqual([[], '与年度评比合并']);
  });

  it('refuses to cancel a started competition or announce one for a period over, in both languages', async () => {
    const started = await send('/competitions/q2-east/cancellation', { reason: 'too late' });
    expect([started.status, started.body.code, started.body.details]).toEqual([
      409,
      'COMPETITION_ALREADY_STARTED',
      { startsOn: '2026-04-01' },
    ]);
    const zh = await send('/competitions/q2-east/cancellation', { reason: 'too late' }, manager, ZH);
    expect(zh.body.message).toBe('该销售竞赛已于 2026-04-01 开始，不能再取消');
    const over = await send('/competitions', terms('march', '2026-03', 'csat', 'all'), manager, ZH);
    expect([over.status, over.body.code, over.body.message]).toEqual([
      409,
      'COMPETITION_PERIOD_OVER',
      '2026-03 已于 2026-03-31 结束：销售竞赛只能为尚未结束的期间设立',
    ]);
    const taken = await send('/competitions', { ...terms('q2-east', '2026-Q2', 'csat', 'east') });
    expect([taken.status, taken.body.code]).toEqual([409, 'COMPETITION_ALREADY_EXISTS']);
    expect((await send('/competitions', terms('q2-east', '2026-Q2', 'collected', 'east'))).status).toBe(201);
  });

  it('lets only sales managers announce or cancel, and checks the terms', async () => {
    for (const who of [eastManager, rep, analyst, finance]) {
      expect([who.role, (await send('/competitions', terms('x', '2026-Q3', 'csat', 'all'), who)).status]).toEqual([
        who.role,
        403,
      ]);
      expect([who.role, (await send('/competitions/q2-west/cancellation', { reason: 'no' }, who)).status]).toEqual([
        who.role,
        403,
      ]);
    }
    for (const bad of [{ period: '2026-Q5' }, { metric: 'booked' }, { scope: 'a b' }, { prize: '' }]) {
      const refused = await send('/competitions', { ...terms('y', '2026-Q3', 'csat', 'all'), ...bad });
      expect([bad, refused.status, refused.body.code]).toEqual([bad, 400, 'INVALID_INPUT']);
    }
    const unknown = await send('/competitions/nope/cancellation', { reason: 'x' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'COMPETITION_NOT_FOUND']);
  });

  it("lists a rep's region's and the company-wide competitions, and refuses another region's standings", async () => {
    const ids = async (who: typeof manager) => {
      const list = await get('/competitions', who);
      expect(competitionsListReport.route.response?.safeParse(list.body).error?.issues ?? []).toEqual([]);
      return list.body.rows.map((r: { competition_id: string }) => r.competition_id);
    };
    expect(await ids(manager)).toEqual(['may-all', 'q2-east', 'q2-west']);
    expect(await ids(analyst)).toEqual(['may-all', 'q2-east', 'q2-west']);
    expect(await ids(rep)).toEqual(['may-all', 'q2-east']);
    expect(await ids(eastManager)).toEqual(['may-all', 'q2-east']);
    expect(await ids(westRep)).toEqual(['may-all', 'q2-west']);
    expect(ranks(await standings('q2-east', rep))).toEqual([
      [1, 'rep-2', 30_000],
      [2, 'rep-1', 20_000],
    ]);
    const foreign = await get('/competitions/q2-west/standings', rep);
    expect([foreign.status, foreign.body.code]).toEqual([403, 'COMPETITION_NOT_AUTHORIZED']);
    const missing = await get('/competitions/nope/standings');
    expect([missing.status, missing.body.code]).toEqual([404, 'COMPETITION_NOT_FOUND']);
    expect((await get('/competitions', finance)).status).toBe(403);
  });
});
