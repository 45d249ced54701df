import { customerBody } from '../testing/fixtures.js';
import { actor, startTestApi, type TestApi } from '../testing/test-app.js';

// Price lists over HTTP: who may set which list (a regional manager their region's only, uniformly 403 otherwise),
// and which lists each role reads.
const analyst = actor('an-1', 'market_analyst');
const sm = actor('sm-1', 'sales_manager');
const rmEast = actor('rm-east', 'regional_manager', 'east');
const rmWest = actor('rm-west', 'regional_manager', 'west');
const rep1 = actor('rep-1', 'sales_rep', 'east');
const rep3 = actor('rep-3', 'sales_rep', 'west');
const finance = actor('fin-1', 'finance');

let api: TestApi;
const post = (path: string, body: unknown, who = analyst) => api.call('POST', path, { actor: who, body });
const must = async (path: string, body: unknown, who = analyst): Promise<void> => {
  const response = await post(path, body, who);
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
};
const list = async (who: typeof sm, query = '') =>
  (
    await api.call('GET', `/price-lists${query}`, {
      actor: who,
      headers: { 'x-min-position': String(await api.store.headPosition()) },
    })
  ).body.rows.map((row: { price_list_id: string }) => row.price_list_id);

beforeAll(async () => {
  api = await startTestApi();
  await must('/customers', { ...customerBody('c-1'), region: 'east', ownerRepId: 'rep-1' }, sm);
  await must('/customers', { ...customerBody('c-3'), region: 'west', ownerRepId: 'rep-3' }, sm);
  await must('/price-lists', {
    priceListId: 'pl-std',
    name: 'Standard',
    currency: 'CNY',
    audience: { level: 'default' },
    validFrom: '2026-01-01',
  });
  await must('/price-lists/pl-std/prices', {
    prices: [
      { sku: 'M-100', unitPrice: 150_000, breaks: [{ minQuantity: 10, unitPrice: 140_000 }] },
      { sku: 'G-7', unitPrice: 41_000 },
    ],
  });
  await must(
    '/price-lists',
    {
      priceListId: 'pl-east',
      name: 'East',
      currency: 'CNY',
      audience: { level: 'region', region: 'east' },
      validFrom: '2026-01-01',
    },
    rmEast,
  );
  await must(
    '/price-lists',
    {
      priceListId: 'pl-west',
      name: 'West',
      currency: 'CNY',
      audience: { level: 'region', region: 'west' },
      validFrom: '2026-01-01',
    },
    sm,
  );
  await must('/price-lists', {
    priceListId: 'pl-c1',
    name: 'Key account c-1',
    currency: 'CNY',
    audience: { level: 'customer', customerId: 'c-1' },
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
  });
  await must('/price-lists', {
    priceListId: 'pl-c3',
    name: 'Key account c-3',
    currency: 'CNY',
    audience: { level: 'customer', customerId: 'c-3' },
    validFrom: '2026-01-01',
  });
  await must('/price-lists', {
    priceListId: 'pl-smb',
    name: 'SMB',
    currency: 'CNY',
    audience: { level: 'segment', segment: 'smb' },
    validFrom: '2026-04-01',
  });
}, 60_000);
afterAll(() => api.close());

