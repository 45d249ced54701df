// Explicit exports: generic helper names (evolve, decide, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './events.js';
export * from './vocabulary.js';
export { competitionDecider, type CompetitionError, type CompetitionErrorCode } from './decide.js';
export type { CompetitionState } from './state.js';
