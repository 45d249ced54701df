import { actor, startTestApi, type TestApi } from '../testing/test-app.js';

// Commission plans over HTTP: who may set them, versions forward only, and that refused or bad input writes nothing.
const sm = actor('sm-1', 'sales_manager');
const rmEast = actor('rm-east', 'regional_manager', 'east');
const rep = actor('rep-1', 'sales_rep', 'east');
const finance = actor('fin-1', 'finance');
const analyst = actor('an-1', 'market_analyst');
const leftManager = actor('sm-9', 'sales_manager');

const terms = {
  name: '华东提成方案',
  covers: { kind: 'regions', ids: ['east'] },
  currency: 'CNY',
  tiers: [
    { fromBps: 0, rateBps: 200 },
    { fromBps: 10_000, rateBps: 300 },
  ],
  accelerators: [{ aboveBps: 12_000, rateBps: 500 }],
  clawback: { writeOffs: true, creditNotes: true },
};

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const post = (path: string, body: unknown, who = sm, headers: Record<string, string> = {}) =>
  api.call('POST', path, { actor: who, body, headers });
const planEvents = async () =>
  (await api.store.readStream('commission-plans')).map((event) => [
    event.type,
    (event.data as { version?: number }).version ?? null,
  ]);

describe('commission plans', () => {
  it('sets versions from the current month on, and ends a plan', async () => {
    expect((await post('/commission-plans/east-2026/versions', { ...terms, effectiveFrom: '2026-03' })).status).toBe(
      201,
    );
    expect(
      (
        await post('/commission-plans/east-2026/versions', {
          ...terms,
          effectiveFrom: '2026-06',
          tiers: [{ fromBps: 0, rateBps: 250 }],
        })
      ).status,
    ).toBe(201);
    expect((await post('/commission-plans/east-2026/ending', { from: '2027-01' })).status).toBe(201);
    expect(await planEvents()).toEqual([
      ['CommissionPlanVersionSet', 1],
      ['CommissionPlanVersionSet', 2],
      ['CommissionPlanEnded', null],
    ]);
  });

  it('refuses the past, a version before the latest, an overlap and an unknown plan, and writes nothing', async () => {
    const before = await api.store.headPosition();
    const past = await post('/commission-plans/west/versions', {
      ...terms,
      covers: { kind: 'regions', ids: ['west'] },
      effectiveFrom: '2026-02',
    });
    expect([past.status, past.body.code]).toEqual([409, 'COMMISSION_PLAN_MONTH_PAST']);
    const overlap = await post('/commission-plans/east-b/versions', { ...terms, effectiveFrom: '2026-04' });
    expect([overlap.status, overlap.body.code]).toEqual([409, 'COMMISSION_PLAN_OVERLAP']);
    const ended = await post('/commission-plans/east-2026/versions', { ...terms, effectiveFrom: '2027-02' });
    expect([ended.status, ended.body.code]).toEqual([409, 'COMMISSION_PLAN_ENDED']);
    const missing = await post('/commission-plans/nope/ending', { from: '2026-05' });
    expect([missing.status, missing.body.code]).toEqual([404, 'COMMISSION_PLAN_NOT_FOUND']);
    const bad = await post('/commission-plans/west/versions', {
      ...terms,
      tiers: [{ fromBps: 100, rateBps: 20_000 }],
      effectiveFrom: '2026-04',
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'INVALID_INPUT']);
    expect(await api.store.headPosition()).toBe(before);
  });

  it('is set by the sales manager only: other roles get 403 before anything is read, and so does a manager off the register', async () => {
    for (const who of [rmEast, rep, finance, analyst]) {
      const refused = await post(
        '/commission-plans/west/versions',
        { ...terms, covers: { kind: 'regions', ids: ['west'] }, effectiveFrom: '2026-04' },
        who,
      );
      expect([who.role, refused.status, refused.body.code]).toEqual([who.role, 403, 'ROLE_NOT_ALLOWED']);
    }
    const unregistered = await post(
      '/commission-plans/west/versions',
      { ...terms, covers: { kind: 'regions', ids: ['west'] }, effectiveFrom: '2026-04' },
      leftManager,
    );
    expect([unregistered.status, unregistered.body.code]).toEqual([403, 'ACTOR_NOT_REGISTERED']);
  });

  it('answers in Chinese when asked', async () => {
    const refused = await post(
      '/commission-plans/west/versions',
      { ...terms, covers: { kind: 'regions', ids: ['west'] }, effectiveFrom: '2026-01' },
      sm,
      { 'accept-language': 'zh-CN' },
    );
    expect(refused.body.message).toBe('2026-01 已开始或已过去：提成方案只能从当月起变更，不能改写过去');
  });
});
