import { customerBody, people } from '../testing/fixtures.js';
import { actor, startTestApi, type TestApi } from '../testing/test-app.js';
import { MarginsQuery, marginsReport } from './margins.report.js';

// The margin report over HTTP, hand-computed: W-1 costs 600 and W-2 150 (CNY, from 1 January). o-1 (rep-1, east):
// 10 x W-1 at 1000 = 10000 and 4 x W-2 at 200 less 5% = 760; o-2 (rep-3, west): 5 x W-1 at 900 = 4500.
let api: TestApi;
const rep3 = actor('rep-3', 'sales_rep', 'west');
const must = async (path: string, body: unknown, who = people.analyst): Promise<void> => {
  const response = await api.call('POST', path, { actor: who, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
};
const line = (lineId: string, sku: string, quantity: number, unitPrice: number, discountBp = 0) => ({
  lineId,
  sku,
  description: sku,
  quantity,
  unitPrice,
  discountBp,
});
const order = (orderId: string, customerId: string, repId: string, lines: object[]) => ({
  orderId,
  customerId,
  repId,
  currency: 'CNY',
  lines,
  promisedDeliveryDate: '2026-03-20',
  paymentTerms: { kind: 'net', days: 30 },
});
const margins = async (query: string, who = people.manager) =>
  api.call('GET', `/reports/margins?from=2026-03&to=2026-03&${query}`, {
    actor: who,
    headers: { 'x-min-position': String(await api.store.headPosition()) },
  });
const rows = async (query: string, who = people.manager) => {
  const answer = await margins(query, who);
  expect(marginsReport.route.response?.safeParse(answer.body).success).toBe(true);
  return (
    answer.body.rows as {
      key: string;
      quantity: number;
      net_sales: number;
      cost: number;
      margin: number;
      margin_pct: number | null;
    }[]
  ).map((r) => [r.key, r.quantity, r.net_sales, r.cost, r.margin, r.margin_pct]);
};

beforeAll(async () => {
  api = await startTestApi();
  await must('/products', { sku: 'W-1', name: 'Widget', category: 'motors', unit: 'pcs' });
  await must('/products', { sku: 'W-2', name: 'Gadget', category: 'pumps', unit: 'pcs' });
  await must('/products/W-1/standard-costs', { currency: 'CNY', amount: 600, effectiveFrom: '2026-01-01' });
  await must('/products/W-2/standard-costs', { currency: 'CNY', amount: 150, effectiveFrom: '2026-01-01' });
  await must('/customers', customerBody('c-1'), people.manager);
  await must('/customers', { ...customerBody('c-3'), region: 'west', ownerRepId: 'rep-3' }, people.manager);
  await must(
    '/orders',
    order('o-1', 'c-1', 'rep-1', [line('l1', 'W-1', 10, 1_000), line('l2', 'W-2', 4, 200, 500)]),
    people.rep,
  );
  await must('/orders/o-1/confirmation', {}, people.rep);
  await must('/orders', order('o-2', 'c-3', 'rep-3', [line('l1', 'W-1', 5, 900)]), rep3);
  await must('/orders/o-2/confirmation', {}, rep3);
}, 60_000);
afterAll(() => api.close());

describe('GET /reports/margins', () => {
  it('gives net sales less the standard cost on the order date per product and category', async () => {
    // W-1: 14500 - 15 x 600 = 5500 (37.93%); W-2: 760 - 4 x 150 = 160 (21.05%).
    const byProduct = [
      [15, 14_500, 9_000, 5_500, 0.3793],
      [4, 760, 600, 160, 0.2105],
    ];
    expect(await rows('groupBy=product')).toEqual([
      ['W-1', ...byProduct[0]!],
      ['W-2', ...byProduct[1]!],
    ]);
    expect(await rows('groupBy=category')).toEqual([
      ['motors', ...byProduct[0]!],
      ['pumps', ...byProduct[1]!],
    ]);
  });

  it('groups by rep, region and customer', async () => {
    // rep-1: 10760 - 6600 = 4160 (38.66%); rep-3: 4500 - 3000 = 1500 (33.33%).
    expect(await rows('groupBy=rep')).toEqual([
      ['rep-1', 14, 10_760, 6_600, 4_160, 0.3866],
      ['rep-3', 5, 4_500, 3_000, 1_500, 0.3333],
    ]);
    expect((await rows('groupBy=region')).map((r) => [r[0], r[4]])).toEqual([
      ['east', 4_160],
      ['west', 1_500],
    ]);
    expect((await rows('groupBy=customer')).map((r) => [r[0], r[4]])).toEqual([
      ['c-1', 4_160],
      ['c-3', 1_500],
    ]);
  });

  it('is scoped by role: a rep their own orders, a regional manager their region, analysts and managers everything', async () => {
    const reps = async (who: typeof people.rep) => (await rows('groupBy=rep', who)).map((r) => r[0]);
    expect(await reps(people.rep)).toEqual(['rep-1']);
    expect(await reps(rep3)).toEqual(['rep-3']);
    expect(await reps(people.eastManager)).toEqual(['rep-1']);
    expect(await reps(people.analyst)).toEqual(['rep-1', 'rep-3']);
    expect(await reps(people.auditor)).toEqual(['rep-1', 'rep-3']);
    const foreign = await margins('groupBy=rep&rep=rep-3', people.rep);
    expect([foreign.status, foreign.body.code]).toEqual([403, 'FILTER_NOT_AUTHORIZED']);
    const finance = await margins('groupBy=rep', people.finance);
    expect([finance.status, finance.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
  });

  it('refuses a bad query with 400, in English and Chinese', async () => {
    expect(MarginsQuery.safeParse({ from: '2026-03', to: '2026-02', groupBy: 'rep' }).success).toBe(false);
    const en = await api.call('GET', '/reports/margins?from=2026-03&to=2026-03&groupBy=colour', {
      actor: people.manager,
      headers: { 'accept-language': 'en' },
    });
    const zh = await api.call('GET', '/reports/margins?from=2026-03&to=2026-03&groupBy=colour', {
      actor: people.manager,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect([en.status, en.body.code, zh.status, zh.body.code]).toEqual([400, 'INVALID_INPUT', 400, 'INVALID_INPUT']);
    expect(zh.body.message).not.toBe(en.body.message);
  });
});
