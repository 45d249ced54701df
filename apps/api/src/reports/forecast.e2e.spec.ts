import { customerBody, people } from '../testing/fixtures.js';
import { actor, startTestApi, type TestApi } from '../testing/test-app.js';
import { forecastAccuracyReport } from './forecast-accuracy.report.js';
import { ForecastQuery, forecastReport } from './forecast.report.js';

// The forecast over HTTP, hand-computed: rep-1 (east) books 10000 in January and 2000 in February 2026, rep-3 (west)
// 4500 on 5 March; rep-1's March target is 20000. As of 15 March both have fewer than 24 months, so the statistical
// forecast is the mean of their whole months before March: rep-1 (10000 + 2000) / 2 = 6000, rep-3 none (0). On 10 March
// rep-1 commits 5000 for April and opens an opportunity of 50000 for April at the qualified stage (20%): the pipeline
// of April weighs 50000 x 20% = 10000 from the 10th on.
let api: TestApi;
const rep3 = actor('rep-3', 'sales_rep', 'west');
const must = async (path: string, body: unknown, who = people.manager): Promise<void> => {
  const response = await api.call('POST', path, { actor: who, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
};
const order = (orderId: string, customerId: string, repId: string, quantity: number, unitPrice: number) => ({
  orderId,
  customerId,
  repId,
  currency: 'CNY',
  lines: [{ lineId: 'l1', sku: 'W-1', description: 'Widget', quantity, unitPrice, discountBp: 0 }],
  promisedDeliveryDate: '2026-06-30',
  paymentTerms: { kind: 'net', days: 30 },
});
const book = async (
  instant: string,
  orderId: string,
  customerId: string,
  who: typeof people.rep,
  quantity: number,
  unitPrice: number,
) =>
  api.at(instant, async () => {
    await must('/orders', order(orderId, customerId, who.id, quantity, unitPrice), who);
    await must(`/orders/${orderId}/confirmation`, {}, who);
  });
const forecast = async (query: string, who = people.manager) =>
  api.call('GET', `/reports/forecast?${query}`, {
    actor: who,
    headers: { 'x-min-position': String(await api.store.headPosition()) },
  });
const rows = async (query: string, who = people.manager) => {
  const answer = await forecast(query, who);
  expect(answer.status).toBe(200);
  expect(forecastReport.route.response?.safeParse(answer.body).success).toBe(true);
  return (
    answer.body.rows as {
      group: string;
      month: string;
      booked: number;
      pipeline: number;
      statistical: number;
      commit: number | null;
      target: number | null;
      gap: number | null;
    }[]
  ).map((r) => [r.group, r.month, r.booked, r.pipeline, r.statistical, r.commit, r.target, r.gap]);
};

beforeAll(async () => {
  api = await startTestApi();
  await api.at('2026-01-02T02:00:00.000Z', async () => {
    await must('/products', { sku: 'W-1', name: 'Widget', category: 'motors', unit: 'pcs' }, people.analyst);
    await must('/customers', customerBody('c-1'));
    await must('/customers', { ...customerBody('c-3'), region: 'west', ownerRepId: 'rep-3' });
    await must('/targets', {
      month: '2026-03',
      scope: 'rep',
      scopeId: 'rep-1',
      region: 'east',
      amount: 20_000,
      currency: 'CNY',
    });
  });
  await book('2026-01-10T02:00:00.000Z', 'o-1', 'c-1', people.rep, 10, 1_000);
  await book('2026-02-10T02:00:00.000Z', 'o-2', 'c-1', people.rep, 2, 1_000);
  await book('2026-03-05T02:00:00.000Z', 'o-3', 'c-3', rep3, 5, 900);
  await api.at('2026-03-10T02:00:00.000Z', () =>
    must(
      '/forecasts/rep-1/submissions',
      { month: '2026-04', currency: 'CNY', commit: 5_000, bestCase: 8_000 },
      people.rep,
    ),
  );
  await api.at('2026-03-10T02:00:00.000Z', () =>
    must(
      '/opportunities',
      {
        opportunityId: 'opp-1',
        customerId: 'c-1',
        repId: 'rep-1',
        title: 'April deal',
        amount: 50_000,
        currency: 'CNY',
        expectedCloseMonth: '2026-04',
      },
      people.rep,
    ),
  );
}, 60_000);
afterAll(() => api.close());

describe('GET /reports/forecast', () => {
  const asOf15March = [
    ['rep-1', '2026-03', 0, 0, 6_000, 0, 20_000, 14_000],
    ['rep-1', '2026-04', 0, 10_000, 6_000, 5_000, null, null],
    ['rep-3', '2026-03', 4_500, 0, 4_500, 0, null, null],
    ['rep-3', '2026-04', 0, 0, 0, 0, null, null],
  ];

  it('gives booked to date, pipeline, the statistical forecast, commit, target and gap per rep and month', async () => {
    expect(await rows('asOf=2026-03-15&months=2&groupBy=rep')).toEqual(asOf15March);
    expect(await rows('asOf=2026-03-15&months=1&groupBy=region')).toEqual([
      ['east', '2026-03', 0, 0, 6_000, 0, null, null],
      ['west', '2026-03', 4_500, 0, 4_500, 0, null, null],
    ]);
    expect((await rows('asOf=2026-03-15&months=2&groupBy=segment', people.rep))[1]).toEqual([
      customerBody('c-1').segment,
      '2026-04',
      0,
      10_000,
      6_000,
      null,
      null,
      null,
    ]);
  });

  it('weighs the pipeline as it stood at asOf: the opportunity opened on the 10th is not in the answer as of the 9th', async () => {
    expect((await rows('asOf=2026-03-09&months=2&groupBy=rep&rep=rep-1'))[1]).toEqual([
      'rep-1',
      '2026-04',
      0,
      0,
      6_000,
      0,
      null,
      null,
    ]);
  });

  it('never uses events after asOf: an order booked and a forecast submitted on 20 March leave the answer as of the 15th as it was', async () => {
    await book('2026-03-20T02:00:00.000Z', 'o-4', 'c-1', people.rep, 30, 1_000);
    await api.at('2026-03-20T03:00:00.000Z', () =>
      must(
        '/forecasts/rep-1/submissions',
        { month: '2026-03', currency: 'CNY', commit: 9_000, bestCase: 9_500 },
        people.rep,
      ),
    );
    expect(await rows('asOf=2026-03-15&months=2&groupBy=rep')).toEqual(asOf15March);
    expect((await rows('asOf=2026-03-31&months=1&groupBy=rep'))[0]).toEqual([
      'rep-1',
      '2026-03',
      30_000,
      0,
      30_000,
      9_000,
      20_000,
      -10_000,
    ]);
  });

  it('defaults asOf to today (1 March 2026 on the test clock) and 3 months', async () => {
    const answer = await forecast('groupBy=rep');
    expect([answer.body.asOf, answer.body.months]).toEqual(['2026-03-01', 3]);
  });

  it('is scoped by role: a rep their own, a regional manager their region, analysts, finance and managers everything', async () => {
    const groups = async (who: typeof people.rep) => [
      ...new Set((await rows('asOf=2026-03-15&months=1&groupBy=rep', who)).map((r) => r[0])),
    ];
    expect(await groups(people.rep)).toEqual(['rep-1']);
    expect(await groups(rep3)).toEqual(['rep-3']);
    expect(await groups(people.eastManager)).toEqual(['rep-1']);
    expect(await groups(people.analyst)).toEqual(['rep-1', 'rep-3']);
    // Finance plans cash on what will be booked: it reads the forecast of every group.
    expect(await groups(people.finance)).toEqual(['rep-1', 'rep-3']);
    const foreign = await forecast('asOf=2026-03-15&groupBy=rep&rep=rep-3', people.rep);
    expect([foreign.status, foreign.body.code]).toEqual([403, 'FILTER_NOT_AUTHORIZED']);
  });

  it('refuses a bad query with 400', async () => {
    expect(ForecastQuery.safeParse({ months: '25' }).success).toBe(false);
    for (const query of ['months=0', 'months=25', 'groupBy=colour', 'asOf=2026-02-30', 'colour=red']) {
      const answer = await forecast(query);
      expect([query, answer.status, answer.body.code]).toEqual([query, 400, 'INVALID_INPUT']);
    }
  });
});

describe('GET /reports/forecast/accuracy', () => {
  const accuracy = async (query: string, who = people.manager) =>
    api.at('2026-05-02T02:00:00.000Z', async () =>
      api.call('GET', `/reports/forecast/accuracy?${query}`, {
        actor: who,
        headers: { 'x-min-position': String(await api.store.headPosition()) },
      }),
    );

  it("scores each ended month's forecasts as they stood a month before it began, with MAPE and bias over the range", async () => {
    // On 2 May, March and April have ended. March as of 1 February: rep-1's January alone (10000) against the 30000
    // booked; rep-3 had no history (0) against 4500. April as of 1 March: rep-1 (10000 + 2000) / 2 = 6000 against
    // nothing booked (no percentage error); rep-3, with neither history nor sales, has no April row. No forecast had
    // been submitted that early.
    const answer = await accuracy('from=2026-03&to=2026-06&lagMonths=1&groupBy=rep');
    expect(answer.status).toBe(200);
    expect(forecastAccuracyReport.route.response?.safeParse(answer.body).success).toBe(true);
    const body = answer.body as {
      rows: {
        group: string;
        month: string;
        actual: number;
        statistical: { forecast: number; error: number; ape: number | null };
        commit: { forecast: number | null };
      }[];
      summary: unknown[];
    };
    expect(
      body.rows.map((r) => [
        r.group,
        r.month,
        r.actual,
        r.statistical.forecast,
        r.statistical.error,
        r.statistical.ape,
        r.commit.forecast,
      ]),
    ).toEqual([
      ['rep-1', '2026-03', 30_000, 10_000, -20_000, 0.6667, null],
      ['rep-3', '2026-03', 4_500, 0, -4_500, 1, null],
      ['rep-1', '2026-04', 0, 6_000, 6_000, null, null],
    ]);
    expect(body.summary).toEqual([
      { group: 'rep-1', currency: 'CNY', kind: 'statistical', months: 1, mape: 0.6667, bias: -0.6667 },
      { group: 'rep-3', currency: 'CNY', kind: 'statistical', months: 1, mape: 1, bias: -1 },
    ]);
  });

  it('scores the forecasts as they stood three months before with lagMonths=3', async () => {
    // March as of 1 December 2025: no month of history yet, so the statistical forecast was 0 for both reps.
    const answer = await accuracy('from=2026-03&to=2026-03&lagMonths=3&groupBy=rep');
    expect(answer.status).toBe(200);
    const rows = answer.body.rows as {
      group: string;
      actual: number;
      statistical: { forecast: number; ape: number };
    }[];
    expect(rows.map((r) => [r.group, r.actual, r.statistical.forecast, r.statistical.ape])).toEqual([
      ['rep-1', 30_000, 0, 1],
      ['rep-3', 4_500, 0, 1],
    ]);
    expect(answer.body.lagMonths).toBe(3);
  });

  it('is scoped by role and refuses a bad query with 400', async () => {
    const mine = await accuracy('from=2026-03&to=2026-04', people.rep);
    expect([...new Set((mine.body.rows as { group: string }[]).map((r) => r.group))]).toEqual(['rep-1']);
    const finance = await accuracy('from=2026-03&to=2026-04', people.finance);
    expect([...new Set((finance.body.rows as { group: string }[]).map((r) => r.group))]).toEqual(['rep-1', 'rep-3']);
    for (const query of [
      'from=2026-03&to=2026-04&lagMonths=2',
      'from=2026-04&to=2026-03',
      'from=2023-01&to=2026-01',
      'to=2026-04',
    ]) {
      const answer = await accuracy(query);
      expect([query, answer.status, answer.body.code]).toEqual([query, 400, 'INVALID_INPUT']);
    }
  });
});
