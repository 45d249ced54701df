import { commandPoster, paymentBody as payment, seedEastMarch } from './testing/commands.js';
import { people } from './testing/fixtures.js';
import { actor, startTestApi, type TestApi } from './testing/test-app.js';

// Quarterly evaluations (issue 20 step 4) over real HTTP: the east regional manager evaluates rep-1 for 2026 Q1 from the
// scorecard frozen at opening, a sales manager assesses, the regional manager finalises, the rep acknowledges; each role
// reads what its scope holds.
let api: TestApi;
const { finance, manager, rep, otherRep, eastManager, analyst, auditor } = people;
const westManager = actor('rm-west', 'regional_manager', 'west');
const westRep = actor('rep-3', 'sales_rep', 'west');
const NOW = '2026-04-02T02:00:00.000Z';
const Q1 = { repId: 'rep-1', quarter: '2026-Q1' };
const { post, must, last } = commandPoster(() => api, eastManager);

/** Reads with the read models holding every event so far. */
const get = (path: string, who = manager) =>
  api.call('GET', path, { actor: who, headers: { 'x-min-position': last() } });
const assessment = {
  ...Q1,
  rating: 4,
  strengths: 'Closed the Company c-1 order early in March',
  actions: [{ action: 'Collect the rest of r-1 before it falls due', dueOn: '2026-04-30' }],
  outcomes: [
    { kind: 'bonus', amount: 300_000, currency: 'CNY', note: 'Q1 over plan' },
    { kind: 'recognition', note: 'East rep of the quarter' },
  ],
};
type ScorecardMonth = { month: string; rows: { currencies: { booked: number; collected: number }[] }[] };
const marchOf = (row: { snapshot: { scorecards: ScorecardMonth[] } }) =>
  row.snapshot.scorecards.find((month) => month.month === '2026-03')?.rows[0]?.currencies[0];

beforeAll(async () => {
  api = await startTestApi({}, () => new Date(NOW));
  await seedEastMarch(api, must);
  await get('/reports/reps/rep-1/scorecard?month=2026-03');
}, 60_000);
afterAll(() => api.close());

