// Explicit exports: generic helper names (evolve, decide, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './events.js';
export { FORECAST_ADJUSTERS, FORECAST_SUBMITTERS } from './access.js';
export { forecastDecider } from './decide.js';
export type { ForecastError, ForecastErrorCode } from './errors.js';
export type { ForecastEntry, ForecastFigures, ForecastState } from './state.js';
