import { projectionKit } from '../testing/projection-kit.js';
import { promotionsProjection } from './promotions.projection.js';
import { queryPromotions } from './promotions.queries.js';

const AT = '2026-02-20T02:00:00Z';
const drafted = (
  id: string,
  regions: string[],
  benefit: Record<string, unknown>,
  startsOn = '2026-03-01',
  endsOn = '2026-03-31',
) => ({
  type: 'PromotionDrafted',
  at: AT,
  data: {
    promotionId: id,
    name: id,
    currency: 'CNY',
    startsOn,
    endsOn,
    coverage: { skus: ['A'], categories: [], segments: [], regions },
    benefit,
    budget: null,
    draftedBy: 'an-1',
    drafterRole: 'market_analyst',
    draftedAt: AT,
  },
});
const approved = (id: string) => ({
  type: 'PromotionApproved',
  at: AT,
  data: { promotionId: id, approvedBy: 'sm-1', approvedAt: AT },
});
const ended = (id: string, endsOn: string, wasApproved: boolean) => ({
  type: 'PromotionEnded',
  at: AT,
  data: {
    promotionId: id,
    endsOn,
    previousEndsOn: '2026-03-31',
    wasApproved,
    reason: 'r',
    endedBy: 'sm-1',
    endedAt: AT,
  },
});

describe('promotions read model', () => {
  it('keeps status, benefit and the last day, and scopes regional promotions to their region', () => {
    const kit = projectionKit([promotionsProjection]);
    kit.given('promotion-p-all', [
      drafted('p-all', [], { kind: 'percent_off', percentBp: 1_000 }),
      approved('p-all'),
      ended('p-all', '2026-03-10', true),
    ]);
    kit.given('promotion-p-east', [drafted('p-east', ['east'], { kind: 'fixed_price', unitPrice: 900 }, '2026-03-05')]);
    kit.given('promotion-p-west', [
      drafted('p-west', ['west'], { kind: 'fixed_price', unitPrice: 800 }),
      ended('p-west', '2026-03-02', false),
    ]);
    const db = kit.readModels();
    const lag = () => 0;
    const pick = (filter: Parameters<typeof queryPromotions>[2]) =>
      queryPromotions(db, lag, filter).rows.map((r) => [
        r.promotion_id,
        r.status,
        r.ends_on,
        r.benefit,
        r.percent_bp ?? r.fixed_price,
        r.approved_by,
      ]);

    expect(pick({})).toEqual([
      ['p-all', 'approved', '2026-03-10', 'percent_off', 1_000, 'sm-1'],
      ['p-west', 'withdrawn', '2026-03-02', 'fixed_price', 800, null],
      ['p-east', 'draft', '2026-03-31', 'fixed_price', 900, null],
    ]);
    expect(pick({ scope: { region: 'east' } }).map((r) => r[0])).toEqual(['p-all', 'p-east']);
    expect(pick({ scope: { repId: 'rep-3' }, repRegion: 'west' }).map((r) => r[0])).toEqual(['p-all', 'p-west']);
    expect(pick({ on: '2026-03-11' }).map((r) => r[0])).toEqual(['p-east']);
    expect(pick({ status: 'approved' }).map((r) => r[0])).toEqual(['p-all']);
  });
});