describe('opening an evaluation', () => {
  it("is for the rep's managers, from the quarter's last day on", async () => {
    expect((await api.at('2026-03-20T02:00:00.000Z', () => post('/evaluations', Q1))).body.code).toBe(
      'EVALUATION_TOO_EARLY',
    );
    expect((await post('/evaluations', Q1, westManager)).body.code).toBe('FORBIDDEN_SCOPE');
    expect((await post('/evaluations', { repId: 'nobody', quarter: '2026-Q1' }, manager)).body.code).toBe(
      'REP_NOT_REGISTERED',
    );
    for (const who of [rep, analyst, finance, auditor])
      expect([who.role, (await post('/evaluations', Q1, who)).status]).toEqual([who.role, 403]);
    expect((await post('/evaluations', { repId: 'rep-1', quarter: '2026-Q5' })).status).toBe(400);
  });

  it("freezes the quarter's scorecards with their position while later payments move the live one", async () => {
    expect((await post('/evaluations', Q1)).status).toBe(201);
    const openedAt = last();
    expect((await post('/evaluations', Q1, manager)).body.code).toBe('EVALUATION_ALREADY_OPENED');
    await must('/receivables/r-1/payments', payment('p-2', 1_000, '2026-03-25'), finance);
    expect((await get('/reports/reps/rep-1/scorecard?month=2026-03')).body.rows[0].currencies[0].collected).toBe(5_000);
    const [row] = (await get('/evaluations/rep-1/2026-Q1')).body.rows;
    expect(row.snapshot.scorecards.map((month: ScorecardMonth) => month.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(marchOf(row)).toMatchObject({ booked: 19_500, collected: 4_000 });
    expect(BigInt(row.snapshot.position)).toBeLessThan(BigInt(openedAt));
    expect(row).toMatchObject({
      rep_id: 'rep-1',
      quarter: '2026-Q1',
      region: 'east',
      status: 'open',
      rating: null,
      opened_by: 'rm-east',
    });
  });
});

describe('assessing, finalising and acknowledging', () => {
  it('records the assessment and refuses rewards a rating does not earn, in Chinese when asked', async () => {
    const refused = await post('/evaluations/assessment', { ...assessment, rating: 3 }, manager, {
      'accept-language': 'zh-CN',
    });
    expect([refused.status, refused.body.code, refused.body.message]).toEqual([
      409,
      'EVALUATION_REWARD_NEEDS_RATING',
      '奖金或表彰须评级 4 或以上（本次评级 3）',
    ]);
    expect(
      (
        await post(
          '/evaluations/assessment',
          { ...assessment, outcomes: [{ kind: 'bonus', amount: 1.5, currency: 'CNY', note: 'x' }] },
          manager,
        )
      ).status,
    ).toBe(400);
    expect((await post('/evaluations/assessment', assessment, manager)).status).toBe(201);
    const [row] = (await get('/evaluations/rep-1/2026-Q1', eastManager)).body.rows;
    expect(row).toMatchObject({
      rating: 4,
      strengths: assessment.strengths,
      actions: assessment.actions,
      outcomes: assessment.outcomes,
      assessed_by: 'sm-1',
    });
  });

  it('finalises by a manager, then only the rep acknowledges, once', async () => {
    expect((await post('/evaluations/acknowledgement', Q1, rep)).body.code).toBe('EVALUATION_NOT_FINALISED');
    expect((await post('/evaluations/finalisation', Q1, rep)).status).toBe(403);
    expect((await post('/evaluations/finalisation', Q1)).status).toBe(201);
    expect((await post('/evaluations/assessment', assessment, manager)).body.code).toBe('EVALUATION_FINALISED');
    expect((await post('/evaluations/acknowledgement', Q1, otherRep)).body.code).toBe('FORBIDDEN_SCOPE');
    expect((await post('/evaluations/acknowledgement', Q1, eastManager)).status).toBe(403);
    expect(
      (await post('/evaluations/acknowledgement', { ...Q1, comment: 'Agreed; r-1 is on my list' }, rep)).status,
    ).toBe(201);
    expect((await post('/evaluations/acknowledgement', Q1, rep)).body.code).toBe('EVALUATION_ALREADY_ACKNOWLEDGED');
    const [row] = (await get('/evaluations/rep-1/2026-Q1', rep)).body.rows;
    expect(row).toMatchObject({
      status: 'acknowledged',
      finalised_by: 'rm-east',
      acknowledgement: 'Agreed; r-1 is on my list',
    });
  });
});

describe('reading evaluations', () => {
  beforeAll(async () => {
    await must('/evaluations', { repId: 'rep-3', quarter: '2026-Q1' }, westManager);
  });
  const keys = async (path: string, who: typeof rep) =>
    (await get(path, who)).body.rows.map((row: { rep_id: string; quarter: string }) => `${row.rep_id} ${row.quarter}`);

  it("gives a rep their own, a regional manager their region's, sales managers and auditors all", async () => {
    expect(await keys('/evaluations', rep)).toEqual(['rep-1 2026-Q1']);
    expect(await keys('/evaluations', otherRep)).toEqual([]);
    expect(await keys('/evaluations', westRep)).toEqual(['rep-3 2026-Q1']);
    expect(await keys('/evaluations?year=2026', eastManager)).toEqual(['rep-1 2026-Q1']);
    expect(await keys('/evaluations', westManager)).toEqual(['rep-3 2026-Q1']);
    for (const who of [manager, auditor])
      expect(await keys('/evaluations?year=2026', who)).toEqual(['rep-1 2026-Q1', 'rep-3 2026-Q1']);
    expect(await keys('/evaluations?rep=rep-3', manager)).toEqual(['rep-3 2026-Q1']);
    expect(await keys('/evaluations?year=2025', manager)).toEqual([]);
    expect(await keys('/evaluations/rep-1/2026-Q1', westManager)).toEqual([]);
  });

  it("refuses a rep another rep's evaluations, and the roles that do not judge people", async () => {
    expect((await get('/evaluations?rep=rep-1', otherRep)).body.code).toBe('FILTER_NOT_AUTHORIZED');
    expect((await get('/evaluations/rep-1/2026-Q1', otherRep)).status).toBe(403);
    for (const who of [analyst, finance])
      expect([who.role, (await get('/evaluations', who)).status]).toEqual([who.role, 403]);
    expect((await get('/evaluations?year=26', manager)).status).toBe(400);
    expect((await get('/evaluations/rep-1/2026-Q9', manager)).status).toBe(400);
  });
});
