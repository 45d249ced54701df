import { customerBody, people } from '../testing/fixtures.js';
import { startTestApi, type TestApi } from '../testing/test-app.js';

// Orders priced from the lists over HTTP: a line without a price takes the default list's price less the approved
// promotion, recorded on the event; a price below that needs approval; the promotion's budget stops it once spent.
let api: TestApi;
const post = (path: string, body: unknown, who = people.rep) => api.call('POST', path, { actor: who, body });
const must = async (path: string, body: unknown, who = people.analyst): Promise<void> => {
  const response = await post(path, body, who);
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
};
/** The read models have seen every event so far (the handler prices from them). */
const caughtUp = async (): Promise<void> => {
  await api.call('GET', '/promotions', {
    actor: people.manager,
    headers: { 'x-min-position': String(await api.store.headPosition()) },
  });
};
const line = (lineId: string, quantity: number, extra: object = {}) => ({
  lineId,
  sku: 'W-1',
  description: 'Widget',
  quantity,
  discountBp: 0,
  ...extra,
});
const order = (orderId: string, lines: object[]) => ({
  orderId,
  customerId: 'c-1',
  repId: 'rep-1',
  currency: 'CNY',
  lines,
  promisedDeliveryDate: '2026-03-20',
  paymentTerms: { kind: 'net', days: 30 },
});
const placedLines = async (orderId: string) => {
  const [placed] = await api.store.readStream(`order-${orderId}`);
  return (placed?.data as { lines: unknown[] }).lines;
};

beforeAll(async () => {
  api = await startTestApi();
  await must('/customers', customerBody('c-1'), people.manager);
  await must('/price-lists', {
    priceListId: 'pl-std',
    name: 'Standard',
    currency: 'CNY',
    audience: { level: 'default' },
    validFrom: '2026-01-01',
  });
  await must('/price-lists/pl-std/prices', { prices: [{ sku: 'W-1', unitPrice: 1_000 }] });
  await must('/promotions', {
    promotionId: 'spring',
    name: 'Spring',
    currency: 'CNY',
    startsOn: '2026-03-01',
    endsOn: '2026-03-31',
    coverage: { skus: ['W-1'] },
    benefit: { kind: 'percent_off', percentBp: 1_000 },
    budget: 1_500,
  });
  await must('/promotions/spring/approval', {}, people.manager);
  await caughtUp();
}, 60_000);
afterAll(() => api.close());

describe('orders priced from the lists', () => {
  it('price a line without a price at list less the promotion, and record list, promotion and net price', async () => {
    const placed = await post('/orders', order('o-1', [line('l1', 10)]));
    expect(placed.status).toBe(201);
    expect(await placedLines('o-1')).toEqual([
      {
        ...line('l1', 10),
        unitPrice: 900,
        pricing: {
          priceListId: 'pl-std',
          listPrice: 1_000,
          promotionId: 'spring',
          promotedPrice: 900,
          promotionDiscount: 1_000,
        },
      },
    ]);
  });

  it('stop the promotion once its budget cannot hold a line: 1000 of 1500 given, 10 more units would give 1000', async () => {
    await caughtUp();
    expect((await post('/orders', order('o-2', [line('l1', 10)]))).status).toBe(201);
    expect(await placedLines('o-2')).toEqual([
      {
        ...line('l1', 10),
        unitPrice: 1_000,
        pricing: {
          priceListId: 'pl-std',
          listPrice: 1_000,
          promotionId: null,
          promotedPrice: 1_000,
          promotionDiscount: 0,
        },
      },
    ]);
  });

  it('send a price below the promoted one beyond the rep limit to approval (the budget still holds 1 unit: 800 against 900)', async () => {
    expect((await post('/orders', order('o-3', [line('l1', 1, { unitPrice: 800 })]))).status).toBe(201);
    const [placed] = await api.store.readStream('order-o-3');
    expect(placed?.data).toMatchObject({ maxDiscountBp: 1_112, approvalRequired: true });
    const confirm = await post('/orders/o-3/confirmation', {});
    expect([confirm.status, confirm.body.code]).toEqual([409, 'ORDER_DISCOUNT_NOT_APPROVED']);
  });

  it('refuse a line without a price that no list prices, in Chinese and English, writing nothing', async () => {
    const before = await api.store.headPosition();
    const body = order('o-4', [{ ...line('l1', 1), sku: 'NOT-LISTED' }]);
    const en = await api.call('POST', '/orders', { actor: people.rep, body, headers: { 'accept-language': 'en' } });
    expect([en.status, en.body.code, en.body.message]).toEqual([
      409,
      'ORDER_NO_LIST_PRICE',
      expect.stringContaining('NOT-LISTED'),
    ]);
    const zh = await api.call('POST', '/orders', { actor: people.rep, body, headers: { 'accept-language': 'zh-CN' } });
    expect(zh.body.message).toBe('没有价目表为产品 NOT-LISTED 定价，请填写单价');
    expect(await api.store.headPosition()).toBe(before);
  });

  it('price a line an amendment adds from the lists, keeping the placed line as agreed (1100 of 1500 given: 2 units fit)', async () => {
    await caughtUp();
    const amended = await post('/orders/o-2/amendments', {
      lines: [line('l1', 10), line('l2', 2)],
      reason: 'two more',
      customerConfirmationRef: 'mail-7',
    });
    expect(amended.status).toBe(201);
    const [, event] = await api.store.readStream('order-o-2');
    expect((event?.data as { linesAfter: { unitPrice: number }[] }).linesAfter.map((l) => l.unitPrice)).toEqual([
      1_000, 900,
    ]);
  });

  it('refuse raising a promoted line beyond what is left of the budget (1300 of 1500 given: 3 more units ask 300), writing nothing', async () => {
    await caughtUp();
    const before = await api.store.headPosition();
    const body = { lines: [line('l1', 13)], reason: 'three more', customerConfirmationRef: 'mail-8' };
    const en = await api.call('POST', '/orders/o-1/amendments', {
      actor: people.rep,
      body,
      headers: { 'accept-language': 'en' },
    });
    expect([en.status, en.body.code, en.body.details]).toEqual([
      409,
      'ORDER_PROMOTION_BUDGET_EXCEEDED',
      { lineId: 'l1', promotionId: 'spring', remaining: 200, requested: 300 },
    ]);
    const zh = await api.call('POST', '/orders/o-1/amendments', {
      actor: people.rep,
      body,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.body.message).toBe(
      '促销活动 spring 的剩余预算为 200，不足以支持订单行 l1 增加的 300；请将增加的数量作为新订单行添加',
    );
    expect(await api.store.headPosition()).toBe(before);
    const two = await post('/orders/o-1/amendments', { ...body, lines: [line('l1', 12)] });
    expect(two.status).toBe(201);
  });
});