describe('price lists', () => {
  it('lets a regional manager set prices on their region only: another region or a company list is 403 FORBIDDEN_SCOPE, whether it exists or not', async () => {
    expect(
      (await post('/price-lists/pl-east/prices', { prices: [{ sku: 'M-100', unitPrice: 145_000 }] }, rmEast)).status,
    ).toBe(201);
    for (const id of ['pl-west', 'pl-std', 'pl-c1', 'pl-nowhere']) {
      const refused = await post(`/price-lists/${id}/prices`, { prices: [{ sku: 'M-100', unitPrice: 1 }] }, rmEast);
      expect([id, refused.status, refused.body.code, refused.body.details]).toEqual([
        id,
        403,
        'FORBIDDEN_SCOPE',
        undefined,
      ]);
    }
    const west = await post(
      '/price-lists',
      {
        priceListId: 'pl-w2',
        name: 'x',
        currency: 'CNY',
        audience: { level: 'region', region: 'west' },
        validFrom: '2026-01-01',
      },
      rmEast,
    );
    expect(west.status).toBe(403);
  });

  it('is not for reps or finance (the role matrix), and a missing list is 404 for those with the whole scope', async () => {
    expect(
      (await post('/price-lists/pl-east/prices', { prices: [{ sku: 'M-100', unitPrice: 1 }] }, rep1)).body.code,
    ).toBe('ROLE_NOT_ALLOWED');
    expect(
      (
        await post(
          '/price-lists',
          { priceListId: 'pl-f', name: 'x', currency: 'CNY', audience: { level: 'default' }, validFrom: '2026-01-01' },
          finance,
        )
      ).status,
    ).toBe(403);
    const missing = await post('/price-lists/pl-nowhere/end', { validTo: '2026-06-30' }, sm);
    expect([missing.status, missing.body.code]).toEqual([404, 'PRICELIST_NOT_FOUND']);
  });

  it('refuses bad input and impossible validity with nothing written', async () => {
    const before = await api.store.headPosition();
    const backwards = await post('/price-lists', {
      priceListId: 'pl-x',
      name: 'x',
      currency: 'CNY',
      audience: { level: 'default' },
      validFrom: '2026-05-01',
      validTo: '2026-04-01',
    });
    expect([backwards.status, backwards.body.code]).toEqual([400, 'INVALID_INPUT']);
    const audience = await post('/price-lists', {
      priceListId: 'pl-x',
      name: 'x',
      currency: 'CNY',
      audience: { level: 'planet' },
      validFrom: '2026-05-01',
    });
    expect(audience.status).toBe(400);
    const twice = await post('/price-lists/pl-std/prices', {
      prices: [
        { sku: 'A', unitPrice: 1 },
        { sku: 'A', unitPrice: 2 },
      ],
    });
    expect(twice.status).toBe(400);
    const early = await post('/price-lists/pl-c1/end', { validTo: '2025-12-31' }, sm);
    expect([early.status, early.body.code]).toEqual([409, 'PRICELIST_END_OUT_OF_RANGE']);
    const later = await post('/price-lists/pl-c1/end', { validTo: '2027-01-31' }, sm);
    expect([later.status, later.body.code]).toEqual([409, 'PRICELIST_ENDED']);
    expect(await api.store.headPosition()).toBe(before);
  });

  it('shows each role the lists in its scope', async () => {
    expect(await list(sm)).toEqual(['pl-c1', 'pl-c3', 'pl-east', 'pl-smb', 'pl-std', 'pl-west']);
    expect(await list(analyst, '?currency=CNY&on=2026-03-01')).toEqual([
      'pl-c1',
      'pl-c3',
      'pl-east',
      'pl-std',
      'pl-west',
    ]);
    expect(await list(rmEast)).toEqual(['pl-c1', 'pl-east', 'pl-smb', 'pl-std']);
    expect(await list(rmWest)).toEqual(['pl-c3', 'pl-smb', 'pl-std', 'pl-west']);
    expect(await list(rep1)).toEqual(['pl-c1', 'pl-east', 'pl-smb', 'pl-std']);
    expect(await list(rep3)).toEqual(['pl-c3', 'pl-smb', 'pl-std', 'pl-west']);
    const std = (await api.call('GET', '/price-lists?on=2026-03-01', { actor: sm })).body.rows.find(
      (row: { price_list_id: string }) => row.price_list_id === 'pl-std',
    );
    expect(std).toEqual({
      price_list_id: 'pl-std',
      name: 'Standard',
      currency: 'CNY',
      level: 'default',
      audience_id: '',
      valid_from: '2026-01-01',
      valid_to: null,
      skus: 2,
    });
  });
});
