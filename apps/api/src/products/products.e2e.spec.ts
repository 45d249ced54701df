import { actor, startTestApi, type TestApi } from '../testing/test-app.js';

// The product catalogue over HTTP: who may keep it, what the list shows to whom, and that bad input never writes.
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

const post = (path: string, body: unknown, who = analyst) => api.call('POST', path, { actor: who, body });
const list = async (query: string, who = sm) =>
  api.call('GET', `/products?${query}`, {
    actor: who,
    headers: { 'x-min-position': String(await api.store.headPosition()) },
  });

describe('product catalogue', () => {
  it('registers products, sets dated standard costs and lists them with the cost in force', async () => {
    expect((await post('/products', { sku: 'M-100', name: '三相电机 3kW', category: '电机', unit: '台' })).status).toBe(
      201,
    );
    expect((await post('/products', { sku: 'G-7', name: 'gearbox', category: 'parts', unit: 'pcs' }, sm)).status).toBe(
      201,
    );
    expect(
      (await post('/products/M-100/standard-costs', { currency: 'CNY', amount: 120_000, effectiveFrom: '2026-01-01' }))
        .status,
    ).toBe(201);
    expect(
      (await post('/products/M-100/standard-costs', { currency: 'CNY', amount: 130_000, effectiveFrom: '2026-06-01' }))
        .status,
    ).toBe(201);
    expect((await post('/products/G-7/deactivation', {})).status).toBe(201);

    const march = await list('currency=CNY&asOf=2026-03-01');
    expect(march.status).toBe(200);
    expect(march.body).toMatchObject({ asOf: '2026-03-01', currency: 'CNY' });
    expect(
      march.body.rows.map((r: { sku: string; status: string; standard_cost: number | null }) => [
        r.sku,
        r.status,
        r.standard_cost,
      ]),
    ).toEqual([
      ['G-7', 'inactive', null],
      ['M-100', 'active', 120_000],
    ]);
    const june = await list('currency=CNY&asOf=2026-06-01&status=active');
    expect(june.body.rows).toEqual([
      {
        sku: 'M-100',
        name: '三相电机 3kW',
        category: '电机',
        unit: '台',
        status: 'active',
        registered_at: expect.any(String),
        currency: 'CNY',
        standard_cost: 130_000,
        cost_effective_from: '2026-06-01',
      },
    ]);
  });

  it('shows reps the catalogue without costs', async () => {
    const seen = await list('currency=CNY&asOf=2026-03-01&status=active', rep);
    expect(seen.status).toBe(200);
    expect(
      seen.body.rows.map((r: { sku: string; standard_cost: number | null; cost_effective_from: string | null }) => [
        r.sku,
        r.standard_cost,
        r.cost_effective_from,
      ]),
    ).toEqual([['M-100', null, null]]);
  });

  it('is kept by the sales manager and analysts only: others get 403 before anything is read', async () => {
    for (const who of [rmEast, rep, finance]) {
      const refused = await post(
        '/products/M-100/standard-costs',
        { currency: 'CNY', amount: 1, effectiveFrom: '2026-01-01' },
        who,
      );
      expect([who.role, refused.status]).toEqual([who.role, 403]);
    }
    const unregistered = await post('/products', { sku: 'X-1', name: 'x', category: 'c', unit: 'pcs' }, leftAnalyst);
    expect([unregistered.status, unregistered.body.code]).toEqual([403, 'ACTOR_NOT_REGISTERED']);
  });

  it('answers 404 for an unknown sku, 409 for a sku taken by another product, 400 for bad input, and writes nothing', async () => {
    const before = await api.store.headPosition();
    const missing = await post('/products/NOPE/revisions', { name: 'x' });
    expect([missing.status, missing.body.code]).toEqual([404, 'PRODUCT_NOT_FOUND']);
    const taken = await post('/products', { sku: 'M-100', name: 'another motor', category: '电机', unit: '台' });
    expect([taken.status, taken.body.code]).toEqual([409, 'PRODUCT_ALREADY_REGISTERED']);
    const bad = await post('/products/M-100/standard-costs', {
      currency: 'CNY',
      amount: 1.5,
      effectiveFrom: '2026-13-01',
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'INVALID_INPUT']);
    const empty = await post('/products/M-100/revisions', {});
    expect(empty.status).toBe(400);
    expect(await api.store.headPosition()).toBe(before);
    const noCurrency = await api.call('GET', '/products', { actor: sm });
    expect(noCurrency.status).toBe(400);
  });

  it('answers in Chinese when asked', async () => {
    const refused = await api.call('POST', '/products/NOPE/revisions', {
      actor: analyst,
      body: { name: 'x' },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(refused.body.message).toBe('产品目录中没有该产品');
  });
});
