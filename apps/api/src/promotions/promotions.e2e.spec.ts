import { actor, startTestApi, type TestApi } from '../testing/test-app.js';

// Promotions over HTTP: drafted by analysts and managers (a regional manager for their region alone), approved by a
// sales manager only, ended early; the list per role.
const analyst = actor('an-1', 'market_analyst');
const sm = actor('sm-1', 'sales_manager');
const rmEast = actor('rm-east', 'regional_manager', 'east');
const rep1 = actor('rep-1', 'sales_rep', 'east');
const rep3 = actor('rep-3', 'sales_rep', 'west');

let api: TestApi;
const post = (path: string, body: unknown, who = analyst) => api.call('POST', path, { actor: who, body });
const draft = (promotionId: string, regions: string[] = [], extra: object = {}) => ({
  promotionId,
  name: `Promotion ${promotionId}`,
  currency: 'CNY',
  startsOn: '2026-03-01',
  endsOn: '2026-03-31',
  coverage: { categories: ['电机'], regions },
  benefit: { kind: 'percent_off', percentBp: 1_000 },
  budget: 5_000_000,
  ...extra,
});
const list = async (who: typeof sm, query = '') =>
  (
    await api.call('GET', `/promotions${query}`, {
      actor: who,
      headers: { 'x-min-position': String(await api.store.headPosition()) },
    })
  ).body;

beforeAll(async () => {
  api = await startTestApi();
}, 60_000);
afterAll(() => api.close());

describe('promotions', () => {
  it('are drafted by an analyst and approved by a sales manager, not by the analyst', async () => {
    expect((await post('/promotions', draft('spring'))).status).toBe(201);
    const selfApproved = await post('/promotions/spring/approval', {});
    expect([selfApproved.status, selfApproved.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    expect((await post('/promotions/spring/approval', {}, sm)).status).toBe(201);
    const answer = await list(sm, '?on=2026-03-15&status=approved');
    expect(answer.rows).toEqual([
      {
        promotion_id: 'spring',
        name: 'Promotion spring',
        currency: 'CNY',
        starts_on: '2026-03-01',
        ends_on: '2026-03-31',
        status: 'approved',
        benefit: 'percent_off',
        percent_bp: 1_000,
        fixed_price: null,
        budget: 5_000_000,
        skus: [],
        categories: ['电机'],
        segments: [],
        regions: [],
        drafted_by: 'an-1',
        approved_by: 'sm-1',
      },
    ]);
  });

  it('let a regional manager draft for their own region only, and never approve', async () => {
    expect((await post('/promotions', draft('east-only', ['east']), rmEast)).status).toBe(201);
    const wide = await post('/promotions', draft('too-wide', ['east', 'west']), rmEast);
    expect([wide.status, wide.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    const approve = await post('/promotions/east-only/approval', {}, rmEast);
    expect(approve.status).toBe(403);
    await post(
      '/promotions',
      draft('west-only', ['west'], { benefit: { kind: 'fixed_price', unitPrice: 700_000 } }),
      sm,
    );
  });

  it('end early within their period, and refuse bad input with nothing written', async () => {
    expect((await post('/promotions/spring/end', { endsOn: '2026-03-10', reason: 'budget moved' }, sm)).status).toBe(
      201,
    );
    const before = await api.store.headPosition();
    const late = await post('/promotions/spring/end', { endsOn: '2026-04-10', reason: 'x' }, sm);
    expect([late.status, late.body.code]).toEqual([409, 'PROMOTION_END_OUT_OF_RANGE']);
    const nothing = await post('/promotions', { ...draft('empty'), coverage: { regions: [] } });
    expect(nothing.status).toBe(400);
    const backwards = await post('/promotions', draft('backwards', [], { endsOn: '2026-02-01' }));
    expect(backwards.status).toBe(400);
    const missing = await post('/promotions/nope/approval', {}, sm);
    expect([missing.status, missing.body.code]).toEqual([404, 'PROMOTION_NOT_FOUND']);
    expect(await api.store.headPosition()).toBe(before);
  });

  it('are listed to each role in its scope', async () => {
    const ids = async (who: typeof sm) =>
      (await list(who)).rows.map((row: { promotion_id: string }) => row.promotion_id);
    expect(await ids(sm)).toEqual(['east-only', 'spring', 'west-only']);
    expect(await ids(rmEast)).toEqual(['east-only', 'spring']);
    expect(await ids(rep1)).toEqual(['east-only', 'spring']);
    expect(await ids(rep3)).toEqual(['spring', 'west-only']);
    expect((await list(sm, '?on=2026-03-15')).rows.map((row: { promotion_id: string }) => row.promotion_id)).toEqual([
      'east-only',
      'west-only',
    ]);
  });
});
