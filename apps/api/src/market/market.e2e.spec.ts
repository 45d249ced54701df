import { actor, startTestApi, type TestApi } from '../testing/test-app.js';

// Market research over HTTP: who may record estimates and competitor prices, supersession, refusals in both
// languages, and that bad input never writes. The API's clock is 2026-03-01 08:00 UTC.
const analyst = actor('an-1', 'market_analyst');
const sm = actor('sm-1', 'sales_manager');
const rmEast = actor('rm-east', 'regional_manager', 'east');
const rep = actor('rep-1', 'sales_rep', 'east');
const finance = actor('fin-1', 'finance');
const leftAnalyst = actor('an-9', 'market_analyst');

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const post = (path: string, body: unknown, who = analyst, headers: Record<string, string> = {}) =>
  api.call('POST', path, { actor: who, body, headers });
const estimate = (extra: Record<string, unknown> = {}) => ({
  region: 'east',
  segment: 'smb',
  period: '2026-Q1',
  currency: 'CNY',
  amount: 50_000_000,
  range: { low: 40_000_000, high: 60_000_000 },
  source: '行业协会 2025 年报',
  ...extra,
});
const observation = (extra: Record<string, unknown> = {}) => ({
  observationId: 'obs-1',
  competitor: '华力电机',
  sku: 'M-100',
  currency: 'CNY',
  price: 145_000,
  unit: '台',
  observedOn: '2026-02-27',
  source: 'visit',
  ...extra,
});
const stream = async (name: string) => (await api.store.readStream(name)).map((e) => [e.type, e.data]);

describe('market size estimates', () => {
  it('records an estimate, keeps it when sent again, and keeps both when a later one supersedes it', async () => {
    expect((await post('/market/estimates', estimate())).status).toBe(201);
    expect((await post('/market/estimates', estimate())).status).toBe(201);
    expect((await post('/market/estimates', estimate({ amount: 55_000_000, range: undefined }), sm)).status).toBe(201);
    const events = await stream('market-east-smb');
    expect(events.map(([, data]) => data)).toEqual([
      expect.objectContaining({ amount: 50_000_000, low: 40_000_000, previousAmount: null, estimatedBy: 'an-1' }),
      expect.objectContaining({ amount: 55_000_000, low: null, previousAmount: 50_000_000, estimatedBy: 'sm-1' }),
    ]);
  });
  it('is refused to regional managers, reps and finance before anything is read, and to someone off the register', async () => {
    for (const who of [rmEast, rep, finance]) {
      const refused = await post('/market/estimates', estimate(), who);
      expect([who.role, refused.status, refused.body.code]).toEqual([who.role, 403, 'ROLE_NOT_ALLOWED']);
    }
    const off = await post('/market/estimates', estimate(), leftAnalyst);
    expect([off.status, off.body.code]).toEqual([403, 'ACTOR_NOT_REGISTERED']);
  });
  it('refuses a range without the estimate (409, in Chinese when asked) and bad input (400), writing nothing', async () => {
    const before = await api.store.headPosition();
    const outside = await post('/market/estimates', estimate({ range: { low: 1, high: 2 } }), analyst, {
      'accept-language': 'zh-CN',
    });
    expect([outside.status, outside.body.code]).toEqual([409, 'MARKET_RANGE_EXCLUDES_ESTIMATE']);
    expect(outside.body.message).toBe('置信区间 1–2 须包含估算值 50,000,000');
    for (const bad of [
      estimate({ period: '2026-Q5' }),
      estimate({ segment: 'galactic' }),
      estimate({ amount: 0 }),
      estimate({ amount: 1.5 }),
      estimate({ currency: 'XXX' }),
      estimate({ source: '' }),
      { ...estimate(), extra: 1 },
    ]) {
      expect((await post('/market/estimates', bad)).status).toBe(400);
    }
    expect(await api.store.headPosition()).toBe(before);
  });
});

describe('competitor prices', () => {
  it('records an observation for a sku or a category, once per id', async () => {
    expect((await post('/market/competitor-prices', observation())).status).toBe(201);
    expect((await post('/market/competitor-prices', observation())).status).toBe(201);
    const byCategory = observation({ observationId: 'obs-2', sku: undefined, category: '电机', source: 'tender' });
    expect((await post('/market/competitor-prices', byCategory, sm)).status).toBe(201);
    expect(await stream('competitor-obs-1')).toEqual([
      ['CompetitorPriceObserved', expect.objectContaining({ sku: 'M-100', category: null, recordedBy: 'an-1' })],
    ]);
    expect(await stream('competitor-obs-2')).toEqual([
      ['CompetitorPriceObserved', expect.objectContaining({ sku: null, category: '电机', recordedBy: 'sm-1' })],
    ]);
  });
  it('refuses other facts under a taken id (409), a future date (409), bad input (400), and other roles (403)', async () => {
    const before = await api.store.headPosition();
    const taken = await post('/market/competitor-prices', observation({ price: 1 }));
    expect([taken.status, taken.body.code]).toEqual([409, 'COMPETITOR_OBSERVATION_TAKEN']);
    const future = await post(
      '/market/competitor-prices',
      observation({ observationId: 'obs-3', observedOn: '2026-03-05' }),
    );
    expect([future.status, future.body.code]).toEqual([409, 'COMPETITOR_OBSERVED_IN_FUTURE']);
    for (const bad of [
      observation({ observationId: 'obs-4', category: '电机' }),
      observation({ observationId: 'obs-4', source: 'rumour' }),
      observation({ observationId: 'obs-4', price: -5 }),
      observation({ observationId: 'has space' }),
    ]) {
      expect((await post('/market/competitor-prices', bad)).status).toBe(400);
    }
    for (const who of [rmEast, rep, finance]) {
      expect((await post('/market/competitor-prices', observation({ observationId: 'obs-5' }), who)).status).toBe(403);
    }
    expect(await api.store.headPosition()).toBe(before);
  });
});
