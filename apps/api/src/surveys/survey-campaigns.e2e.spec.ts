import { customerBody, orderBody, people } from '../testing/fixtures.js';
import { actor, ORDERS_PLACED_AT, startTestApi, type TestApi } from '../testing/test-app.js';

// Survey campaigns over HTTP: an analyst plans, a sales manager launches with the population the read models hold
// (active customers with an order in the window), reps record answers given by phone against the invitations, once.
const westRep = actor('rep-3', 'sales_rep', 'west');
let api: TestApi;
const post = (path: string, body: unknown, who = people.analyst) => api.call('POST', path, { actor: who, body });
const answer = {
  nps: 4,
  csat: 2,
  scores: { productQuality: 3, delivery: 2, service: 3, price: 4 },
  comment: '交货太慢',
};
const plan = (campaignId: string, extra: object = {}) => ({
  campaignId,
  name: `Campaign ${campaignId}`,
  period: '2026-02',
  population: { orderedWithinMonths: 3 },
  sample: { kind: 'all' },
  opensOn: '2026-03-01',
  closesOn: '2026-03-31',
  ...extra,
});
const caughtUp = async () =>
  api.call('GET', '/customers', {
    actor: people.manager,
    headers: { 'x-min-position': String(await api.store.headPosition()) },
  });

beforeAll(async () => {
  api = await startTestApi();
  await post('/customers', customerBody('c-1'), people.rep);
  await post('/customers', { ...customerBody('c-2'), region: 'west', ownerRepId: 'rep-3' }, westRep);
  await post('/customers', customerBody('c-3'), people.rep);
  await api.at(ORDERS_PLACED_AT, () => post('/orders', orderBody('o-1', 'c-1'), people.rep));
  await api.at(ORDERS_PLACED_AT, () => post('/orders', { ...orderBody('o-2', 'c-2'), repId: 'rep-3' }, westRep));
  await caughtUp();
}, 60_000);
afterAll(() => api.close());

describe('survey campaigns', () => {
  it('are planned by an analyst, not a rep; bad plans are refused with nothing written', async () => {
    expect((await post('/survey-campaigns', plan('q1'))).status).toBe(201);
    const byRep = await post('/survey-campaigns', plan('q1-rep'), people.rep);
    expect([byRep.status, byRep.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    const before = await api.store.headPosition();
    expect((await post('/survey-campaigns', plan('bad', { closesOn: '2026-02-01' }))).status).toBe(400);
    expect(
      (await post('/survey-campaigns', plan('bad', { sample: { kind: 'random', size: 0, seed: 1 } }))).status,
    ).toBe(400);
    const again = await post('/survey-campaigns', plan('q1', { name: 'other' }));
    expect([again.status, again.body.code]).toEqual([409, 'CAMPAIGN_ALREADY_PLANNED']);
    expect(await api.store.headPosition()).toBe(before);
  });

  it('are launched by a sales manager only: one invitation per active customer with an order in the window', async () => {
    const byRegional = await post('/survey-campaigns/q1/launch', {}, people.eastManager);
    expect([byRegional.status, byRegional.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    const launched = await post('/survey-campaigns/q1/launch', {}, people.manager);
    expect([launched.status, launched.body.events]).toEqual([
      201,
      ['SurveyCampaignLaunched', 'SurveyInvitationIssued', 'SurveyInvitationIssued'],
    ]);
    // c-3 has no order: outside the population.
    const events = await api.store.readStream('campaign-q1');
    expect(events.slice(2).map((event) => (event.data as { customerId: string }).customerId)).toEqual(['c-1', 'c-2']);
    const missing = await post('/survey-campaigns/nope/launch', {}, people.manager);
    expect([missing.status, missing.body.code]).toEqual([404, 'CAMPAIGN_NOT_FOUND']);
  });

  it("take one phone answer per invitation from the customer's rep, counted as a survey answer", async () => {
    const otherRegion = await post('/survey-invitations/q1.2/answer', answer, people.rep);
    expect([otherRegion.status, otherRegion.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    // NPS 4: a detractor, so the same append opens the follow-up of the closed loop.
    const first = await post('/survey-invitations/q1.1/answer', answer, people.rep);
    expect([first.status, first.body.streamName, first.body.events]).toEqual([
      201,
      'customer-c-1',
      ['SatisfactionSurveyRecorded', 'DetractorFollowUpOpened'],
    ]);
    const second = await post('/survey-invitations/q1.1/answer', answer, people.rep);
    expect([second.status, second.body.code]).toEqual([409, 'CUSTOMER_SURVEY_ALREADY_ANSWERED']);
    const unknown = await post('/survey-invitations/q1.9/answer', answer, people.rep);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'CAMPAIGN_INVITATION_NOT_FOUND']);
    const late = await api.at('2026-04-02T08:00:00.000Z', () =>
      post('/survey-invitations/q1.2/answer', answer, westRep),
    );
    expect([late.status, late.body.code]).toEqual([409, 'CAMPAIGN_NOT_OPEN']);
    await caughtUp();
    // Responded on 2026-03-01: the satisfaction report counts it like any survey answer (a detractor, not satisfied).
    const report = await api.call('GET', '/reports/satisfaction?from=2026-03&to=2026-03&groupBy=rep', {
      actor: people.manager,
      headers: { 'x-min-position': String(await api.store.headPosition()) },
    });
    expect(JSON.stringify(report.body.rows)).toContain('rep-1');
    expect(report.body.rows).toMatchObject([
      { responses: 1, csat: { n: 1, satisfied: 0 }, nps: { n: 1, detractors: 1 } },
    ]);
  });
});
