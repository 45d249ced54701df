import type Database from 'better-sqlite3';
import {
  queryAging,
  queryCollectionsSummary,
  queryComplaints,
  queryDailySalesReport,
  queryMonthlySalesReport,
  queryOverdue,
  queryRepScorecard,
  querySatisfaction,
  queryStaleProfiles,
} from '@salesbook/projections';
import { READ_MODELS } from './infrastructure/tokens.js';
import { customerBody, orderBody, people } from './testing/fixtures.js';
import { actor, startTestApi, type TestApi, ORDERS_PLACED_AT } from './testing/test-app.js';

// Two reps: rep-1 in east (c-1, o-1 delivered and invoiced, a survey, a complaint) and rep-3 in west (c-2, o-2).
// The clock is TEST_NOW, 2026-03-01T08:00Z: business day 2026-03-01 in Shanghai.
let api: TestApi;
let db: Database.Database;
let last: string;
const westRep = actor('rep-3', 'sales_rep', 'west');
const lagOf = () => 0;

async function post(path: string, body: unknown, who = people.rep): Promise<void> {
  const response = await api.call('POST', path, { actor: who, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  last = response.body.position;
}

beforeAll(async () => {
  api = await startTestApi();
  db = api.app.get(READ_MODELS);
  await post('/customers', customerBody('c-1'));
  await post('/customers', { ...customerBody('c-2'), region: 'west', ownerRepId: 'rep-3' }, people.manager);
  await api.at(ORDERS_PLACED_AT, () => post('/orders', orderBody('o-1', 'c-1')));
  await post('/orders/o-1/confirmation', {});
  await post('/orders', orderBody('o-2', 'c-2', { repId: 'rep-3' }), people.manager);
  await post('/orders/o-2/confirmation', {}, people.manager);
  await post('/orders/o-1/shipments', {
    shipmentId: 'sh-1',
    shippedOn: '2026-02-10',
    lines: [
      { lineId: 'l1', quantity: 10 },
      { lineId: 'l2', quantity: 5 },
    ],
  });
  await post('/orders/o-1/delivery', { deliveredOn: '2026-02-12' });
  await post('/customers/c-1/surveys', {
    surveyId: 's-1',
    period: '2026-02',
    nps: 9,
    csat: 5,
    scores: { productQuality: 5, delivery: 4, service: 5, price: 3 },
  });
  await post('/complaints', {
    complaintId: 'k-1',
    customerId: 'c-1',
    orderId: 'o-1',
    channel: 'phone',
    category: 'delivery',
    severity: 'high',
    description: 'late and dented',
  });
  // The receivable is opened by the policy from the subscription: wait until the collections read model has it.
  for (let tries = 0; tries < 150; tries += 1) {
    const opened = db.prepare("SELECT 1 FROM collection_receivables WHERE receivable_id = 'o-1'").get();
    if (opened !== undefined) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // Every later read waits (X-Min-Position) for the last write, the policy's included.
  last = String(await api.store.headPosition());
});
afterAll(() => api.close());

const get = (path: string, who = people.manager, headers: Record<string, string> = {}) =>
  api.call('GET', path, { actor: who, headers: { 'x-min-position': last, ...headers } });

describe('GET /reports/sales/daily', () => {
  it('is the full daily report, equal to queryDailySalesReport on the same read models', async () => {
    const response = await get('/reports/sales/daily?date=2026-03-01&groupBy=rep');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ date: '2026-03-01', groupBy: 'rep', stale: false });
    expect(response.body.rows).toEqual(
      queryDailySalesReport(db, lagOf, { date: '2026-03-01', groupBy: 'rep', zone: 'Asia/Shanghai' }).rows,
    );
    // By hand: each rep confirmed one order of 10 x 1 000 + 5 x 2 000 less 5 % = 19 500.
    expect(
      response.body.rows.map(
        (row: { group: string; orders_confirmed: number; currencies: Array<{ booked: number }> }) => [
          row.group,
          row.orders_confirmed,
          row.currencies[0]?.booked,
        ],
      ),
    ).toEqual([
      ['rep-1', 1, 19_500],
      ['rep-3', 1, 19_500],
    ]);
  });

  it('shows a rep only their own rows, a regional manager their region', async () => {
    expect(
      (await get('/reports/sales/daily?date=2026-03-01', people.rep)).body.rows.map(
        (row: { group: string }) => row.group,
      ),
    ).toEqual(['rep-1']);
    expect(
      (await get('/reports/sales/daily?date=2026-03-01&groupBy=region', people.eastManager)).body.rows.map(
        (row: { group: string }) => row.group,
      ),
    ).toEqual(['east']);
  });
});

describe('GET /reports/sales/monthly', () => {
  it('equals queryMonthlySalesReport; by hand 19 500 booked per rep', async () => {
    const response = await get('/reports/sales/monthly?month=2026-03&groupBy=region');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ month: '2026-03', groupBy: 'region', stale: false });
    expect(response.body.rows).toEqual(
      queryMonthlySalesReport(db, lagOf, { month: '2026-03', groupBy: 'region' }).rows,
    );
    expect(
      response.body.rows.map((row: { group: string; currencies: Array<{ booked: number }> }) => [
        row.group,
        row.currencies[0]?.booked,
      ]),
    ).toEqual([
      ['east', 19_500],
      ['west', 19_500],
    ]);
  });

  it('scopes a rep to their rows', async () => {
    const response = await get('/reports/sales/monthly?month=2026-03&groupBy=segment', westRep);
    expect(response.body.rows).toEqual(
      queryMonthlySalesReport(db, lagOf, { month: '2026-03', groupBy: 'segment', scope: { repId: 'rep-3' } }).rows,
    );
    expect(response.body.rows[0].currencies[0].booked).toBe(19_500);
  });
});

