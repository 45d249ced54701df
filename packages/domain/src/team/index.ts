// Explicit exports: generic helper names (evolve, decide, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './events.js';
export { accessFacts, namedRepOf } from './access-facts.js';
export { teamDecider, TEAM_DATE_TOLERANCE_DAYS, type TeamError, type TeamErrorCode } from './decide.js';
export { currentSpell, spellOn, standingOn, type Spell, type TeamState } from './state.js';
