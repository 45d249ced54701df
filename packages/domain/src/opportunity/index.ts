// Explicit exports: generic helper names (evolve, decide, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './events.js';
export { OPPORTUNITY_ROLES } from './access.js';
export { opportunityDecider } from './decide.js';
export { quotedOrder } from './quoted-order.js';
export type { OpportunityError, OpportunityErrorCode } from './errors.js';
export {
  STAGE_PROBABILITY_BP,
  type NoOpportunity,
  type Opportunity,
  type OpportunityState,
  type Quotation,
} from './state.js';
