import { people } from '../testing/fixtures.js';
import { actor, startTestApi, type TestApi } from '../testing/test-app.js';

// Splitting a region's target across its reps over HTTP, per role: the sum checked, one event on the region target's
// stream, the parts read as the reps' targets in the plan attainment. The API's clock is 2026-03-01.
let api: TestApi;
const westManager = actor('rm-west', 'regional_manager', 'west');
const REGION_STREAM = 'target-2026-Q2-region-east';
const parts = [
  { repId: 'rep-1', amount: 10_000 },
  { repId: 'rep-2', amount: 20_000 },
];
const split = (body: object, who = people.eastManager, headers: Record<string, string> = {}) =>
  api.call('POST', '/targets/splits', { actor: who, body: { period: '2026-Q2', region: 'east', ...body }, headers });
const answer = async (body: object, who = people.eastManager) => {
  const reply = await split(body, who);
  return [reply.status, reply.body.code];
};
const storedTypes = async () => (await api.store.readStream(REGION_STREAM)).map((event) => event.type);

beforeAll(async () => {
  api = await startTestApi();
  const set = await api.call('POST', '/targets', {
    actor: people.manager,
    body: { period: '2026-Q2', scope: 'region', scopeId: 'east', amount: 30_000, currency: 'CNY' },
  });
  if (set.status !== 201) throw new Error(`region target: ${set.status} ${JSON.stringify(set.body)}`);
}, 60_000);
afterAll(() => api.close());

