import { customerBody, orderBody, people } from '../testing/fixtures.js';
import { actor, ORDERS_PLACED_AT, startTestApi, type TestApi } from '../testing/test-app.js';

// Response and coverage of survey campaigns over HTTP, per role: q0 launched on 1 March, q1 on 10 March, each
// inviting c-1 (rep-1, east), c-2 (rep-2, east, enterprise) and c-3 (rep-3, west).
const westRep = actor('rep-3', 'sales_rep', 'west');
let api: TestApi;
const post = (path: string, body: unknown, who = people.analyst) => api.call('POST', path, { actor: who, body });
const get = async (path: string, who = people.manager) =>
  api.call('GET', path, { actor: who, headers: { 'x-min-position': String(await api.store.headPosition()) } });
const answer = (nps: number, csat: number) => ({
  nps,
  csat,
  scores: { productQuality: 3, delivery: 3, service: 3, price: 3 },
});
const campaign = (campaignId: string, opensOn: string) => ({
  campaignId,
  name: `Campaign ${campaignId}`,
  period: '2026-02',
  population: { orderedWithinMonths: 3 },
  sample: { kind: 'all' },
  opensOn,
  closesOn: '2026-03-31',
});
const launch = async (id: string, at: string) => {
  await post('/survey-campaigns', campaign(id, at.slice(0, 10)));
  const launched = await api.at(at, () => post(`/survey-campaigns/${id}/launch`, {}, people.manager));
  if (launched.status !== 201) throw new Error(`launch ${id}: ${JSON.stringify(launched.body)}`);
};
const answerAt = async (invitation: string, body: object, who: typeof westRep, at: string) => {
  const answered = await api.at(at, () => post(`/survey-invitations/${invitation}/answer`, body, who));
  if (answered.status !== 201) throw new Error(`answer ${invitation}: ${JSON.stringify(answered.body)}`);
};

beforeAll(async () => {
  api = await startTestApi();
  await post('/customers', customerBody('c-1'), people.rep);
  await post('/customers', { ...customerBody('c-2'), ownerRepId: 'rep-2', segment: 'enterprise' }, people.otherRep);
  await post('/customers', { ...customerBody('c-3'), region: 'west', ownerRepId: 'rep-3' }, westRep);
  await api.at(ORDERS_PLACED_AT, () => post('/orders', orderBody('o-1', 'c-1'), people.rep));
  await api.at(ORDERS_PLACED_AT, () =>
    post('/orders', { ...orderBody('o-2', 'c-2'), repId: 'rep-2' }, people.otherRep),
  );
  await api.at(ORDERS_PLACED_AT, () => post('/orders', { ...orderBody('o-3', 'c-3'), repId: 'rep-3' }, westRep));
  await get('/customers');
  // Invitations are numbered in customer-id order: .1 c-1, .2 c-2, .3 c-3.
  await launch('q0', '2026-03-01T02:00:00.000Z');
  await answerAt('q0.1', answer(10, 5), people.rep, '2026-03-03T02:00:00.000Z');
  await launch('q1', '2026-03-10T02:00:00.000Z');
  await answerAt('q1.1', answer(9, 4), people.rep, '2026-03-11T02:00:00.000Z');
  await answerAt('q1.3', answer(3, 2), westRep, '2026-03-14T02:00:00.000Z');
}, 90_000);
afterAll(() => api.close());

describe('GET /reports/survey-campaigns/:id', () => {
  it("gives a manager each region's response, time to answer, CSAT and NPS with intervals, beside q0's", async () => {
    const report = await get('/reports/survey-campaigns/q1?groupBy=region');
    expect(report.status).toBe(200);
    expect([report.body.campaign.campaign_id, report.body.previousCampaign.campaign_id]).toEqual(['q1', 'q0']);
    const [east, west] = report.body.rows;
    // east: c-1 answered after 1 day (9, 4), c-2 not: 1 of 2; CSAT 1 of 1 (Wilson 0.2065-1), NPS 1 (no spread).
    expect(east).toEqual({
      group: 'east',
      invited: 2,
      answered: 1,
      responseRate: 0.5,
      daysToAnswer: { median: 1, mean: 1 },
      csat: { value: 1, n: 1, satisfied: 1, interval: { low: 0.2065, high: 1 } },
      nps: { value: 1, n: 1, promoters: 1, passives: 0, detractors: 0, interval: { low: 1, high: 1 } },
      previous: expect.objectContaining({ invited: 2, answered: 1, daysToAnswer: { median: 2, mean: 2 } }),
    });
    // west: c-3 answered after 4 days (3, 2); in q0 it was invited and did not answer.
    expect(west).toMatchObject({
      group: 'west',
      invited: 1,
      answered: 1,
      daysToAnswer: { median: 4, mean: 4 },
      csat: { value: 0, interval: { low: 0, high: 0.7935 } },
      nps: { value: -1, detractors: 1, interval: { low: -1, high: -1 } },
      previous: { invited: 1, answered: 0, responseRate: 0, csat: { value: null, n: 0, interval: null } },
    });
    expect(report.body.total).toMatchObject({
      invited: 3,
      answered: 2,
      responseRate: 0.6667,
      previous: { answered: 1 },
    });
  });

  it('gives a rep their own customers, a regional manager their region, and refuses a filter outside them', async () => {
    const rep = await get('/reports/survey-campaigns/q1?groupBy=rep', people.rep);
    expect(rep.body.rows.map((r: { group: string; invited: number }) => [r.group, r.invited])).toEqual([['rep-1', 1]]);
    const other = await get('/reports/survey-campaigns/q1', people.otherRep);
    expect(other.body.total).toMatchObject({ invited: 1, answered: 0, responseRate: 0, previous: { invited: 1 } });
    const region = await get('/reports/survey-campaigns/q1?groupBy=segment', people.eastManager);
    expect(region.body.rows.map((r: { group: string; answered: number }) => [r.group, r.answered])).toEqual([
      ['enterprise', 0],
      ['smb', 1],
    ]);
    const foreign = await get('/reports/survey-campaigns/q1?rep=rep-3', people.rep);
    expect([foreign.status, foreign.body.code]).toEqual([403, 'FILTER_NOT_AUTHORIZED']);
    const analyst = await get('/reports/survey-campaigns/q1', people.analyst);
    expect(analyst.body.total).toMatchObject({ invited: 3, answered: 2 });
  });

  it('has no previous campaign for the first, 404 for an unknown one, 400 for a bad grouping', async () => {
    const first = await get('/reports/survey-campaigns/q0');
    expect([first.body.previousCampaign, first.body.total.previous]).toEqual([null, null]);
    const missing = await get('/reports/survey-campaigns/nope');
    expect([missing.status, missing.body.code]).toEqual([404, 'CAMPAIGN_NOT_FOUND']);
    expect((await get('/reports/survey-campaigns/q1?groupBy=colour')).status).toBe(400);
  });
});

describe('GET /survey-campaigns', () => {
  it('lists campaigns, latest first, with status and the counts in scope', async () => {
    const row = (c: { campaign_id: string; status: string; invited: number; answered: number }) =>
      `${c.campaign_id} ${c.status} ${c.answered}/${c.invited}`;
    expect((await get('/survey-campaigns')).body.rows.map(row)).toEqual(['q1 launched 2/3', 'q0 launched 1/3']);
    expect((await get('/survey-campaigns', westRep)).body.rows.map(row)).toEqual([
      'q1 launched 1/1',
      'q0 launched 0/1',
    ]);
  });
});
