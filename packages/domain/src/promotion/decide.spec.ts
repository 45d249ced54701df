import { deciderSpec } from '../testing/decider-spec.js';
import * as t from './testing.js';

const given = deciderSpec(t.registeredPromotionDecider);
const ended = (endsOn: string, wasApproved: boolean) => ({
  type: 'PromotionEnded' as const,
  data: {
    promotionId: t.PROMO,
    endsOn,
    previousEndsOn: '2026-03-31',
    wasApproved,
    reason: 'stock ran out',
    endedBy: t.salesManager.id,
    endedAt: t.at(25),
  },
});

describe('DraftPromotion', () => {
  it('is drafted once by an analyst or the sales manager; the same draft again is a no-op, other terms are refused', () => {
    given([]).when(t.draft()).then([t.drafted()]);
    given([])
      .when(t.draft({}, t.salesManager))
      .then([t.drafted({}, t.salesManager)]);
    given([t.drafted()]).when(t.draft()).then([]);
    given([t.drafted()])
      .when(t.draft({ benefit: { kind: 'fixed_price', unitPrice: 99 } }))
      .then('PROMOTION_ALREADY_DRAFTED');
  });
  it('lets a regional manager draft a promotion of their own region alone, nothing wider', () => {
    const east = { skus: [], categories: ['电机'], segments: [], regions: [t.EAST] };
    given([])
      .when(t.draft({ coverage: east }, t.eastManager))
      .then([t.drafted({ coverage: east }, t.eastManager)]);
    given([]).when(t.draft({}, t.eastManager)).then('FORBIDDEN_SCOPE');
    given([])
      .when(t.draft({ coverage: { ...east, regions: [t.EAST, t.WEST] } }, t.eastManager))
      .then('FORBIDDEN_SCOPE');
    given([])
      .when(t.draft({ coverage: { ...east, regions: [t.WEST] } }, t.eastManager))
      .then('FORBIDDEN_SCOPE');
  });
});

describe('ApprovePromotion', () => {
  it("is a sales manager's: a draft becomes approved; again is a no-op", () => {
    given([t.drafted()]).when(t.approve()).then([t.approved()]);
    given([t.drafted(), t.approved()]).when(t.approve()).then([]);
  });
  it("is not the drafter's when an analyst, nor a regional manager's even in their region", () => {
    given([t.drafted()]).when(t.approve(t.analyst)).then('PROMOTION_NOT_AUTHORIZED');
    const east = { skus: [], categories: ['电机'], segments: [], regions: [t.EAST] };
    given([t.drafted({ coverage: east }, t.eastManager)])
      .when(t.approve(t.eastManager))
      .then('PROMOTION_NOT_AUTHORIZED');
  });
  it('needs a draft that was not withdrawn', () => {
    given([]).when(t.approve()).then('PROMOTION_NOT_FOUND');
    given([t.drafted(), ended('2026-03-10', false)])
      .when(t.approve())
      .then('PROMOTION_NOT_DRAFT');
  });
});

describe('EndPromotion', () => {
  it('ends an approved promotion early, or withdraws a draft, within its period only', () => {
    given([t.drafted(), t.approved()])
      .when(t.end('2026-03-10'))
      .then([ended('2026-03-10', true)]);
    given([t.drafted()])
      .when(t.end('2026-03-10'))
      .then([ended('2026-03-10', false)]);
    given([t.drafted(), t.approved(), ended('2026-03-10', true)])
      .when(t.end('2026-03-10'))
      .then([]);
    given([t.drafted(), t.approved()]).when(t.end('2026-02-28')).then('PROMOTION_END_OUT_OF_RANGE');
    given([t.drafted(), t.approved()]).when(t.end('2026-04-01')).then('PROMOTION_END_OUT_OF_RANGE');
  });
  it("is not a rep's", () => {
    given([t.drafted()]).when(t.end('2026-03-10', t.rep)).then('FORBIDDEN_SCOPE');
  });
});
