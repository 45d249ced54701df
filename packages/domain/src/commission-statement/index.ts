// Explicit exports: generic helper names (evolve, decide, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './events.js';
export {
  commissionStatementDecider,
  type CommissionStatementError,
  type CommissionStatementErrorCode,
} from './decide.js';
export type { ApprovedStatement, CommissionStatementState } from './state.js';