describe('GET /reports/reps/:repId/scorecard', () => {
  it("is a rep's own scorecard, equal to queryRepScorecard", async () => {
    const response = await get('/reports/reps/rep-1/scorecard?month=2026-03', people.rep);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ repId: 'rep-1', month: '2026-03', stale: false });
    expect(response.body.rows).toEqual(
      queryRepScorecard(db, lagOf, { repId: 'rep-1', month: '2026-03', scope: { repId: 'rep-1' } }).rows,
    );
    expect(response.body.rows[0]).toMatchObject({
      orders_confirmed: 1,
      complaints: 1,
      complaints_per_100_orders: 100,
      currencies: [expect.objectContaining({ currency: 'CNY', booked: 19_500 })],
    });
  });

  it("refuses another rep's scorecard to a rep and a rep of another region to a regional manager", async () => {
    const other = await get('/reports/reps/rep-3/scorecard?month=2026-03', people.rep);
    expect([other.status, other.body.code]).toEqual([403, 'SCORECARD_NOT_AUTHORIZED']);
    const west = await get('/reports/reps/rep-3/scorecard?month=2026-03', people.eastManager);
    expect([west.status, west.body.code]).toEqual([403, 'SCORECARD_NOT_AUTHORIZED']);
    const east = await get('/reports/reps/rep-1/scorecard?month=2026-03', people.eastManager);
    expect(east.status).toBe(200);
    expect(east.body.rows).toEqual(
      queryRepScorecard(db, lagOf, { repId: 'rep-1', month: '2026-03', scope: { region: 'east' } }).rows,
    );
    expect((await get('/reports/reps/rep-3/scorecard?month=2026-03')).body.rows[0].currencies[0].booked).toBe(19_500);
  });
});

describe('GET /reports/satisfaction', () => {
  it('equals querySatisfaction over dates or months; a rep without responses sees none', async () => {
    // 10:00 in Shanghai on Wednesday 1 April: the follow-ups are judged overdue on that business date.
    const response = await api.at('2026-04-01T02:00:00.000Z', () =>
      get('/reports/satisfaction?from=2026-03&to=2026-03&groupBy=rep'),
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ from: '2026-03', to: '2026-03', groupBy: 'rep', stale: false });
    // The query's figures, each group with the drill-down of its figures beside them.
    const figures = querySatisfaction(db, lagOf, {
      from: '2026-03',
      to: '2026-03',
      groupBy: 'rep',
      followUpsDue: { today: '2026-04-01', businessDays: 2 },
    }).rows;
    expect(response.body.rows).toEqual(figures.map((row) => ({ ...row, drillDown: expect.any(Object) })));
    expect(response.body.rows[0].drillDown.promoters).toBe(
      '/reports/satisfaction/answers?from=2026-03&to=2026-03&rep=rep-1&nps=promoters',
    );
    expect(response.body.rows).toEqual([
      expect.objectContaining({ group: 'rep-1', csat: expect.objectContaining({ n: 1, value: 1 }) }),
    ]);
    expect((await get('/reports/satisfaction?from=2026-03-01&to=2026-03-01', westRep)).body.rows).toEqual([]);
  });
});

