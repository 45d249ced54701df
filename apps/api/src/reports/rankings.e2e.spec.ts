import { customerBody, orderBody, people } from '../testing/fixtures.js';
import { actor, startTestApi, type TestApi } from '../testing/test-app.js';
import { rankingsReport } from './rankings.report.js';

// League tables over HTTP, every figure by hand. Each order books 10 x 1,000 + 5 x 2,000 less 5% = 19,500.
// Targets: rep-1 30,000 in February and 100,000 in March; rep-2 50,000 and rep-3 (west) 40,000 in March.
// Receivables of 30,000 due 31 March: rep-1 and rep-2 each paid 20,000 in March. CSAT: rep-1 5, rep-2 4, rep-3 1.
let api: TestApi;
let last = '0';
const { manager, rep, eastManager, analyst, auditor, finance } = people;
const westRep = actor('rep-3', 'sales_rep', 'west');

async function must(path: string, body: unknown, who = manager): Promise<void> {
  const response = await api.call('POST', path, { actor: who, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  last = response.body.position as string;
}
const target = (month: string, scopeId: string, region: string, amount: number) =>
  must('/targets', { month, scope: 'rep', scopeId, region, amount, currency: 'CNY' });
async function sell(orderId: string, customerId: string, repId: string, day: string): Promise<void> {
  await api.at(`${day}T02:00:00.000Z`, async () => {
    await must('/orders', orderBody(orderId, customerId, { repId }));
    await must(`/orders/${orderId}/confirmation`, {});
  });
}
const survey = (customerId: string, csat: number) =>
  must(`/customers/${customerId}/surveys`, {
    surveyId: `s-${customerId}`,
    period: '2026-03',
    nps: 8,
    csat,
    scores: { productQuality: 4, delivery: 4, service: 4, price: 4 },
  });

beforeAll(async () => {
  api = await startTestApi({}, () => new Date('2026-04-02T02:00:00.000Z'));
  await api.at('2026-01-20T02:00:00.000Z', async () => {
    await must('/customers', customerBody('c-1'));
    await must('/customers', { ...customerBody('c-2'), ownerRepId: 'rep-2' });
    await must('/customers', { ...customerBody('c-3'), region: 'west', ownerRepId: 'rep-3' });
    await target('2026-02', 'rep-1', 'east', 30_000);
    for (const [repId, region, amount] of [
      ['rep-1', 'east', 100_000],
      ['rep-2', 'east', 50_000],
      ['rep-3', 'west', 40_000],
    ] as const)
      await target('2026-03', repId, region, amount);
  });
  await sell('o-1', 'c-1', 'rep-1', '2026-02-05');
  await sell('o-2', 'c-1', 'rep-1', '2026-03-05');
  await sell('o-3', 'c-2', 'rep-2', '2026-03-06');
  await sell('o-4', 'c-3', 'rep-3', '2026-03-07');
  await api.at('2026-03-20T02:00:00.000Z', async () => {
    for (const [id, repId] of [
      ['r-1', 'rep-1'],
      ['r-2', 'rep-2'],
    ] as const) {
      await must(
        '/receivables',
        {
          receivableId: id,
          orderId: `o-${id}`,
          customerId: 'c-1',
          repId,
          region: 'east',
          amount: { amount: 30_000, currency: 'CNY' },
          issueDate: '2026-03-02',
          dueDate: '2026-03-31',
        },
        finance,
      );
      await must(
        `/receivables/${id}/payments`,
        {
          paymentId: `p-${id}`,
          amount: { amount: 20_000, currency: 'CNY' },
          receivedOn: '2026-03-15',
          method: 'bank_transfer',
        },
        finance,
      );
    }
    await survey('c-1', 5);
    await survey('c-2', 4);
    await survey('c-3', 1);
  });
}, 90_000);
afterAll(() => api.close());

const read = (query: string, who = manager) =>
  api.call('GET', `/reports/rankings?${query}`, { actor: who, headers: { 'x-min-position': last } });
const table = async (query: string, who = manager) => {
  const response = await read(query, who);
  expect(rankingsReport.route.response?.safeParse(response.body).error?.issues ?? []).toEqual([]);
  return (
    response.body.rows as Array<{ rank: number | null; rep_id: string; value: number | null; tied: boolean }>
  ).map((r) => [r.rank, r.rep_id, r.value, r.tied]);
};

describe('GET /reports/rankings', () => {
  it('ranks March by attainment: rep-3 19,500 / 40,000, rep-2 19,500 / 50,000, rep-1 19,500 / 100,000', async () => {
    expect(await table('period=2026-03&metric=attainment')).toEqual([
      [1, 'rep-3', 0.4875, false],
      [2, 'rep-2', 0.39, false],
      [3, 'rep-1', 0.195, false],
    ]);
  });

  it('sums the quarter before dividing: rep-1 39,000 / 130,000 = 0.3, not the mean of 65% and 19.5%', async () => {
    expect(await table('period=2026-Q1&metric=attainment&scope=all')).toEqual([
      [1, 'rep-3', 0.4875, false],
      [2, 'rep-2', 0.39, false],
      [3, 'rep-1', 0.3, false],
    ]);
  });

  it('states ties: the same collected sales and rate share rank 1, and the next rep is third', async () => {
    expect(await table('period=2026-03&metric=collected')).toEqual([
      [1, 'rep-1', 20_000, true],
      [1, 'rep-2', 20_000, true],
      [3, 'rep-3', 0, false],
    ]);
    // 20,000 of 30,000 due by 31 March; rep-3 had nothing due: unranked.
    expect(await table('period=2026-Q1&metric=collectionRate')).toEqual([
      [1, 'rep-1', 0.6667, true],
      [1, 'rep-2', 0.6667, true],
      [null, 'rep-3', null, false],
    ]);
    // The year so far (today is 2 April): March's 20,000 of 30,000, then April's 0 of the 10,000 still open on each:
    // 20,000 / 40,000 = 0.5. The months to come count nothing.
    const year = await read('period=2026&metric=collectionRate');
    expect(year.body.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(year.body.rows.map((r: { value: number | null }) => r.value)).toEqual([0.5, 0.5, null]);
    expect(await table('period=2026-03&metric=csat')).toEqual([
      [1, 'rep-1', 1, true],
      [1, 'rep-2', 1, true],
      [3, 'rep-3', 0, false],
    ]);
  });

  it("shows a rep and a regional manager their whole region's table, and refuses them another region or all", async () => {
    const east = [
      [1, 'rep-2', 0.39, false],
      [2, 'rep-1', 0.195, false],
    ];
    expect(await table('period=2026-03&metric=attainment', rep)).toEqual(east);
    expect(await table('period=2026-03&metric=attainment&scope=east', eastManager)).toEqual(east);
    expect(await table('period=2026-03&metric=attainment', westRep)).toEqual([[1, 'rep-3', 0.4875, false]]);
    for (const [who, scope] of [
      [rep, 'all'],
      [rep, 'west'],
      [eastManager, 'west'],
      [westRep, 'east'],
    ] as const) {
      const refused = await read(`period=2026-03&metric=attainment&scope=${scope}`, who);
      expect([who.id, scope, refused.status, refused.body.code]).toEqual([who.id, scope, 403, 'FILTER_NOT_AUTHORIZED']);
    }
  });

  it('lets the sales manager, analysts and auditors read any region or all; not finance', async () => {
    for (const who of [manager, analyst, auditor])
      expect(await table('period=2026-03&metric=attainment&scope=west', who)).toEqual([[1, 'rep-3', 0.4875, false]]);
    expect((await read('period=2026-03&metric=attainment', analyst)).body.scope).toBe('all');
    expect((await read('period=2026-03&metric=attainment', finance)).status).toBe(403);
  });

  it('answers 400 for a bad period, metric or scope', async () => {
    for (const query of [
      'period=2026-Q5&metric=csat',
      'period=2026-3&metric=csat',
      'period=2026-03&metric=booked',
      'metric=csat',
      'period=2026-03&metric=csat&scope=a%20b',
    ]) {
      expect([query, (await read(query)).status]).toEqual([query, 400]);
    }
  });
});
