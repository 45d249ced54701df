import { PeriodsAnswer } from './periods/periods.answers.js';
import { lateAdjustmentsReport } from './reports/late-adjustments.report.js';
import { customerBody, orderBody, people } from './testing/fixtures.js';
import { ORDERS_PLACED_AT, startTestApi, type TestApi } from './testing/test-app.js';

// Period close over HTTP (issue 20): finance closes an ended month, a sales manager and finance reopen it
// together, and a payment dated into the closed month is recorded but counts in the month it is recorded in.
let api: TestApi;
const { finance, manager, rep, eastManager, analyst, auditor } = people;
const NOW = '2026-04-03T02:00:00.000Z';

async function post(path: string, body: unknown, who = finance, headers: Record<string, string> = {}) {
  return api.call('POST', path, { actor: who, body, headers });
}
async function must(path: string, body: unknown, who = manager): Promise<string> {
  const response = await post(path, body, who);
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.position as string;
}
const collected = async (month: string, position: string): Promise<unknown> => {
  const response = await api.call('GET', `/reports/collections/summary?month=${month}&groupBy=rep`, {
    actor: finance,
    headers: { 'x-min-position': position, 'cache-control': 'no-cache' },
  });
  return response.body.rows.map((row: { group: string; collected: number; invoiced: number; closing_ar: number }) => [
    row.group,
    row.invoiced,
    row.collected,
    row.closing_ar,
  ]);
};

beforeAll(async () => {
  api = await startTestApi({}, () => new Date(NOW));
  await must('/customers', customerBody('c-1'));
  await api.at(ORDERS_PLACED_AT, () => must('/orders', orderBody('o-1', 'c-1')));
  const receivable = {
    receivableId: 'r-1',
    orderId: 'o-1',
    customerId: 'c-1',
    repId: 'rep-1',
    region: 'east',
    amount: { amount: 10_000, currency: 'CNY' },
    issueDate: '2026-03-05',
    dueDate: '2026-03-31',
  };
  await must('/receivables', receivable, finance);
  await must(
    '/receivables/r-1/payments',
    { paymentId: 'p-1', amount: { amount: 4_000, currency: 'CNY' }, receivedOn: '2026-03-20', method: 'bank_transfer' },
    finance,
  );
}, 60_000);
afterAll(() => api.close());

describe('closing a month', () => {
  it('is for finance only; other roles are refused before anything is read', async () => {
    for (const who of [manager, eastManager, rep, analyst, auditor])
      expect([who.role, (await post('/periods/2026-02/closure', {}, who)).status]).toEqual([who.role, 403]);
    expect((await post('/periods/2026-02/closure', {})).status).toBe(201);
  });

  it("refuses a month that has not ended, in the caller's language", async () => {
    const response = await post('/periods/2026-04/closure', {}, finance, { 'accept-language': 'zh-CN' });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'PERIOD_NOT_ENDED', message: '2026-04 尚未结束，不能结账' });
    expect((await post('/periods/2026-4/closure', {})).status).toBe(400);
  });

  it("keeps a closed month's report as it was; a late payment counts in the month it is recorded in", async () => {
    const closed = await must('/periods/2026-03/closure', {}, finance);
    // March at the close: 10000 invoiced, 4000 collected, 6000 owed.
    expect(await collected('2026-03', closed)).toEqual([['rep-1', 10_000, 4_000, 6_000]]);
    const late = await must(
      '/receivables/r-1/payments',
      {
        paymentId: 'p-2',
        amount: { amount: 3_000, currency: 'CNY' },
        receivedOn: '2026-03-30',
        method: 'bank_transfer',
      },
      finance,
    );
    expect(await collected('2026-03', late)).toEqual([['rep-1', 10_000, 4_000, 6_000]]);
    // April: nothing invoiced, the late 3000 collected, 3000 still owed.
    expect(await collected('2026-04', late)).toEqual([['rep-1', 0, 3_000, 3_000]]);
    const history = await api.call('GET', '/audit/streams/receivable-r-1/events', { actor: manager });
    const payment = history.body.events.find(
      (event: { type: string; data: { paymentId: string } }) =>
        event.type === 'PaymentReceived' && event.data.paymentId === 'p-2',
    );
    expect(payment.data).toMatchObject({ receivedOn: '2026-03-30', postedOn: '2026-04-03' });
  });

  it("lists the late payment as an adjustment of April with its own date and event, in each reader's scope", async () => {
    const read = (who: typeof rep, query = 'month=2026-04') =>
      api.call('GET', `/reports/late-adjustments?${query}`, { actor: who });
    const april = await read(finance);
    expect(lateAdjustmentsReport.route.response?.safeParse(april.body).success).toBe(true);
    expect(april.body.rows).toEqual([
      {
        stream_name: 'receivable-r-1',
        revision: 2,
        event_type: 'PaymentReceived',
        posted_on: '2026-04-03',
        posted_month: '2026-04',
        dated_on: '2026-03-30',
        rep_id: 'rep-1',
        region: 'east',
        currency: 'CNY',
        amount: 3_000,
      },
    ]);
    for (const who of [manager, eastManager, rep, analyst, auditor])
      expect([who.role, (await read(who)).body.rows.length]).toEqual([who.role, 1]);
    expect((await read(people.otherRep)).body.rows).toEqual([]);
    expect((await read(rep, 'month=2026-04&rep=rep-2')).body.code).toBe('FILTER_NOT_AUTHORIZED');
    expect((await read(finance, 'month=2026-03')).body.rows).toEqual([]);
  });

  it("fixes the closed month's targets", async () => {
    const target = {
      month: '2026-03',
      scope: 'rep',
      scopeId: 'rep-1',
      region: 'east',
      amount: 100_000,
      currency: 'CNY',
    };
    expect((await post('/targets', target, manager)).body.code).toBe('PERIOD_CLOSED');
    expect((await post('/targets', { ...target, month: '2026-05' }, manager)).status).toBe(201);
  });
});

