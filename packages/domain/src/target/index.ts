// Explicit exports: generic helper names (evolve, decide, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './events.js';
export * from './period.js';
export { targetDecider } from './decide.js';
export type { TargetError, TargetErrorCode } from './errors.js';
export type { NoTarget, SalesTarget, TargetState } from './state.js';
