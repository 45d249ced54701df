import { customerBody } from '../testing/fixtures.js';
import { actor, startTestApi, type TestApi } from '../testing/test-app.js';

// Opportunities and quotations over HTTP, per role, with the figures worked by hand. The API's clock is 2026-03-01
// 08:00 UTC (business date 2026-03-01 in Asia/Shanghai) unless a test moves it.
const sm = actor('sm-1', 'sales_manager');
const rmEast = actor('rm-east', 'regional_manager', 'east');
const rmWest = actor('rm-west', 'regional_manager', 'west');
const rep1 = actor('rep-1', 'sales_rep', 'east');
const rep2 = actor('rep-2', 'sales_rep', 'east');
const analyst = actor('an-1', 'market_analyst');
const finance = actor('fin-1', 'finance');

let api: TestApi;
const post = (path: string, body: unknown, who = rep1, headers: Record<string, string> = {}) =>
  api.call('POST', path, { actor: who, body, headers });
const read = async (path: string, who = sm) =>
  (await api.call('GET', path, { actor: who, headers: { 'x-min-position': String(await api.store.headPosition()) } }))
    .body;
const opportunity = (opportunityId: string, extra: object = {}) => ({
  opportunityId,
  customerId: 'c-op',
  repId: 'rep-1',
  title: `Deal ${opportunityId}`,
  amount: 1_000_000,
  currency: 'CNY',
  expectedCloseMonth: '2026-04',
  ...extra,
});
// 10 x 450.00 = 4,500.00; 5 x 1,000.00 less 10% = 4,500.00; total 9,000.00
const quotation = (quotationId: string, validUntil = '2026-03-31') => ({
  quotationId,
  lines: [
    { lineId: 'l1', sku: 'P-100', description: 'Pump', quantity: 10, unitPrice: 45_000, discountBp: 0 },
    { lineId: 'l2', sku: 'V-20', description: 'Valve', quantity: 5, unitPrice: 100_000, discountBp: 1_000 },
  ],
  validUntil,
  promisedDeliveryDate: '2026-04-30',
  paymentTerms: { kind: 'net', days: 30 },
});
const eventsOf = async (stream: string) =>
  (await api.store.streamExists(stream)) ? (await api.store.readStream(stream)).map((e) => e.type) : [];

beforeAll(async () => {
  api = await startTestApi();
  expect((await post('/customers', customerBody('c-op'))).status).toBe(201);
  expect((await post('/opportunities', opportunity('opp-1'))).status).toBe(201);
  expect(
    (
      await post(
        '/opportunities',
        opportunity('opp-2', {
          amount: 500_000,
          expectedCloseMonth: '2026-05',
          stage: 'proposal',
          probabilityBp: 6_000,
        }),
      )
    ).status,
  ).toBe(201);
}, 60_000);
afterAll(() => api.close());

