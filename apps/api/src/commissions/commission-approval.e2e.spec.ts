import { people } from '../testing/fixtures.js';
import { actor, startTestApi, type TestApi } from '../testing/test-app.js';
import { commissionsReport } from '../reports/commissions.report.js';

// Approving and freezing March's commission statement over HTTP, every figure by hand: a plan of 2% (3% from 100% of
// target, 5% on the part above 120%); rep-1 collects 130,000.00 of a 100,000.00 target, rep-2 20,000.00 without one.
let api: TestApi;
const { finance, manager, rep, otherRep, eastManager, analyst, auditor } = people;
const westManager = actor('rm-west', 'regional_manager', 'west');
const approverAsFinance = actor('sm-1', 'finance');
const NOW = '2026-04-02T02:00:00.000Z';
let last = '0';

async function post(path: string, body: unknown, who = manager, headers: Record<string, string> = {}) {
  const response = await api.call('POST', path, { actor: who, body, headers });
  if (response.status === 201) last = response.body.position as string;
  return response;
}
async function must(path: string, body: unknown, who = manager): Promise<void> {
  const response = await post(path, body, who);
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
}
const pay = (receivableId: string, paymentId: string, amount: number, receivedOn: string) =>
  must(
    `/receivables/${receivableId}/payments`,
    { paymentId, amount: { amount, currency: 'CNY' }, receivedOn, method: 'bank_transfer' },
    finance,
  );
const read = (query: string, who = manager) =>
  api.call('GET', `/reports/commissions${query}`, { actor: who, headers: { 'x-min-position': last } });
const brief = (rows: Record<string, unknown>[]) =>
  rows.map((r) => [r['rep_id'], r['base'], r['commission'], r['clawbacks'], r['total']]);
const APPROVE = '/commission-statements/2026-03/approval';
const CONFIRM = '/commission-statements/2026-03/confirmation';

beforeAll(async () => {
  api = await startTestApi({}, () => new Date(NOW));
  await api.at('2026-03-01T02:00:00.000Z', async () => {
    await must('/commission-plans/east-2026/versions', {
      effectiveFrom: '2026-03',
      name: '华东提成方案',
      covers: { kind: 'regions', ids: ['east'] },
      currency: 'CNY',
      tiers: [
        { fromBps: 0, rateBps: 200 },
        { fromBps: 10_000, rateBps: 300 },
      ],
      accelerators: [{ aboveBps: 12_000, rateBps: 500 }],
      clawback: { writeOffs: true, creditNotes: true },
    });
    await must('/targets', {
      month: '2026-03',
      scope: 'rep',
      scopeId: 'rep-1',
      region: 'east',
      amount: 100_000,
      currency: 'CNY',
    });
  });
  await api.at('2026-03-02T02:00:00.000Z', async () => {
    for (const [id, repId, amount] of [
      ['r-1', 'rep-1', 200_000],
      ['r-2', 'rep-2', 50_000],
    ] as const) {
      await must(
        '/receivables',
        {
          receivableId: id,
          orderId: `o-${id}`,
          customerId: 'c-1',
          repId,
          region: 'east',
          amount: { amount, currency: 'CNY' },
          issueDate: '2026-03-02',
          dueDate: '2026-04-30',
        },
        finance,
      );
    }
  });
  await api.at('2026-03-25T02:00:00.000Z', async () => {
    await pay('r-1', 'p-1', 80_000, '2026-03-10');
    await pay('r-1', 'p-2', 50_000, '2026-03-20');
    await pay('r-2', 'p-3', 20_000, '2026-03-15');
  });
  await read('?month=2026-03&groupBy=rep');
}, 60_000);
afterAll(() => api.close());

