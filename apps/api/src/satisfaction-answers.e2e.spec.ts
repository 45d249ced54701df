import { satisfactionAnswersReport } from './reports/satisfaction-answers.report.js';
import { satisfactionReport } from './reports/satisfaction.report.js';
import { customerBody, people } from './testing/fixtures.js';
import { actor, startTestApi, TEST_NOW, type TestApi } from './testing/test-app.js';

// The drill-down of the satisfaction report over HTTP, per role: the answers behind a figure, paged, their comments
// opened for roles that may read personal data (each read logged), masked for the others, [erased] after erasure.
// All four answers are given on 1 March (the test clock): c-1 (rep-1, east) a detractor with a comment and a promoter,
// c-2 (rep-2, east, enterprise) a passive with a comment, c-3 (rep-3, west) a promoter with a comment.
const westRep = actor('rep-3', 'sales_rep', 'west');
const scores = { productQuality: 4, delivery: 2, service: 4, price: 3 };
let api: TestApi;
const post = (path: string, body: unknown, who = people.rep) => api.call('POST', path, { actor: who, body });
const get = async (path: string, who = people.manager) =>
  api.call('GET', path, { actor: who, headers: { 'x-min-position': String(await api.store.headPosition()) } });
const answers = (query: string, who = people.manager) => get(`/reports/satisfaction/answers?${query}`, who);
const MARCH = 'from=2026-03&to=2026-03';
type Row = { customer_id: string; survey_id: string; comment: string | null };
const seen = (rows: Row[]) => rows.map((row) => `${row.customer_id}/${row.survey_id} ${row.comment}`);

beforeAll(async () => {
  api = await startTestApi();
  await post('/customers', customerBody('c-1'));
  await post('/customers', { ...customerBody('c-2'), ownerRepId: 'rep-2', segment: 'enterprise' }, people.otherRep);
  await post('/customers', { ...customerBody('c-3'), region: 'west', ownerRepId: 'rep-3' }, westRep);
  const survey = (surveyId: string, nps: number, csat: number, comment?: string) => ({
    surveyId,
    period: '2026-02',
    nps,
    csat,
    scores,
    ...(comment === undefined ? {} : { comment }),
  });
  await post('/customers/c-1/surveys', survey('s-1', 3, 2, 'Deliveries late again'));
  await post('/customers/c-1/surveys', survey('s-2', 9, 5));
  await post('/customers/c-2/surveys', survey('s-1', 8, 4, 'Fine overall'), people.otherRep);
  await post('/customers/c-3/surveys', survey('s-1', 10, 5, 'Great service'), westRep);
}, 60_000);
afterAll(() => api.close());

describe('GET /reports/satisfaction/answers', () => {
  it("opens a figure of the satisfaction report through its drillDown link, with the answer's comment", async () => {
    const report = await get(`/reports/satisfaction?${MARCH}&groupBy=region`);
    // Both answers as their documented schemas say (the demo seed of the response-schema spec has no answers).
    expect(satisfactionReport.route.response?.safeParse(report.body).error?.issues ?? []).toEqual([]);
    const [east] = report.body.rows;
    expect(east).toMatchObject({ group: 'east', nps: { promoters: 1, passives: 1, detractors: 1 } });
    expect(east.drillDown.detractors).toBe(`/reports/satisfaction/answers?${MARCH}&region=east&nps=detractors`);
    const detractors = await get(east.drillDown.detractors);
    expect([detractors.status, detractors.body.personalData]).toEqual([200, 'unmasked']);
    expect(seen(detractors.body.rows)).toEqual(['c-1/s-1 Deliveries late again']);
    expect(satisfactionAnswersReport.route.response?.safeParse(detractors.body).error?.issues ?? []).toEqual([]);
    expect(detractors.body.rows[0]).toMatchObject({ nps: 3, csat: 2, follow_up: 'open', region: 'east' });
    const promoters = await get(east.drillDown.promoters);
    expect(seen(promoters.body.rows)).toEqual(['c-1/s-2 null']);
    const delivery = await get(east.drillDown.itemScore.replace('{item}', 'delivery').replace('{score}', '2'));
    expect(delivery.body.rows).toHaveLength(3);
  });

  it('gives a rep their own answers, a regional manager their region, and refuses a filter outside them', async () => {
    expect(seen((await answers(MARCH, people.rep)).body.rows)).toEqual([
      'c-1/s-1 Deliveries late again',
      'c-1/s-2 null',
    ]);
    expect(seen((await answers(MARCH, people.otherRep)).body.rows)).toEqual(['c-2/s-1 Fine overall']);
    expect(seen((await answers(`${MARCH}&csat=satisfied`, people.eastManager)).body.rows)).toEqual([
      'c-1/s-2 null',
      'c-2/s-1 Fine overall',
    ]);
    const foreign = await answers(`${MARCH}&rep=rep-3`, people.rep);
    expect([foreign.status, foreign.body.code]).toEqual([403, 'FILTER_NOT_AUTHORIZED']);
  });

  it('masks comments for a market analyst, who may read the figures but not personal data', async () => {
    const masked = await answers(MARCH, people.analyst);
    expect(masked.body.personalData).toBe('masked');
    expect(seen(masked.body.rows)).toEqual(['c-1/s-1 ***', 'c-1/s-2 null', 'c-2/s-1 ***', 'c-3/s-1 ***']);
  });

  it('pages with a cursor and refuses bad filters with 400', async () => {
    const first = await answers(`${MARCH}&limit=3`);
    expect(seen(first.body.rows)).toHaveLength(3);
    const rest = await answers(`${MARCH}&limit=3&cursor=${first.body.nextCursor}`);
    expect([seen(rest.body.rows), rest.body.nextCursor]).toEqual([['c-3/s-1 Great service'], null]);
    for (const bad of ['item=delivery', 'nps=happy', 'score=6&item=price', 'cursor=nonsense', 'segment=galactic'])
      expect({ bad, status: (await answers(`${MARCH}&${bad}`)).status }).toEqual({ bad, status: 400 });
  });

  it('logs every comment opened, and shows [erased] after the customer is forgotten', async () => {
    const reads = await get('/audit/personal-data-reads?customerId=c-3');
    expect(reads.body.reads).toContainEqual(
      expect.objectContaining({ actorId: 'sm-1', purpose: 'GET /reports/satisfaction/answers', at: TEST_NOW }),
    );
    const forgotten = await post('/customers/c-1/erasure', { reason: 'data subject request' }, people.manager);
    expect(forgotten.status).toBe(201);
    const after = await answers(MARCH);
    expect(seen(after.body.rows)).toEqual([
      'c-1/s-1 [erased]',
      'c-1/s-2 null',
      'c-2/s-1 Fine overall',
      'c-3/s-1 Great service',
    ]);
    expect(after.body.rows[0]).toMatchObject({ nps: 3, csat: 2 });
  });
});
