// Explicit exports: generic helper names (evolve, decide, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './events.js';
export { monthlyReportDecider, type MonthlyReportError, type MonthlyReportErrorCode } from './decide.js';
export type { MonthlyReport, MonthlyReportState } from './state.js';