describe('opportunities', () => {
  it('weigh the pipeline by stage probability or the override, per group', async () => {
    expect((await post('/opportunities/opp-1/stage', { stage: 'negotiation' })).status).toBe(201);
    // opp-1: 10,000.00 x 75% = 7,500.00; opp-2: 5,000.00 x 60% = 3,000.00
    const byRep = await read('/reports/pipeline?groupBy=rep');
    expect(byRep.rows).toEqual([
      { group: 'rep-1', currency: 'CNY', opportunities: 2, amount: 1_500_000, weighted: 1_050_000 },
    ]);
    expect(byRep.asOf).toBe('2026-03-01');
    const byMonth = await read('/reports/pipeline?groupBy=month&from=2026-05&to=2026-05', rmEast);
    expect(byMonth.rows).toEqual([
      { group: '2026-05', currency: 'CNY', opportunities: 1, amount: 500_000, weighted: 300_000 },
    ]);
    expect((await read('/reports/pipeline?groupBy=stage&asOf=2026-02-28')).rows).toEqual([]);
    const listed = await read('/opportunities?status=open', rep1);
    expect(
      listed.rows.map(
        (r: {
          opportunity_id: string;
          stage: string;
          probability_bp: number;
          overridden: boolean;
          weighted: number;
        }) => [r.opportunity_id, r.stage, r.probability_bp, r.overridden, r.weighted],
      ),
    ).toEqual([
      ['opp-1', 'negotiation', 7_500, false, 750_000],
      ['opp-2', 'proposal', 6_000, true, 300_000],
    ]);
  });

  it('are scoped as orders: a rep their own customers, a regional manager their region; analysts and finance read only', async () => {
    const other = await post('/opportunities', opportunity('opp-x', { repId: 'rep-2' }), rep2);
    expect([other.status, other.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    const west = await post('/opportunities/opp-1/revisions', { amount: 1 }, rmWest);
    expect([west.status, west.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    const byAnalyst = await post('/opportunities', opportunity('opp-y'), analyst);
    expect([byAnalyst.status, byAnalyst.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    expect((await read('/opportunities', analyst)).rows).toHaveLength(2);
    // Finance forecasts cash from the deals expected to close: it reads every opportunity and the whole pipeline.
    const byFinance = await post('/opportunities', opportunity('opp-z'), finance);
    expect([byFinance.status, byFinance.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    expect((await read('/opportunities', finance)).rows).toHaveLength(2);
    expect((await read('/reports/pipeline?groupBy=rep', finance)).rows).toEqual([
      { group: 'rep-1', currency: 'CNY', opportunities: 2, amount: 1_500_000, weighted: 1_050_000 },
    ]);
    expect((await read('/opportunities', rep2)).rows).toEqual([]);
    expect((await read('/reports/pipeline?groupBy=region', rmWest)).rows).toEqual([]);
  });

  it('send a quotation whose acceptance places the order once and wins the opportunity for its total', async () => {
    expect((await post('/opportunities/opp-1/quotations', quotation('q-1'))).status).toBe(201);
    const accepted = await post('/opportunities/opp-1/quotation-acceptance', { quotationId: 'q-1' });
    expect([accepted.status, accepted.body.events]).toEqual([201, ['QuotationAccepted', 'OpportunityWon']]);
    expect(await eventsOf('order-q-1')).toEqual(['OrderPlaced']);
    // A retry places nothing more.
    const again = await post('/opportunities/opp-1/quotation-acceptance', { quotationId: 'q-1' });
    expect(again.status).toBe(201);
    expect(await eventsOf('order-q-1')).toEqual(['OrderPlaced']);
    const [won] = (await read('/opportunities?status=won', rmEast)).rows;
    expect([won.opportunity_id, won.amount, won.weighted, won.won_order_id, won.closed_on]).toEqual([
      'opp-1',
      900_000,
      900_000,
      'q-1',
      '2026-03-01',
    ]);
    const [placed] = await api.store.readStream('order-q-1');
    expect(placed?.data).toMatchObject({
      customerId: 'c-op',
      repId: 'rep-1',
      region: 'east',
      currency: 'CNY',
      total: 900_000,
      promisedDeliveryDate: '2026-04-30',
    });
    expect(placed?.metadata).toMatchObject({ commandId: 'quotation:opp-1:q-1' });
    expect((await read('/reports/pipeline?groupBy=rep')).rows).toEqual([
      { group: 'rep-1', currency: 'CNY', opportunities: 1, amount: 500_000, weighted: 300_000 },
    ]);
  });

  it('refuse an expired quotation, a line no list prices and changes to a closed opportunity, in Chinese when asked, placing nothing', async () => {
    expect((await post('/opportunities/opp-2/quotations', quotation('q-2', '2026-03-05'))).status).toBe(201);
    const unpriced = await post('/opportunities/opp-2/quotations', {
      ...quotation('q-3'),
      lines: [{ lineId: 'l1', sku: 'NONE', description: 'x', quantity: 1, discountBp: 0 }],
    });
    expect([unpriced.status, unpriced.body.code]).toEqual([409, 'ORDER_NO_LIST_PRICE']);
    const expired = await api.at('2026-03-06T02:00:00.000Z', () =>
      post('/opportunities/opp-2/quotation-acceptance', { quotationId: 'q-2' }),
    );
    expect([expired.status, expired.body.code]).toEqual([409, 'QUOTATION_EXPIRED']);
    expect(await eventsOf('order-q-2')).toEqual([]);
    const missing = await post('/opportunities/opp-2/quotation-acceptance', { quotationId: 'q-9' });
    expect([missing.status, missing.body.code]).toEqual([404, 'QUOTATION_NOT_FOUND']);
    expect((await post('/opportunities/opp-2/loss', { reason: 'price', note: 'Too dear' })).status).toBe(201);
    const closed = await post('/opportunities/opp-2/revisions', { amount: 1 }, rep1, { 'accept-language': 'zh-CN' });
    expect([closed.status, closed.body.code, closed.body.message]).toEqual([
      409,
      'OPPORTUNITY_CLOSED',
      '该商机已结束（赢单或丢单），不能再变更',
    ]);
    const [lost] = (await read('/opportunities?status=lost')).rows;
    expect([lost.opportunity_id, lost.lost_reason, lost.weighted]).toEqual(['opp-2', 'price', 0]);
    expect((await read('/reports/pipeline?groupBy=rep')).rows).toEqual([]);
    const bad = await post('/opportunities', { ...opportunity('opp-z'), expectedCloseMonth: '2026-13' });
    expect(bad.status).toBe(400);
  });

  it('list the quotations sent, with their lines and status, scoped as the opportunities; finance reads them all', async () => {
    type Quotation = { quotation_id: string; status: string; total: number; order_id: string | null; lines: unknown[] };
    const listed = async (query: string, who = sm) =>
      ((await read(`/quotations${query}`, who)).rows as Quotation[]).map((q) => [
        q.quotation_id,
        q.status,
        q.total,
        q.order_id,
        q.lines.length,
      ]);
    // q-2 (valid until 5 March) is listed before q-1 (31 March); q-1 was accepted and placed order q-1.
    const both = [
      ['q-2', 'sent', 900_000, null, 2],
      ['q-1', 'accepted', 900_000, 'q-1', 2],
    ];
    expect(await listed('')).toEqual(both);
    expect(await listed('', finance)).toEqual(both);
    expect(await listed('', rep1)).toEqual(both);
    expect(await listed('', rep2)).toEqual([]);
    expect(await listed('', rmWest)).toEqual([]);
    expect(await listed('?status=accepted', analyst)).toEqual([both[1]]);
    expect(await listed('?opportunityId=opp-2&customerId=c-op')).toEqual([both[0]]);
    const [line] = ((await read('/quotations?status=accepted')).rows as Quotation[])[0]?.lines ?? [];
    expect(line).toMatchObject({ lineId: 'l1', sku: 'P-100', quantity: 10, unitPrice: 45_000 });
    const wrong = await api.call('GET', '/quotations?status=expired', { actor: sm });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'INVALID_INPUT']);
  });
});
