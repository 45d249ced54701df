import { customerBody, orderBody, people } from '../testing/fixtures.js';
import { actor, startTestApi, type TestApi } from '../testing/test-app.js';
import { competitorPricesReport, marketShareReport } from './market.report.js';

// Market share and competitor prices over real HTTP, per role, hand-computed. Two orders of orderBody's lines
// (10 x 1,000 + 5 x 2,000 less 5% = 19,500) are confirmed on 1 March: o-1 for c-east (east, smb, rep-1), o-2 for
// c-west (west, enterprise, rep-3). East/smb's market is estimated per month (65,000 each), west/enterprise's per
// quarter (390,000). W-1 (motors) lists at 1,000 on the default list.
let api: TestApi;
const rep3 = actor('rep-3', 'sales_rep', 'west');
const rmWest = actor('rm-west', 'regional_manager', 'west');
const must = async (path: string, body: unknown, who = people.analyst): Promise<void> => {
  const response = await api.call('POST', path, { actor: who, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
};
const get = async (path: string, who = people.manager) =>
  api.call('GET', path, { actor: who, headers: { 'x-min-position': String(await api.store.headPosition()) } });
const estimate = (region: string, segment: string, period: string, amount: number) =>
  must('/market/estimates', { region, segment, period, currency: 'CNY', amount, source: 'association figures' });
const observe = (observationId: string, competitor: string, target: object, price: number, observedOn: string) =>
  must('/market/competitor-prices', {
    ...{ observationId, competitor, ...target, currency: 'CNY', price, unit: 'pcs', observedOn, source: 'web' },
  });

beforeAll(async () => {
  api = await startTestApi();
  await must('/customers', customerBody('c-east'), people.rep);
  await must(
    '/customers',
    { ...customerBody('c-west'), region: 'west', segment: 'enterprise', ownerRepId: 'rep-3' },
    rep3,
  );
  await must('/orders', orderBody('o-1', 'c-east'), people.rep);
  await must('/orders/o-1/confirmation', {}, people.rep);
  await must('/orders', orderBody('o-2', 'c-west', { repId: 'rep-3' }), rep3);
  await must('/orders/o-2/confirmation', {}, rep3);
  for (const month of ['2026-01', '2026-02', '2026-03']) await estimate('east', 'smb', month, 65_000);
  await estimate('west', 'enterprise', '2026-Q1', 390_000);
  await must('/products', { sku: 'W-1', name: 'Widget', category: 'motors', unit: 'pcs' });
  await must('/price-lists', {
    ...{ priceListId: 'pl-std', name: 'Standard', currency: 'CNY', audience: { level: 'default' } },
    validFrom: '2026-01-01',
  });
  await must('/price-lists/pl-std/prices', { prices: [{ sku: 'W-1', unitPrice: 1_000 }] });
  await observe('obs-1', 'Acme', { sku: 'W-1' }, 800, '2026-02-20');
  await observe('obs-2', 'Acme', { sku: 'W-1' }, 1_250, '2026-02-27');
  await observe('obs-3', 'Bolt', { category: 'motors' }, 900, '2026-02-25');
}, 60_000);
afterAll(() => api.close());

type Share = { key: string; booked: number; market: number | null; share: number | null; missing: string[] };
const shares = async (query: string, who = people.manager) => {
  const answer = await get(`/reports/market-share?${query}`, who);
  expect([answer.status, marketShareReport.route.response?.safeParse(answer.body).success]).toEqual([200, true]);
  return (answer.body.rows as Share[]).map((r) => [r.key, r.booked, r.market, r.share, r.missing]);
};

describe('GET /reports/market-share', () => {
  it('sets the booked sales of a quarter against its estimate, months summed where the quarter has none', async () => {
    expect(await shares('period=2026-Q1&groupBy=region')).toEqual([
      ['east', 19_500, 195_000, 0.1, []],
      ['west', 19_500, 390_000, 0.05, []],
    ]);
  });
  it('shows a month without an estimate as null, not 0', async () => {
    expect(await shares('period=2026-03&groupBy=segment', people.analyst)).toEqual([
      ['enterprise', 19_500, null, null, ['west/enterprise']],
      ['smb', 19_500, 65_000, 0.3, []],
    ]);
  });
  it('holds a regional manager to their region, refuses another, and is not for reps or finance', async () => {
    expect(await shares('period=2026-Q1&groupBy=segment', people.eastManager)).toEqual([
      ['smb', 19_500, 195_000, 0.1, []],
    ]);
    expect(await shares('period=2026-Q1&groupBy=region', rmWest)).toEqual([['west', 19_500, 390_000, 0.05, []]]);
    expect(await shares('period=2026-Q1&groupBy=region&region=west', people.auditor)).toEqual([
      ['west', 19_500, 390_000, 0.05, []],
    ]);
    const foreign = await get('/reports/market-share?period=2026-Q1&groupBy=region&region=west', people.eastManager);
    expect([foreign.status, foreign.body.code]).toEqual([403, 'FILTER_NOT_AUTHORIZED']);
    for (const who of [people.rep, people.finance]) {
      const refused = await get('/reports/market-share?period=2026-Q1&groupBy=region', who);
      expect([who.role, refused.status, refused.body.code]).toEqual([who.role, 403, 'ROLE_NOT_ALLOWED']);
    }
  });
  it('refuses a bad period or grouping with 400', async () => {
    for (const query of ['period=2026-Q5&groupBy=region', 'period=2026-03&groupBy=rep', 'groupBy=region'])
      expect((await get(`/reports/market-share?${query}`)).status).toBe(400);
  });
});

describe('GET /reports/competitor-prices', () => {
  const prices = async (query: string, who = people.manager) => {
    const answer = await get(`/reports/competitor-prices?${query}`, who);
    expect([answer.status, competitorPricesReport.route.response?.safeParse(answer.body).success]).toEqual([200, true]);
    return answer.body;
  };
  it('gives the latest, lowest and highest price per competitor and product beside our list price, and the position', async () => {
    const answer = await prices('from=2026-02&to=2026-02');
    expect(
      answer.rows.map((r: Record<string, unknown>) => [
        ...[r['competitor'], r['sku'], r['category'], r['observations'], r['latest'], r['min'], r['max']],
        ...[r['our_list_price'], r['position']],
      ]),
    ).toEqual([
      // 1,000 / 1,250
      ['Acme', 'W-1', 'motors', 2, 1_250, 800, 1_250, 1_000, 0.8],
      // the mean of our motors' list prices (1,000) / 900
      ['Bolt', null, 'motors', 1, 900, 900, 900, 1_000, 1.1111],
    ]);
    // (0.8 + 1.1111) / 2
    expect(answer.categories).toEqual([{ category: 'motors', currency: 'CNY', rows: 2, position: 0.9556 }]);
  });
  it('filters by sku and by date, and is read alike by every report reader, reps included', async () => {
    const acme = await prices('from=2026-02-21&to=2026-02-28&sku=W-1', people.rep);
    expect(acme.rows.map((r: { observations: number; min: number }) => [r.observations, r.min])).toEqual([[1, 1_250]]);
    for (const who of [people.eastManager, people.analyst, people.auditor, rep3])
      expect((await prices('from=2026-02&to=2026-02', who)).rows).toHaveLength(2);
    const refused = await get('/reports/competitor-prices?from=2026-02&to=2026-02', people.finance);
    expect(refused.status).toBe(403);
    expect((await get('/reports/competitor-prices?from=2026-02&to=2026-02&sku=W-1&category=motors')).status).toBe(400);
  });
});
