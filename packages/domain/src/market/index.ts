// Explicit exports: generic helper names (evolve, decide, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './events.js';
export { MARKET_RESEARCH_ROLES, marketResearchAccess } from './access.js';
export { marketDecider } from './decide.js';
export type { MarketError, MarketErrorCode } from './errors.js';
export { estimateKey, type MarketEstimate, type MarketState } from './state.js';