describe('approving a commission statement', () => {
  it("is for the sales manager, from the month's last day on; every other role gets 403 and nothing is written", async () => {
    const before = await api.store.headPosition();
    const early = await api.at('2026-03-20T02:00:00.000Z', () => post(APPROVE, {}));
    expect([early.status, early.body.code]).toEqual([409, 'COMMISSION_STATEMENT_TOO_EARLY']);
    const zh = await api.at('2026-03-20T02:00:00.000Z', () =>
      post(APPROVE, {}, manager, { 'accept-language': 'zh-CN' }),
    );
    expect(zh.body.message).toBe('2026-03 的提成结算单须从 2026-03-31 起审批');
    for (const who of [rep, eastManager, analyst, finance, auditor])
      expect([who.role, (await post(APPROVE, {}, who)).status]).toEqual([who.role, 403]);
    const notYet = await post(CONFIRM, {}, finance);
    expect([notYet.status, notYet.body.code]).toEqual([409, 'COMMISSION_STATEMENT_NOT_APPROVED']);
    expect((await post('/commission-statements/2026-13/approval', {})).status).toBe(400);
    expect(await api.store.headPosition()).toBe(before);
  });

  it('keeps the figures as approved: rep-1 120,000 x 3% + 10,000 x 5% = 4,100; rep-2 2% of 20,000 = 400', async () => {
    expect((await post(APPROVE, {})).status).toBe(201);
    const [approved] = await api.store.readStream('statement-2026-03');
    expect(approved?.type).toBe('CommissionStatementApproved');
    const figures = (
      approved?.data as { figures: { rows: Record<string, unknown>[]; included: unknown[]; position: string } }
    ).figures;
    expect(
      figures.rows.map((r) => [r['repId'], r['base'], r['attainmentBps'], r['tier'], r['commission'], r['total']]),
    ).toEqual([
      ['rep-1', 130_000, 13_000, 2, 4_100, 4_100],
      ['rep-2', 20_000, null, 1, 400, 400],
    ]);
    expect(figures.included).toEqual([
      { stream: 'receivable-r-1', revision: 2 },
      { stream: 'receivable-r-2', revision: 1 },
    ]);
    expect(BigInt(figures.position)).toBeLessThan(BigInt(last));
    const again = await post(APPROVE, {});
    expect([again.status, again.body.code]).toEqual([409, 'COMMISSION_STATEMENT_ALREADY_APPROVED']);
  });

  it('answers the frozen figures after a later payment dated in March (counted in March it would make 4,600)', async () => {
    await pay('r-1', 'p-4', 10_000, '2026-03-31');
    const march = await read('?month=2026-03&groupBy=rep');
    expect(commissionsReport.route.response?.safeParse(march.body).success).toBe(true);
    expect(brief(march.body.rows)).toEqual([
      ['rep-1', 130_000, 4_100, 0, 4_100],
      ['rep-2', 20_000, 400, 0, 400],
    ]);
    expect(march.body).toMatchObject({
      frozen: true,
      approval: { approvedBy: 'sm-1', confirmedBy: null, position: expect.stringMatching(/^\d+$/) },
    });
    expect((await read('?month=2026-03&groupBy=region')).body.rows).toEqual([
      { region: 'east', currency: 'CNY', reps: 2, base: 150_000, commission: 4_500, clawbacks: 0, total: 4_500 },
    ]);
  });

  it('counts the later March payment in April as an adjustment: no April target, 2% of 10,000 = 200', async () => {
    const april = await read('?month=2026-04&groupBy=rep');
    expect(april.body).toMatchObject({ frozen: false, approval: null });
    expect(brief(april.body.rows)).toEqual([['rep-1', 10_000, 200, 0, 200]]);
    const lines = async (month: string) =>
      (await read(`/lines?rep=rep-1&month=${month}`, rep)).body.rows.map((l: Record<string, unknown>) => [
        l['amount'],
        l['dated_on'],
        l['adjusted_from'],
        l['commission'],
      ]);
    // March's lines are the ones approved: shares of 4,100 over 130,000 are 2,523.08 and 1,576.92.
    expect(await lines('2026-03')).toEqual([
      [80_000, '2026-03-10', null, 2_523],
      [50_000, '2026-03-20', null, 1_577],
    ]);
    expect(await lines('2026-04')).toEqual([[10_000, '2026-03-31', '2026-03', 200]]);
  });

  it('is confirmed by finance, never by the approver, once', async () => {
    const self = await post(CONFIRM, {}, approverAsFinance);
    expect([self.status, self.body.code]).toEqual([409, 'COMMISSION_STATEMENT_SAME_PERSON']);
    for (const who of [manager, eastManager, rep])
      expect([who.role, (await post(CONFIRM, {}, who)).status]).toEqual([who.role, 403]);
    expect((await post(CONFIRM, {}, finance)).status).toBe(201);
    const twice = await post(CONFIRM, {}, finance);
    expect([twice.status, twice.body.code]).toEqual([409, 'COMMISSION_STATEMENT_ALREADY_CONFIRMED']);
    expect((await read('?month=2026-03&groupBy=rep')).body.approval).toMatchObject({
      approvedBy: 'sm-1',
      confirmedBy: 'fin-1',
    });
  });

  it('shows each reader the frozen rows of their scope', async () => {
    expect(brief((await read('?month=2026-03&groupBy=rep', rep)).body.rows)).toEqual([
      ['rep-1', 130_000, 4_100, 0, 4_100],
    ]);
    expect(brief((await read('?month=2026-03&groupBy=rep', otherRep)).body.rows)).toEqual([
      ['rep-2', 20_000, 400, 0, 400],
    ]);
    expect((await read('?month=2026-03&groupBy=rep', eastManager)).body.rows).toHaveLength(2);
    expect((await read('?month=2026-03&groupBy=rep', westManager)).body).toMatchObject({ rows: [], frozen: true });
    for (const who of [finance, auditor])
      expect((await read('?month=2026-03&groupBy=rep', who)).body.rows).toHaveLength(2);
    expect((await read('?month=2026-03&groupBy=rep', analyst)).status).toBe(403);
  });
});
