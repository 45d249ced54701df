import { customerBody, people } from '../testing/fixtures.js';
import { actor, startTestApi, type TestApi } from '../testing/test-app.js';
import { PriceRealisationQuery, priceRealisationReport } from './price-realisation.report.js';
import { promotionEffectReport } from './promotion-effect.report.js';

// Price realisation and promotion effect over HTTP, hand-computed. W-1 (motors) lists at 1000 and costs 600, W-2
// (pumps) at 200 and 150; `spring` takes 10% off W-1 from 11 to 20 March, so its baseline is 1 to 10 March.
//   o-0 (rep-1, 10 February): 8 x W-1 at list 1000, the only whole month of history before spring.
//   o-1 (rep-1, 5 March): 4 x W-1 at list 1000; 10 x W-2 typed at 180 (list 200); 1 x W-9 typed at 500, no list.
//   o-2 (rep-1, 12 March): 10 x W-1 at the promoted 900 (spring gives 1000).
//   o-3 (rep-3, west, 15 March): 5 x W-1 typed at 850: spring gives what 900 passes on (500), the rep the other 250.
let api: TestApi;
const rep3 = actor('rep-3', 'sales_rep', 'west');
const must = async (path: string, body: unknown, who = people.analyst): Promise<void> => {
  const response = await api.call('POST', path, { actor: who, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
};
const fresh = async () => ({ 'x-min-position': String(await api.store.headPosition()) });
const line = (lineId: string, sku: string, quantity: number, unitPrice?: number) => ({
  lineId,
  sku,
  description: sku,
  quantity,
  discountBp: 0,
  ...(unitPrice === undefined ? {} : { unitPrice }),
});
const order = (orderId: string, customerId: string, repId: string, lines: object[]) => ({
  orderId,
  customerId,
  repId,
  currency: 'CNY',
  lines,
  promisedDeliveryDate: '2026-04-20',
  paymentTerms: { kind: 'net', days: 30 },
});
/** Places and confirms an order on `day` (`MM-DD`) of 2026 (10:00 in Shanghai), once the pricing read models have caught up. */
const booked = async (day: string, body: ReturnType<typeof order>, who: typeof people.rep) => {
  await api.call('GET', '/promotions', { actor: people.manager, headers: await fresh() });
  await api.at(`2026-${day}T02:00:00.000Z`, async () => {
    await must('/orders', body, who);
    await must(`/orders/${body.orderId}/confirmation`, {}, who);
  });
};
const realisation = async (query: string, who = people.manager) =>
  api.call('GET', `/reports/price-realisation?from=2026-03&to=2026-03&${query}`, {
    actor: who,
    headers: await fresh(),
  });
type Realised = {
  key: string;
  quantity: number;
  list_sales: number;
  net_sales: number;
  discount: number;
  promotion_discount: number;
  other_discount: number;
  realisation: number | null;
  unlisted_sales: number;
};
const realised = async (query: string, who = people.manager) => {
  const answer = await realisation(query, who);
  expect(priceRealisationReport.route.response?.safeParse(answer.body).success).toBe(true);
  return (answer.body.rows as Realised[]).map((r) => [
    r.key,
    r.quantity,
    r.list_sales,
    r.net_sales,
    r.discount,
    r.promotion_discount,
    r.other_discount,
    r.realisation,
    r.unlisted_sales,
  ]);
};
const effect = async (promotionId: string, who = people.manager) =>
  api.call('GET', `/reports/promotions/${promotionId}/effectiveness`, { actor: who, headers: await fresh() });

beforeAll(async () => {
  api = await startTestApi();
  await must('/products', { sku: 'W-1', name: 'Widget', category: 'motors', unit: 'pcs' });
  await must('/products', { sku: 'W-2', name: 'Gadget', category: 'pumps', unit: 'pcs' });
  await must('/products/W-1/standard-costs', { currency: 'CNY', amount: 600, effectiveFrom: '2026-01-01' });
  await must('/products/W-2/standard-costs', { currency: 'CNY', amount: 150, effectiveFrom: '2026-01-01' });
  await must('/price-lists', {
    priceListId: 'pl-std',
    name: 'Standard',
    currency: 'CNY',
    audience: { level: 'default' },
    validFrom: '2026-01-01',
  });
  await must('/price-lists/pl-std/prices', {
    prices: [
      { sku: 'W-1', unitPrice: 1_000 },
      { sku: 'W-2', unitPrice: 200 },
    ],
  });
  await must('/promotions', {
    promotionId: 'spring',
    name: 'Spring',
    currency: 'CNY',
    startsOn: '2026-03-11',
    endsOn: '2026-03-20',
    coverage: { skus: ['W-1'] },
    benefit: { kind: 'percent_off', percentBp: 1_000 },
  });
  await must('/promotions/spring/approval', {}, people.manager);
  await must('/promotions', {
    promotionId: 'west-deal',
    name: 'West deal',
    currency: 'CNY',
    startsOn: '2026-03-01',
    endsOn: '2026-03-31',
    coverage: { categories: ['pumps'], regions: ['west'] },
    benefit: { kind: 'fixed_price', unitPrice: 150 },
  });
  await must('/customers', customerBody('c-1'), people.manager);
  await must('/customers', { ...customerBody('c-3'), region: 'west', ownerRepId: 'rep-3' }, people.manager);
  await booked('02-10', order('o-0', 'c-1', 'rep-1', [line('l1', 'W-1', 8)]), people.rep);
  await booked(
    '03-05',
    order('o-1', 'c-1', 'rep-1', [line('l1', 'W-1', 4), line('l2', 'W-2', 10, 180), line('l3', 'W-9', 1, 500)]),
    people.rep,
  );
  await booked('03-12', order('o-2', 'c-1', 'rep-1', [line('l1', 'W-1', 10)]), people.rep);
  await booked('03-15', order('o-3', 'c-3', 'rep-3', [line('l1', 'W-1', 5, 850)]), rep3);
}, 90_000);
afterAll(() => api.close());

describe('GET /reports/price-realisation', () => {
  it('gives list and net sales of the listed lines, the discount with the promotions apart, and net / list per rep and customer', async () => {
    // rep-1: list 4000 + 2000 + 10000 = 16000, net 4000 + 1800 + 9000 = 14800 (0.925), spring 1000, typed 200; W-9 unlisted.
    const rep1 = [24, 16_000, 14_800, 1_200, 1_000, 200, 0.925, 500];
    const rep3Row = [5, 5_000, 4_250, 750, 500, 250, 0.85, 0];
    expect(await realised('groupBy=rep')).toEqual([
      ['rep-1', ...rep1],
      ['rep-3', ...rep3Row],
    ]);
    expect(await realised('groupBy=customer')).toEqual([
      ['c-1', ...rep1],
      ['c-3', ...rep3Row],
    ]);
  });

  it('per product: W-1 17250 of 19000 (0.9079), W-2 1800 of 2000, and the unlisted W-9 apart', async () => {
    expect(await realised('groupBy=product')).toEqual([
      ['W-1', 19, 19_000, 17_250, 1_750, 1_500, 250, 0.9079, 0],
      ['W-2', 10, 2_000, 1_800, 200, 0, 200, 0.9, 0],
      ['W-9', 0, 0, 0, 0, 0, 0, null, 500],
    ]);
  });

  it('is scoped by role, refuses a foreign filter, a role without reports and a bad query (400 in both languages)', async () => {
    const keys = async (who: typeof people.rep) => (await realised('groupBy=rep', who)).map((r) => r[0]);
    expect([
      await keys(people.rep),
      await keys(rep3),
      await keys(people.eastManager),
      await keys(people.auditor),
    ]).toEqual([['rep-1'], ['rep-3'], ['rep-1'], ['rep-1', 'rep-3']]);
    expect((await realisation('groupBy=rep&rep=rep-3', people.rep)).body.code).toBe('FILTER_NOT_AUTHORIZED');
    expect((await realisation('groupBy=rep', people.finance)).status).toBe(403);
    expect(PriceRealisationQuery.safeParse({ from: '2026-03', to: '2026-02', groupBy: 'rep' }).success).toBe(false);
    const en = await api.call('GET', '/reports/price-realisation?from=2026-03&to=2026-03&groupBy=colour', {
      actor: people.manager,
      headers: { 'accept-language': 'en' },
    });
    const zh = await api.call('GET', '/reports/price-realisation?from=2026-03&to=2026-03&groupBy=colour', {
      actor: people.manager,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect([en.status, en.body.code, zh.status, zh.body.code]).toEqual([400, 'INVALID_INPUT', 400, 'INVALID_INPUT']);
    expect(zh.body.message).not.toBe(en.body.message);
  });
});

describe('GET /reports/promotions/:promotionId/effectiveness', () => {
  const figures = (
    rows: {
      window: string;
      from: string;
      to: string;
      orders: number;
      quantity: number;
      net_sales: number;
      discount_cost: number;
      cost: number;
      margin: number;
    }[],
  ) => rows.map((r) => [r.window, r.from, r.to, r.orders, r.quantity, r.net_sales, r.discount_cost, r.cost, r.margin]);

  it('sets the covered lines during the promotion against the ten days before it: units, sales, discount cost, incremental margin', async () => {
    const answer = await effect('spring');
    expect(answer.status).toBe(200);
    expect(promotionEffectReport.route.response?.safeParse(answer.body).success).toBe(true);
    // During: o-2 and o-3, 15 units, 9000 + 4250, cost 15 x 600, margin 4250. Baseline: o-1's 4 units of W-1 only.
    expect(figures(answer.body.rows)).toEqual([
      ['during', '2026-03-11', '2026-03-20', 2, 15, 13_250, 1_500, 9_000, 4_250],
      ['baseline', '2026-03-01', '2026-03-10', 1, 4, 4_000, 0, 2_400, 1_600],
    ]);
    expect(answer.body.effect).toEqual({
      quantity: 11,
      net_sales: 9_250,
      discount_cost: 1_500,
      incremental_margin: 2_650,
      sales_lift: 2.3125,
    });
    expect([answer.body.promotionId, answer.body.name, answer.body.currency]).toEqual(['spring', 'Spring', 'CNY']);
  });

  it('sets them against the statistical forecast of the period too, fitted on the whole months before March', async () => {
    // History: February alone, 8 units and 8000 (flat: the mean of under 24 months). Prorated to 10 of March's 31
    // days: 8000 x 10 / 31 = 2580.65 -> 2581, 8 x 10 / 31 = 2.58 -> 3 units. During 15 units and 13250: 12 more units,
    // 10669 more sales, lift 10669 / 2581 = 4.1337. rep-1 sees February too but only o-2 during: 7 units, 6419, 2.4870.
    const all = (await effect('spring')).body;
    expect(all.statisticalBaseline).toEqual({
      from: '2026-03-11',
      to: '2026-03-20',
      method: 'flat',
      history_months: 1,
      quantity: 3,
      net_sales: 2_581,
    });
    expect(all.statisticalEffect).toEqual({ quantity: 12, net_sales: 10_669, sales_lift: 4.1337 });
    expect((await effect('spring', people.rep)).body.statisticalEffect).toEqual({
      quantity: 7,
      net_sales: 6_419,
      sales_lift: 2.487,
    });
    // rep-3 has no order before March: no statistical baseline.
    expect((await effect('spring', rep3)).body).toMatchObject({ statisticalBaseline: null, statisticalEffect: null });
  });

  it("counts only the reader's orders: rep-1 sees o-2 against o-1", async () => {
    const answer = await effect('spring', people.rep);
    expect(figures(answer.body.rows).map((r) => r.slice(3))).toEqual([
      [1, 10, 9_000, 1_000, 6_000, 3_000],
      [1, 4, 4_000, 0, 2_400, 1_600],
    ]);
    expect(answer.body.effect).toEqual({
      quantity: 6,
      net_sales: 5_000,
      discount_cost: 1_000,
      incremental_margin: 1_400,
      sales_lift: 1.25,
    });
  });

  it('shows a regional promotion to its region only (404 to others, as for one that does not exist), and refuses a bad id', async () => {
    const west = await effect('west-deal', rep3);
    // No W-2 sold in the west: nothing during, nothing before, no lift.
    expect([west.status, west.body.effect]).toEqual([
      200,
      { quantity: 0, net_sales: 0, discount_cost: 0, incremental_margin: 0, sales_lift: null },
    ]);
    for (const who of [people.rep, people.eastManager])
      expect([(await effect('west-deal', who)).status, (await effect('west-deal', who)).body.code]).toEqual([
        404,
        'PROMOTION_NOT_FOUND',
      ]);
    const missing = await api.call('GET', '/reports/promotions/nothing/effectiveness', {
      actor: people.manager,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect([missing.status, missing.body.message]).toEqual([404, '该促销活动不存在']);
    expect(
      (await api.call('GET', '/reports/promotions/bad%20id!/effectiveness', { actor: people.manager })).status,
    ).toBe(400);
    expect((await effect('spring', people.finance)).status).toBe(403);
  });
});
