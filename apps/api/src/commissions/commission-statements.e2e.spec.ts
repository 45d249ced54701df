import { people } from '../testing/fixtures.js';
import { actor, startTestApi, type TestApi } from '../testing/test-app.js';
import { commissionLinesReport, commissionsReport } from '../reports/commissions.report.js';

// Commission statements over HTTP, every figure computed by hand: a plan of 2% (3% from 100% of target, 5% on the part
// above 120%), payments in March, March closed, a late payment and a write-off in April.
let api: TestApi;
const { finance, manager, rep, otherRep, eastManager, analyst, auditor } = people;
const westManager = actor('rm-west', 'regional_manager', 'west');
const NOW = '2026-04-02T02:00:00.000Z';
let last = '0';
let latePosition = '';

async function must(path: string, body: unknown, who = manager): Promise<string> {
  const response = await api.call('POST', path, { actor: who, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  last = response.body.position as string;
  return last;
}
const receivable = (receivableId: string, repId: string, amount: number) =>
  must(
    '/receivables',
    {
      receivableId,
      orderId: `o-${receivableId}`,
      customerId: 'c-1',
      repId,
      region: 'east',
      amount: { amount, currency: 'CNY' },
      issueDate: '2026-03-02',
      dueDate: '2026-04-30',
    },
    finance,
  );
const pay = (receivableId: string, paymentId: string, amount: number, receivedOn: string) =>
  must(
    `/receivables/${receivableId}/payments`,
    { paymentId, amount: { amount, currency: 'CNY' }, receivedOn, method: 'bank_transfer' },
    finance,
  );
const read = (query: string, who = manager) =>
  api.call('GET', `/reports/commissions${query}`, { actor: who, headers: { 'x-min-position': last } });

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
    await receivable('r-1', 'rep-1', 200_000);
    await receivable('r-2', 'rep-2', 50_000);
  });
  await api.at('2026-03-25T02:00:00.000Z', async () => {
    await pay('r-1', 'p-1', 80_000, '2026-03-10');
    await pay('r-1', 'p-2', 50_000, '2026-03-20');
    await pay('r-2', 'p-3', 20_000, '2026-03-15');
  });
  await must('/periods/2026-03/closure', {}, finance);
  // Dated 31 March, recorded on 2 April after the close: it counts in April.
  latePosition = await pay('r-1', 'p-4', 10_000, '2026-03-31');
  await must('/receivables/r-2/write-off-request', { reason: '客户破产' }, finance);
  await must('/receivables/r-2/write-off-approval', {});
}, 60_000);
afterAll(() => api.close());

describe('commission statements', () => {
  it('pays March by the plan: rep-1 130,000 of 100,000 is 130%, 120,000 x 3% + 10,000 x 5% = 4,100; rep-2 has no target, 2% of 20,000 = 400', async () => {
    const march = await read('?month=2026-03&groupBy=rep');
    expect(march.status).toBe(200);
    expect(commissionsReport.route.response?.safeParse(march.body).success).toBe(true);
    expect(march.body.rows).toEqual([
      {
        rep_id: 'rep-1',
        region: 'east',
        plan_id: 'east-2026',
        plan_version: 1,
        currency: 'CNY',
        base: 130_000,
        target: 100_000,
        attainment_bps: 13_000,
        tier: 2,
        rate_bps: 300,
        commission: 4_100,
        clawbacks: 0,
        total: 4_100,
      },
      {
        rep_id: 'rep-2',
        region: 'east',
        plan_id: 'east-2026',
        plan_version: 1,
        currency: 'CNY',
        base: 20_000,
        target: null,
        attainment_bps: null,
        tier: 1,
        rate_bps: 200,
        commission: 400,
        clawbacks: 0,
        total: 400,
      },
    ]);
    const regions = await read('?month=2026-03&groupBy=region');
    expect(regions.body.rows).toEqual([
      { region: 'east', currency: 'CNY', reps: 2, base: 150_000, commission: 4_500, clawbacks: 0, total: 4_500 },
    ]);
  });

  it('counts the late payment in April (2% of 10,000 = 200) and claws back the 400 paid on the written-off receivable', async () => {
    const april = await read('?month=2026-04&groupBy=rep');
    expect(
      april.body.rows.map((r: Record<string, unknown>) => [
        r['rep_id'],
        r['base'],
        r['commission'],
        r['clawbacks'],
        r['total'],
      ]),
    ).toEqual([
      ['rep-1', 10_000, 200, 0, 200],
      ['rep-2', 0, 0, 400, -400],
    ]);
  });

  it('traces each line to its event: stream, revision and position, the late payment with its own date', async () => {
    const lines = await read('/lines?rep=rep-1&month=2026-04', rep);
    expect(commissionLinesReport.route.response?.safeParse(lines.body).success).toBe(true);
    expect(lines.body.rows).toEqual([
      expect.objectContaining({
        stream_name: 'receivable-r-1',
        revision: 3,
        event_position: latePosition,
        event_type: 'PaymentReceived',
        amount: 10_000,
        dated_on: '2026-03-31',
        counted_on: '2026-04-02',
        late: true,
        commission: 200,
        clawback: null,
      }),
    ]);
    const march = await read('/lines?rep=rep-1&month=2026-03', eastManager);
    expect(
      march.body.rows.map((l: Record<string, unknown>) => [
        l['stream_name'],
        l['revision'],
        l['amount'],
        l['commission'],
      ]),
    ).toEqual([
      // Shares of 4,100 over 130,000: 80,000 -> 2,523.08, 50,000 -> 1,576.92.
      ['receivable-r-1', 1, 80_000, 2_523],
      ['receivable-r-1', 2, 50_000, 1_577],
    ]);
  });

  it('shows a rep their own statement only, a regional manager their region, finance and auditors all; not analysts', async () => {
    expect((await read('?month=2026-03&groupBy=rep', rep)).body.rows.map((r: { rep_id: string }) => r.rep_id)).toEqual([
      'rep-1',
    ]);
    expect(
      (await read('?month=2026-03&groupBy=rep', otherRep)).body.rows.map((r: { rep_id: string }) => r.rep_id),
    ).toEqual(['rep-2']);
    const foreign = await read('/lines?rep=rep-2&month=2026-03', rep);
    expect([foreign.status, foreign.body.code]).toEqual([403, 'FILTER_NOT_AUTHORIZED']);
    expect((await read('?month=2026-03&groupBy=rep', westManager)).body.rows).toEqual([]);
    expect((await read('/lines?rep=rep-1&month=2026-03', westManager)).body.rows).toEqual([]);
    for (const who of [finance, auditor])
      expect((await read('?month=2026-03&groupBy=rep', who)).body.rows).toHaveLength(2);
    expect((await read('?month=2026-03&groupBy=rep', analyst)).status).toBe(403);
  });

  it('answers 400 for a bad month or grouping', async () => {
    expect((await read('?month=2026-3&groupBy=rep')).status).toBe(400);
    expect((await read('?month=2026-03&groupBy=customer')).status).toBe(400);
    expect((await read('/lines?month=2026-03')).status).toBe(400);
  });
});