describe('POST /targets/splits', () => {
  it('refuses parts that do not sum to the region target, in both languages, writing nothing', async () => {
    const over = [parts[0], { repId: 'rep-2', amount: 20_001 }];
    const en = await split({ parts: over });
    expect([en.status, en.body.code, en.body.details]).toEqual([
      409,
      'TARGET_SPLIT_SUM_MISMATCH',
      { sum: 30_001, target: 30_000, difference: 1 },
    ]);
    expect(en.body.message).toBe('the parts sum to 30001, the region target is 30000');
    const zh = await split({ parts: over }, people.eastManager, { 'accept-language': 'zh-CN' });
    expect([zh.status, zh.body.message]).toEqual([409, '各销售专员的目标之和不等于区域目标']);
    expect(await storedTypes()).toEqual(['SalesTargetSet']);
  });

  it('refuses a rep twice, a rep of another region, another currency and a region target not set', async () => {
    expect(await answer({ parts: [...parts, { repId: 'rep-1', amount: 1 }] })).toEqual([
      409,
      'TARGET_SPLIT_REP_REPEATED',
    ]);
    expect(await answer({ parts: [parts[0], { repId: 'rep-3', amount: 20_000 }] })).toEqual([
      409,
      'REP_NOT_REGISTERED',
    ]);
    expect(await answer({ parts, currency: 'USD' })).toEqual([409, 'TARGET_SPLIT_CURRENCY_MISMATCH']);
    expect(await answer({ parts, period: '2026-Q3' }, people.manager)).toEqual([404, 'TARGET_NOT_SET']);
    expect(await answer({ parts: [] })).toEqual([400, 'INVALID_INPUT']);
    expect(await storedTypes()).toEqual(['SalesTargetSet']);
  });

  it("refuses a rep, finance, an analyst and another region's manager, whether or not the target exists", async () => {
    expect(await answer({ parts }, people.rep)).toEqual([403, 'ROLE_NOT_ALLOWED']);
    expect(await answer({ parts }, people.finance)).toEqual([403, 'ROLE_NOT_ALLOWED']);
    expect(await answer({ parts }, people.analyst)).toEqual([403, 'ROLE_NOT_ALLOWED']);
    expect(await answer({ parts }, westManager)).toEqual([403, 'FORBIDDEN_SCOPE']);
    expect(await answer({ parts, period: '2026-Q3' }, westManager)).toEqual([403, 'FORBIDDEN_SCOPE']);
    expect(await storedTypes()).toEqual(['SalesTargetSet']);
  });

  it("records the region's manager's split as one event on the region target's stream; the same again is a no-op", async () => {
    const reply = await split({ parts });
    expect([reply.status, reply.body.streamName, reply.body.events]).toEqual([
      201,
      REGION_STREAM,
      ['SalesTargetSplit'],
    ]);
    expect((await split({ parts }, people.manager)).status).toBe(201);
    const events = await api.store.readStream(REGION_STREAM);
    expect(events.map((event) => [event.type, (event.data as { parts?: unknown }).parts])).toEqual([
      ['SalesTargetSet', undefined],
      ['SalesTargetSplit', parts],
    ]);
  });

  it("gives the reps' scorecards their parts and the region's monthly report the parts' sum", async () => {
    const read = async (path: string, who = people.manager) =>
      api.at('2026-05-02T02:00:00.000Z', async () =>
        api.call('GET', path, { actor: who, headers: { 'x-min-position': String(await api.store.headPosition()) } }),
      );
    type Plan = { plan: { group: string; period: string; target: number; splitTotal: number | null }[] };
    const plan = (body: Plan) => body.plan.map((r) => [r.group, r.period, r.target, r.splitTotal]);
    const scorecard = await read('/reports/reps/rep-2/scorecard?month=2026-04', people.otherRep);
    expect([scorecard.status, plan(scorecard.body as Plan)]).toEqual([200, [['rep-2', '2026-Q2', 20_000, null]]]);
    const monthly = await read('/reports/sales/monthly?month=2026-04&groupBy=region', people.eastManager);
    expect([monthly.status, plan(monthly.body as Plan)]).toEqual([200, [['east', '2026-Q2', 30_000, 30_000]]]);
    expect(plan((await read('/reports/sales/monthly?month=2026-04&groupBy=region', westManager)).body as Plan)).toEqual(
      [],
    );
  });

  it("makes a split month target the reps' target in the monthly report, the scorecard and the league table", async () => {
    const region = { period: '2026-03', scope: 'region', scopeId: 'east', amount: 9_000, currency: 'CNY' };
    expect((await api.call('POST', '/targets', { actor: people.manager, body: region })).status).toBe(201);
    const march = [
      { repId: 'rep-1', amount: 3_000 },
      { repId: 'rep-2', amount: 6_000 },
    ];
    expect((await split({ period: '2026-03', parts: march })).status).toBe(201);
    const read = async (path: string) =>
      (
        await api.call('GET', path, {
          actor: people.manager,
          headers: { 'x-min-position': String(await api.store.headPosition()) },
        })
      ).body;
    type Row = { group: string; currencies: { target: number | null }[] };
    const monthly = (await read('/reports/sales/monthly?month=2026-03&groupBy=rep')) as { rows: Row[] };
    expect(monthly.rows.map((r) => [r.group, r.currencies.map((c) => c.target)])).toEqual([
      ['rep-1', [3_000]],
      ['rep-2', [6_000]],
    ]);
    const card = (await read('/reports/reps/rep-2/scorecard?month=2026-03')) as { rows: Row[] };
    expect(card.rows.map((r) => r.currencies.map((c) => c.target))).toEqual([[6_000]]);
    const table = (await read('/reports/rankings?period=2026-03&metric=attainment&scope=east')) as {
      rows: { rep_id: string; target: number | null }[];
    };
    expect(table.rows.map((r) => [r.rep_id, r.target])).toEqual([
      ['rep-1', 3_000],
      ['rep-2', 6_000],
    ]);
  });

  it('is in the OpenAPI document with its body: the region and the parts', async () => {
    const document = await api.call('GET', '/docs/openapi.json');
    const operation = document.body.paths['/targets/splits']?.post;
    expect(operation?.requestBody?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/SplitSalesTarget',
    });
    const schema = document.body.components.schemas.SplitSalesTarget;
    expect(operation?.tags).toEqual(['targets']);
    expect(schema?.required).toEqual(expect.arrayContaining(['region', 'parts']));
    expect(Object.keys(schema?.properties?.parts?.items?.properties ?? {})).toEqual(['repId', 'amount']);
  });
});
