// Explicit exports: generic helper names (evolve, decide, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './events.js';
export { nextMonthStart, periodDecider, type PeriodError, type PeriodErrorCode } from './decide.js';
export { checkMonthOpen, countsOn, postLateFacts, type PeriodFacts, type WithPeriods } from './late-facts.js';
export { closedMonths, isClosed, type MonthClose, type PeriodsState, type ReopeningRequest } from './state.js';