describe('GET /reports/complaints', () => {
  it('is as of now while the period runs, and as of the end of its last business day once over', async () => {
    const running = await get('/reports/complaints?from=2026-03-01&to=2026-03-31&groupBy=rep');
    expect(running.status).toBe(200);
    expect(running.body.asOf).toBe('2026-03-01T08:00:00.000Z');
    expect(running.body.rows).toEqual(
      queryComplaints(db, lagOf, {
        from: '2026-03-01',
        to: '2026-03-31',
        groupBy: 'rep',
        asOf: '2026-03-01T08:00:00.000Z',
      }).rows,
    );
    expect(running.body.rows).toEqual([expect.objectContaining({ group: 'rep-1' })]);
    const over = await get('/reports/complaints?from=2026-02&to=2026-02');
    // End of 28 February in Shanghai (UTC+8).
    expect(over.body).toMatchObject({ asOf: '2026-02-28T15:59:59.999Z', groupBy: null });
    expect(over.body.rows).toEqual(
      queryComplaints(db, lagOf, { from: '2026-02', to: '2026-02', asOf: '2026-02-28T15:59:59.999Z' }).rows,
    );
  });

  it('shows a rep only complaints of their customers', async () => {
    const response = await get('/reports/complaints?from=2026-03&to=2026-03&groupBy=rep', westRep);
    expect(response.body.rows).toEqual([]);
  });
});

describe('GET /reports/customers/stale-profiles', () => {
  it('lists profiles unreviewed for `months` months, as of today by default', async () => {
    const later = await get('/reports/customers/stale-profiles?asOf=2027-06-01&months=12');
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ asOf: '2027-06-01', months: 12, stale: false });
    expect(later.body.rows).toEqual(queryStaleProfiles(db, lagOf, { asOf: '2027-06-01', months: 12 }).rows);
    expect(later.body.rows.map((row: { customerId: string }) => row.customerId)).toEqual(['c-1', 'c-2']);
    expect(
      (await get('/reports/customers/stale-profiles?asOf=2027-06-01', people.rep)).body.rows.map(
        (row: { customerId: string }) => row.customerId,
      ),
    ).toEqual(['c-1']);
    expect((await get('/reports/customers/stale-profiles')).body).toMatchObject({
      asOf: '2026-03-01',
      months: 12,
      rows: [],
    });
  });
});

describe('collections', () => {
  it('ages the receivable of o-1 (19 500 due 2026-03-14) into 31-60 days on 2026-04-30', async () => {
    const response = await get('/reports/collections/aging?asOf=2026-04-30&groupBy=rep', people.finance);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ asOf: '2026-04-30', groupBy: 'rep', stale: false });
    expect(response.body.rows).toEqual(queryAging(db, lagOf, { asOf: '2026-04-30', groupBy: 'rep' }).rows);
    expect(response.body.rows).toEqual([
      expect.objectContaining({ group: 'rep-1', currency: 'CNY', days_31_60: 19_500, total: 19_500 }),
    ]);
    expect((await get('/reports/collections/aging?asOf=2026-04-30', westRep)).body.rows).toEqual([]);
  });

  it('summarises a month and lists the overdue receivables', async () => {
    const summary = await get('/reports/collections/summary?month=2026-03&groupBy=region', people.finance);
    expect(summary.status).toBe(200);
    expect(summary.body.rows).toEqual(queryCollectionsSummary(db, lagOf, { month: '2026-03', groupBy: 'region' }).rows);
    const overdue = await get('/reports/collections/overdue?asOf=2026-04-30', people.finance);
    expect(overdue.body.rows).toEqual(queryOverdue(db, lagOf, { asOf: '2026-04-30' }).rows);
    expect(overdue.body.rows).toEqual([
      expect.objectContaining({ receivable_id: 'o-1', days_past_due: 47, overdue_amount: 19_500 }),
    ]);
    expect((await get('/reports/collections/overdue?asOf=2026-04-30', westRep)).body.rows).toEqual([]);
  });
});

