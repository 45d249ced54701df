// Explicit exports: generic helper names (evolve, decide, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './events.js';
export { competitorDecider } from './decide.js';
export type { CompetitorError, CompetitorErrorCode } from './errors.js';
export type { CompetitorState } from './state.js';
