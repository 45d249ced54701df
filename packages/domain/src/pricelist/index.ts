// Explicit exports: generic helper names (evolve, decide, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './events.js';
export * from './applicability.js';
export { PRICING_ROLES } from './access.js';
export { priceListDecider } from './decide.js';
export type { PriceListError, PriceListErrorCode } from './errors.js';
export type { NoPriceList, PriceList, PriceListFacts, PriceListState } from './state.js';