describe('every report route', () => {
  const ROUTES: Array<[string, string[]]> = [
    [
      '/reports/sales/daily?date=2026-03-01',
      [
        '/reports/sales/daily?date=2026-13-01',
        '/reports/sales/daily?date=2026-03-01&groupBy=segment',
        '/reports/sales/daily',
        '/reports/sales/daily?date=0000-03-01',
      ],
    ],
    [
      '/reports/sales/monthly?month=2026-03',
      [
        '/reports/sales/monthly?month=2026-3',
        '/reports/sales/monthly?month=2026-03&groupBy=customer',
        '/reports/sales/monthly?month=9999-12',
      ],
    ],
    [
      '/reports/reps/rep-1/scorecard?month=2026-03',
      [
        '/reports/reps/rep-1/scorecard',
        '/reports/reps/rep-1/scorecard?month=2026-03-01',
        '/reports/reps/-bad!/scorecard?month=2026-03',
      ],
    ],
    [
      '/reports/satisfaction?from=2026-03&to=2026-03',
      [
        '/reports/satisfaction?from=2026-04&to=2026-03',
        '/reports/satisfaction?from=2026-03-01',
        '/reports/satisfaction?from=2026-03&to=2026-03&groupBy=channel',
      ],
    ],
    [
      '/reports/complaints?from=2026-03&to=2026-03',
      [
        '/reports/complaints?from=2026-03-02&to=2026-03-01',
        '/reports/complaints?from=x&to=2026-03',
        '/reports/complaints?from=2026-03&to=2026-03&groupBy=segment',
      ],
    ],
    [
      '/reports/customers/stale-profiles',
      [
        '/reports/customers/stale-profiles?months=0',
        '/reports/customers/stale-profiles?months=two',
        '/reports/customers/stale-profiles?asOf=2026-02-30x',
      ],
    ],
    [
      '/reports/collections/aging',
      ['/reports/collections/aging?asOf=2026-04', '/reports/collections/aging?groupBy=segment'],
    ],
    [
      '/reports/collections/summary?month=2026-03',
      ['/reports/collections/summary', '/reports/collections/summary?month=2026-03&groupBy=x'],
    ],
    [
      '/reports/collections/overdue',
      ['/reports/collections/overdue?asOf=yesterday', '/reports/collections/overdue?extra=1'],
    ],
  ];

  it.each(ROUTES)('%s: 400 with the issues for bad parameters', async (_good, bad) => {
    for (const path of bad) {
      const response = await get(path);
      expect([path, response.status, response.body.code]).toEqual([path, 400, 'INVALID_INPUT']);
      expect(response.body.issues.length).toBeGreaterThan(0);
      expect(response.body.issues.every((issue: { in: string }) => issue.in === 'query' || issue.in === 'params')).toBe(
        true,
      );
    }
  });

  it.each(ROUTES)(
    '%s: X-Min-Position waits for the write, answers stale past the wait, and rejects a bad one',
    async (good) => {
      const fresh = await get(good);
      expect(fresh.body).toMatchObject({ stale: false, minPosition: last, position: expect.any(String) });
      expect(BigInt(fresh.body.position)).toBeGreaterThanOrEqual(BigInt(last));
      const ahead = await get(good, people.manager, { 'x-min-position': (BigInt(last) + 1_000n).toString() });
      expect(ahead.body).toMatchObject({ stale: true, lag: expect.any(Number) });
      const bad = await get(good, people.manager, { 'x-min-position': 'soon' });
      expect([bad.status, bad.body.issues[0].in]).toEqual([400, 'headers']);
    },
  );
});
