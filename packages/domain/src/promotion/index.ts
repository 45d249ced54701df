// Explicit exports: generic helper names (evolve, decide, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './events.js';
export * from './pricing.js';
export { PROMOTION_APPROVERS, PROMOTION_ROLES } from './access.js';
export { promotionDecider } from './decide.js';
export type { PromotionError, PromotionErrorCode } from './errors.js';
export type { NoPromotion, Promotion, PromotionFacts, PromotionState } from './state.js';