describe('reopening a month and listing the months', () => {
  it('takes a sales manager and finance, two people, and is listed with its history', async () => {
    expect(
      (await post('/periods/2026-02/reopening', { reason: 'a credit note of February was never issued' }, rep)).status,
    ).toBe(403);
    expect((await post('/periods/2026-02/reopening', { reason: '  ' }, manager)).status).toBe(400);
    expect(
      (await post('/periods/2026-02/reopening', { reason: 'a credit note of February was never issued' }, manager))
        .status,
    ).toBe(201);
    expect((await post('/periods/2026-02/reopening/approval', {}, manager)).body.code).toBe(
      'PERIOD_SECOND_APPROVER_REQUIRED',
    );
    expect((await post('/periods/2026-01/reopening/approval', {}, finance)).body.code).toBe('PERIOD_NOT_CLOSED');
    expect((await post('/periods/2026-02/reopening/approval', {}, finance)).status).toBe(201);
    const listed = await api.call('GET', '/periods?from=2026-01&to=2026-04', { actor: rep });
    expect(listed.status).toBe(200);
    expect(PeriodsAnswer.safeParse(listed.body).success).toBe(true);
    expect(
      listed.body.months.map((m: { month: string; status: string; closedBy: string | null; reopenings: number }) => [
        m.month,
        m.status,
        m.closedBy,
        m.reopenings,
      ]),
    ).toEqual([
      ['2026-01', 'open', null, 0],
      ['2026-02', 'reopened', 'fin-1', 1],
      ['2026-03', 'closed', 'fin-1', 0],
      ['2026-04', 'open', null, 0],
    ]);
  });

  it('lists the twelve months to the current one by default, to every role that reads reports or collections', async () => {
    for (const who of [manager, eastManager, rep, analyst, finance, auditor]) {
      const listed = await api.call('GET', '/periods', { actor: who });
      expect([who.role, listed.status, listed.body.from, listed.body.to, listed.body.months.length]).toEqual([
        who.role,
        200,
        '2025-05',
        '2026-04',
        12,
      ]);
    }
    expect((await api.call('GET', '/periods?from=2026-13', { actor: rep })).status).toBe(400);
  });
});

describe('the period close stream in the audit routes', () => {
  it('is read by sales managers, finance and auditors, and by no rep or regional manager', async () => {
    for (const who of [manager, finance, auditor])
      expect([who.role, (await api.call('GET', '/audit/streams/period-closes/events', { actor: who })).status]).toEqual(
        [who.role, 200],
      );
    for (const who of [rep, eastManager])
      expect([who.role, (await api.call('GET', '/audit/streams/period-closes/events', { actor: who })).status]).toEqual(
        [who.role, 403],
      );
    const state = await api.call('GET', '/audit/streams/period-closes/state', { actor: auditor });
    expect(state.body.state.months['2026-03']).toMatchObject({ status: 'closed', closedBy: 'fin-1' });
  });
});
