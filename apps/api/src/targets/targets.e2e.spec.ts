import { people } from '../testing/fixtures.js';
import { actor, startTestApi, type TestApi } from '../testing/test-app.js';

// Targets of quarters and years, of booked sales, collected sales and new customers, over HTTP per role. The API's
// clock is 2026-03-01.
let api: TestApi;
const westManager = actor('rm-west', 'regional_manager', 'west');
const post = (body: object, who = people.manager) => api.call('POST', '/targets', { actor: who, body });
const repTarget = { scope: 'rep', scopeId: 'rep-1', region: 'east', currency: 'CNY' };
const stored = async (stream: string) => (await api.store.readStream(stream)).map((event) => [event.type, event.data]);

beforeAll(async () => {
  api = await startTestApi();
}, 60_000);
afterAll(() => api.close());

describe('POST /targets with a period and a measure', () => {
  it('sets a region quarter target of collected sales (sales manager) on its own stream', async () => {
    const body = {
      period: '2026-Q2',
      measure: 'collected',
      scope: 'region',
      scopeId: 'east',
      amount: 900_000,
      currency: 'CNY',
    };
    expect((await post(body)).status).toBe(201);
    expect(await stored('target-2026-Q2-collected-region-east')).toEqual([
      ['SalesTargetSet', { ...body, region: 'east', setBy: 'sm-1', setAt: '2026-03-01T08:00:00.000Z' }],
    ]);
  });

  it('lets a regional manager set a year target of new customers for a rep of their region, and revise it', async () => {
    const key = { period: '2026', measure: 'newCustomers', scope: 'rep', scopeId: 'rep-1' };
    expect((await post({ ...repTarget, ...key, amount: 12 }, people.eastManager)).status).toBe(201);
    const revised = await api.call('POST', '/targets/revisions', {
      actor: people.eastManager,
      body: { ...key, amount: 15, reason: 'two new districts' },
    });
    expect(revised.status).toBe(201);
    expect(
      (await stored('target-2026-newCustomers-rep-rep-1')).map(([type, data]) => [
        type,
        (data as { amount: number }).amount,
      ]),
    ).toEqual([
      ['SalesTargetSet', 12],
      ['SalesTargetRevised', 15],
    ]);
  });

  it('keeps month targets as they were: `month` still names a booked target of the month', async () => {
    expect((await post({ ...repTarget, month: '2026-04', amount: 5_000 })).status).toBe(201);
    expect((await post({ ...repTarget, period: '2026-04', amount: 5_000 })).status).toBe(201);
    expect((await stored('target-2026-04-rep-rep-1')).length).toBe(1);
  });

  it('refuses other roles and regions, and a bad period', async () => {
    const body = { ...repTarget, period: '2026-Q3', measure: 'booked', amount: 1_000 };
    const refused = async (who: typeof people.rep, extra: object = {}) => {
      const answer = await post({ ...body, ...extra }, who);
      return [answer.status, answer.body.code];
    };
    expect(await refused(people.rep)).toEqual([403, 'ROLE_NOT_ALLOWED']);
    expect(await refused(westManager)).toEqual([403, 'FORBIDDEN_SCOPE']);
    expect(await refused(people.manager, { period: '2026-Q5' })).toEqual([400, 'INVALID_INPUT']);
    expect(await refused(people.manager, { month: '2026-07' })).toEqual([400, 'INVALID_INPUT']);
    expect(await refused(people.manager, { measure: 'margin' })).toEqual([400, 'INVALID_INPUT']);
    expect(await api.store.streamExists('target-2026-Q3-rep-rep-1')).toBe(false);
  });
});
