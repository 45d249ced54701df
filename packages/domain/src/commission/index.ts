// Explicit exports: generic helper names (evolve, decide, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './events.js';
export { COMMISSION_PLAN_ROLES } from './access.js';
export { commissionOn, type CommissionFigures } from './calculate.js';
export { commissionPlanDecider } from './decide.js';
export type { CommissionPlanError, CommissionPlanErrorCode } from './errors.js';
export { versionInForce, type CommissionPlan, type CommissionPlansState, type CommissionPlanVersion } from './state.js';
