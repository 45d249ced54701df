import { customerBody, people } from '../testing/fixtures.js';
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

describe('attainment of every target in the scorecard and the monthly report', () => {
  const must = async (path: string, body: unknown, who = people.manager) => {
    const answer = await api.call('POST', path, { actor: who, body });
    if (answer.status !== 201) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  };
  const read = async (path: string, who = people.manager) =>
    api.at('2026-05-02T02:00:00.000Z', async () =>
      api.call('GET', path, { actor: who, headers: { 'x-min-position': String(await api.store.headPosition()) } }),
    );
  const plan = (body: {
    plan: {
      group: string;
      period: string;
      measure: string;
      target: number;
      actual: number;
      attainment: number | null;
    }[];
  }) => body.plan.map((r) => [r.group, r.period, r.measure, r.target, r.actual, r.attainment]);

  beforeAll(async () => {
    // On 1 March the rep's customer c-1 is registered; on 10 April rep-1 books 3 x 1000. The targets set above:
    // rep-1's April (booked 5000) and 2026 (15 new customers), east's Q2 (collected 900000).
    await must('/products', { sku: 'W-1', name: 'Widget', category: 'motors', unit: 'pcs' }, people.analyst);
    await must('/customers', customerBody('c-1'));
    await api.at('2026-04-10T02:00:00.000Z', async () => {
      await must(
        '/orders',
        {
          orderId: 'o-1',
          customerId: 'c-1',
          repId: 'rep-1',
          currency: 'CNY',
          lines: [{ lineId: 'l1', sku: 'W-1', description: 'Widget', quantity: 3, unitPrice: 1_000, discountBp: 0 }],
          promisedDeliveryDate: '2026-06-30',
          paymentTerms: { kind: 'net', days: 30 },
        },
        people.rep,
      );
      await must('/orders/o-1/confirmation', {}, people.rep);
    });
  }, 60_000);

  it("gives the rep's scorecard the month's, quarter's and year's targets against the period to date", async () => {
    // April: 3000 of 5000 (0.6); 2026 to the end of April: 1 new customer of 15 (0.0667).
    const expected = [
      ['rep-1', '2026-04', 'booked', 5_000, 3_000, 0.6],
      ['rep-1', '2026', 'newCustomers', 15, 1, 0.0667],
    ];
    for (const who of [people.manager, people.eastManager, people.rep]) {
      const answer = await read('/reports/reps/rep-1/scorecard?month=2026-04', who);
      expect([answer.status, plan(answer.body)]).toEqual([200, expected]);
    }
    expect(plan((await read('/reports/reps/rep-1/scorecard?month=2025-12')).body)).toEqual([]);
  });

  it('gives the monthly report the attainment of the groups it shows, scoped by role', async () => {
    // East's Q2 collected target: nothing collected yet.
    const byRegion = await read('/reports/sales/monthly?month=2026-04&groupBy=region');
    expect([byRegion.status, plan(byRegion.body)]).toEqual([200, [['east', '2026-Q2', 'collected', 900_000, 0, 0]]]);
    expect(plan((await read('/reports/sales/monthly?month=2026-04&groupBy=region', westManager)).body)).toEqual([]);
    expect(plan((await read('/reports/sales/monthly?month=2026-04&groupBy=region', people.rep)).body)).toEqual([]);
    expect(plan((await read('/reports/sales/monthly?month=2026-04&groupBy=rep', people.rep)).body)).toHaveLength(2);
    expect(plan((await read('/reports/sales/monthly?month=2026-04&groupBy=segment')).body)).toEqual([]);
  });
});
