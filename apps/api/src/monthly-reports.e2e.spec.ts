import { seedEastMarch } from './testing/commands.js';
import { people } from './testing/fixtures.js';
import { actor, startTestApi, type TestApi } from './testing/test-app.js';

// Submitted monthly reports (issue 20): the east regional manager submits March with a commentary, the figures are
// kept as they stood (with their position), the sales manager returns it, the resubmission carries the new figures.
let api: TestApi;
const { finance, manager, rep, eastManager, analyst, auditor } = people;
const westManager = actor('rm-west', 'regional_manager', 'west');
const NOW = '2026-04-01T02:00:00.000Z';
let last = '0';

async function post(path: string, body: unknown, who = eastManager) {
  const response = await api.call('POST', path, { actor: who, body });
  if (response.status === 201) last = response.body.position as string;
  return response;
}
async function must(path: string, body: unknown, who = manager): Promise<void> {
  const response = await post(path, body, who);
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
}
/** Waits until the read models have every event so far: what a submission reads is then known. */
const caughtUp = () =>
  api.call('GET', '/reports/collections/summary?month=2026-03', {
    actor: manager,
    headers: { 'x-min-position': last },
  });
const list = (who = manager) => api.call('GET', '/monthly-reports?month=2026-03', { actor: who });
const payment = (paymentId: string, amount: number, receivedOn: string) => ({
  paymentId,
  amount: { amount, currency: 'CNY' },
  receivedOn,
  method: 'bank_transfer',
});
const figuresOf = (row: {
  figures: {
    sales: { group: string; currencies: { booked: number }[] }[];
    collections: { group: string; collected: number }[];
    plan: { group: string; period: string; measure: string; target: number; actual: number }[];
    position: string;
  };
}) => ({
  booked: row.figures.sales.map((r) => [r.group, r.currencies[0]?.booked]),
  collected: row.figures.collections.map((r) => [r.group, r.collected]),
  plan: row.figures.plan.map((r) => [r.group, r.period, r.measure, r.target, r.actual]),
});

beforeAll(async () => {
  api = await startTestApi({}, () => new Date(NOW));
  // Booked on 2 March: 19500; 4000 paid on 20 March. East's March target is 30000, rep-1's Q1 collected target 10000.
  await seedEastMarch(api, must);
  const target = { currency: 'CNY', region: 'east' };
  await must('/targets', { ...target, period: '2026-03', scope: 'region', scopeId: 'east', amount: 30_000 });
  await must('/targets', {
    ...target,
    period: '2026-Q1',
    measure: 'collected',
    scope: 'rep',
    scopeId: 'rep-1',
    amount: 10_000,
  });
  await caughtUp();
}, 60_000);
afterAll(() => api.close());

describe("submitting a region's monthly report", () => {
  it("is for the month's last day on, by the regional manager of the region only", async () => {
    const early = await api.at('2026-03-20T02:00:00.000Z', () =>
      post('/monthly-reports', { month: '2026-03', region: 'east', commentary: 'early' }),
    );
    expect(early.body.code).toBe('MONTHLY_REPORT_TOO_EARLY');
    expect(
      (await post('/monthly-reports', { month: '2026-03', region: 'east', commentary: 'not mine' }, westManager)).body
        .code,
    ).toBe('FORBIDDEN_SCOPE');
    for (const who of [rep, manager, finance])
      expect([
        who.role,
        (await post('/monthly-reports', { month: '2026-03', region: 'east', commentary: 'x' }, who)).status,
      ]).toEqual([who.role, 403]);
    expect((await post('/monthly-reports', { month: '2026-03', region: 'east', commentary: '   ' })).status).toBe(400);
  });

  it('keeps the figures as they stood, with their position, while later facts move the live report', async () => {
    expect(
      (
        await post('/monthly-reports', {
          month: '2026-03',
          region: 'east',
          commentary: 'East booked 19500; one payment of 4000 in',
        })
      ).status,
    ).toBe(201);
    const submittedAt = last;
    await must('/receivables/r-1/payments', payment('p-2', 1_000, '2026-03-25'), finance);
    expect((await caughtUp()).body.rows[0].collected).toBe(5_000);
    const [east, west] = (await list()).body.reports;
    expect(east).toMatchObject({
      region: 'east',
      status: 'submitted',
      submission: 1,
      commentary: 'East booked 19500; one payment of 4000 in',
      submittedBy: 'rm-east',
    });
    // The plan attainment of the region and its reps, as it stood: the later payment is not in Q1's collected.
    expect(figuresOf(east)).toEqual({
      booked: [['rep-1', 19_500]],
      collected: [['rep-1', 4_000]],
      plan: [
        ['east', '2026-03', 'booked', 30_000, 19_500],
        ['rep-1', '2026-Q1', 'collected', 10_000, 4_000],
      ],
    });
    expect(BigInt(east.figures.position)).toBeLessThan(BigInt(submittedAt));
    expect(west).toMatchObject({ region: 'west', status: 'none', figures: null });
  });

  it('is returned with a reason, resubmitted with the figures of then, and accepted once', async () => {
    expect((await post('/monthly-reports', { month: '2026-03', region: 'east', commentary: 'again' })).body.code).toBe(
      'MONTHLY_REPORT_PENDING',
    );
    expect(
      (
        await post(
          '/monthly-reports/return',
          { month: '2026-03', region: 'east', reason: 'the payment of 25 March is missing' },
          manager,
        )
      ).status,
    ).toBe(201);
    expect((await list(eastManager)).body.reports).toMatchObject([
      { status: 'returned', returnReason: 'the payment of 25 March is missing', decidedBy: 'sm-1' },
    ]);
    expect(
      (
        await post('/monthly-reports', {
          month: '2026-03',
          region: 'east',
          commentary: 'East booked 19500; 5000 collected',
        })
      ).status,
    ).toBe(201);
    const [east] = (await list()).body.reports;
    expect([east.submission, figuresOf(east)]).toEqual([
      2,
      {
        booked: [['rep-1', 19_500]],
        collected: [['rep-1', 5_000]],
        plan: [
          ['east', '2026-03', 'booked', 30_000, 19_500],
          ['rep-1', '2026-Q1', 'collected', 10_000, 5_000],
        ],
      },
    ]);
    expect((await post('/monthly-reports/acceptance', { month: '2026-03', region: 'east' }, eastManager)).status).toBe(
      403,
    );
    expect((await post('/monthly-reports/acceptance', { month: '2026-03', region: 'east' }, manager)).status).toBe(201);
    expect(
      (await post('/monthly-reports', { month: '2026-03', region: 'east', commentary: 'once more' })).body.code,
    ).toBe('MONTHLY_REPORT_ALREADY_ACCEPTED');
  });

  it('is listed to managers in their scope, analysts and auditors, not to reps or finance', async () => {
    expect((await list(eastManager)).body.reports.map((r: { region: string }) => r.region)).toEqual(['east']);
    expect(
      (await list(westManager)).body.reports.map((r: { region: string; status: string }) => [r.region, r.status]),
    ).toEqual([['west', 'none']]);
    for (const who of [analyst, auditor])
      expect((await list(who)).body.reports.map((r: { region: string }) => r.region)).toEqual(['east', 'west']);
    for (const who of [rep, finance]) expect((await list(who)).status).toBe(403);
    expect((await api.call('GET', '/monthly-reports?month=2026-3', { actor: manager })).status).toBe(400);
  });
});
