// Explicit exports: generic helper names (evolve, decide, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './events.js';
export { ACTION_MANAGERS } from './access.js';
export { improvementActionDecider } from './decide.js';
export type { ImprovementActionError, ImprovementActionErrorCode } from './errors.js';
export type { ActionStatus, ImprovementActionState, OpenedImprovementAction, NoAction } from './state.js';
