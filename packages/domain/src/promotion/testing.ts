import type { Actor } from '../shared/actors.js';
import { PromotionId, RegionId, Sku } from '../shared/ids.js';
import { Currency } from '../shared/money.js';
import { registeredDecider } from '../testing/access.js';
import { testActor as actor } from '../testing/actors.js';
import type { DraftPromotion, PromotionCommand } from './commands.js';
import { promotionDecider } from './decide.js';
import type { PromotionDraftedEvent } from './events.js';
import type { PromotionFacts } from './state.js';

/** Test data for the Promotion aggregate: a spring motor promotion, 10% off motors in March, budget 50,000.00. */
export const PROMO = PromotionId.parse('spring-motors');
export const CNY = Currency.parse('CNY');
export const EAST = RegionId.parse('east');
export const WEST = RegionId.parse('west');
export const analyst = actor('an-1', 'market_analyst');
export const salesManager = actor('sm-1', 'sales_manager');
export const eastManager = actor('rm-east', 'regional_manager', 'east');
export const rep = actor('rep-1', 'sales_rep', 'east');

/** `2026-02-<day>T09:00:00Z` */
export const at = (day: number): string => `2026-02-${String(day).padStart(2, '0')}T09:00:00Z`;

/** The promotion decider with every actor registered as their token says. */
export const registeredPromotionDecider = registeredDecider(promotionDecider);

export const draftData = (overrides: Partial<DraftPromotion> = {}): DraftPromotion => ({
  promotionId: PROMO,
  name: 'Spring motors',
  currency: CNY,
  startsOn: '2026-03-01',
  endsOn: '2026-03-31',
  coverage: { skus: [], categories: ['电机'], segments: [], regions: [] },
  benefit: { kind: 'percent_off', percentBp: 1_000 },
  budget: 5_000_000,
  ...overrides,
});
export const draft = (overrides: Partial<DraftPromotion> = {}, by: Actor = analyst): PromotionCommand => ({
  type: 'DraftPromotion',
  data: draftData(overrides),
  metadata: { actor: by, occurredAt: at(20) },
});
export const drafted = (overrides: Partial<DraftPromotion> = {}, by: Actor = analyst): PromotionDraftedEvent => {
  const { budget, ...data } = draftData(overrides);
  return {
    type: 'PromotionDrafted',
    data: { ...data, budget: budget ?? null, draftedBy: by.id, drafterRole: by.role, draftedAt: at(20) },
  };
};
export const approve = (by: Actor = salesManager): PromotionCommand => ({
  type: 'ApprovePromotion',
  data: { promotionId: PROMO },
  metadata: { actor: by, occurredAt: at(21) },
});
export const approved = (by: Actor = salesManager) => ({
  type: 'PromotionApproved' as const,
  data: { promotionId: PROMO, approvedBy: by.id, approvedAt: at(21) },
});
export const end = (endsOn: string, by: Actor = salesManager): PromotionCommand => ({
  type: 'EndPromotion',
  data: { promotionId: PROMO, endsOn, reason: 'stock ran out' },
  metadata: { actor: by, occurredAt: at(25) },
});

/** An approved promotion for the pricing functions. */
export const facts = (overrides: Partial<PromotionFacts> = {}): PromotionFacts => ({
  promotionId: PROMO,
  currency: CNY,
  startsOn: '2026-03-01',
  endsOn: '2026-03-31',
  coverage: { skus: [Sku.parse('G-7')], categories: ['电机'], segments: [], regions: [] },
  benefit: { kind: 'percent_off', percentBp: 1_000 },
  budget: null,
  approved: true,
  ...overrides,
});
