/**
 * @salesbook/projections: read models in SQLite as pure functions of events, the runner that feeds them
 * from the event store's subscription (checkpoints, dead letters, rebuild and swap, digests) and report queries.
 */
export * from './model/business-time.js';
export { decodeEvent } from './model/decode.js';
export * from './model/projection.js';
export * from './model/ratio.js';
export * from './model/report-filter.js';
export * from './model/table.js';
export type { ParkedEvent } from './runner/dead-letters.js';
export type { ReadModelDigest } from './runner/digest.js';
export {
  ProjectionRunner,
  type ProjectionHost,
  type ProjectionMirror,
  type RunnerOptions,
} from './runner/runner.js';
export {
  ProjectionThread,
  serveProjectionRunner,
  type ProjectionThreadOptions,
  type ServeOptions,
} from './runner/thread.js';
export * from './runner/status.js';
export { openReadModels } from './runner/read-model-file.js';
export { nextOutage, retryDelay, type Outage, type RetryPolicy } from './runner/supervision.js';
export type { BatchOutcome, RetryOutcome } from './runner/table-set.js';
export { readReport, type LagOf } from './runner/report.js';
export * from './kpi/daily-sales.projection.js';
export * from './kpi/daily-sales.queries.js';
export * from './kpi/business-days.js';
export * from './kpi/kpi-report.js';
export type { SalesGroupBy } from './kpi/kpi-sql.js';
export * from './kpi/sales-targets.projection.js';
export * from './kpi/sales-monthly.tables.js';
export * from './kpi/sales-monthly.projection.js';
export * from './kpi/fulfilment.tables.js';
export * from './kpi/fulfilment.projection.js';
export * from './kpi/receivables-kpi.tables.js';
export * from './kpi/receivables-kpi.projection.js';
export * from './kpi/daily-sales-report.queries.js';
export * from './kpi/comparison.js';
export * from './kpi/monthly-sales.queries.js';
export * from './kpi/rep-scorecard.queries.js';
export * from './customers/customer-directory.projection.js';
export * from './customers/customer-directory.queries.js';
export * from './customers/stale-profiles.queries.js';
export * from './satisfaction/satisfaction.projection.js';
export * from './satisfaction/satisfaction-figures.js';
export * from './satisfaction/satisfaction.queries.js';
export * from './satisfaction/satisfaction-answers.tables.js';
export * from './satisfaction/closed-loop.queries.js';
export * from './satisfaction/follow-ups.queries.js';
export * from './complaints/complaints.projection.js';
export * from './complaints/complaint-figures.js';
export * from './complaints/complaints.queries.js';
export * from './collections/collections.tables.js';
export * from './collections/collections.projection.js';
export { COLLECTIONS_SOURCES, type CollectionsGroupBy } from './collections/collections-sql.js';
export * from './collections/aging.queries.js';
export { monthBounds, type MonthBounds } from './collections/summary.sql.js';
export * from './collections/summary.queries.js';
export * from './collections/collection-rate.queries.js';
export * from './collections/promise-status.js';
export * from './collections/overdue.queries.js';
export * from './worklists/index.js';
export * from './pricing/products.projection.js';
export * from './pricing/products.queries.js';
export * from './pricing/price-lists.projection.js';
export * from './pricing/price-lists.queries.js';
export * from './pricing/promotions.projection.js';
export * from './pricing/promotions.queries.js';
export * from './pricing/promotion-budgets.js';
export * from './pricing/pricing-facts.queries.js';
export * from './pricing/margins.queries.js';
export * from './pricing/price-realisation.queries.js';
export * from './pricing/promotion-effect.queries.js';
export * from './pricing/promotion-forecast.queries.js';
export * from './kpi/plan-attainment.queries.js';
export * from './supervision/supervision.tables.js';
export * from './supervision/supervision.projection.js';
export * from './supervision/supervision.queries.js';
export * from './alerts/alerts.queries.js';
export * from './alerts/webhook-subscriptions.projection.js';
export * from './catalog.js';
export * from './periods/late-adjustments.projection.js';
export * from './periods/late-adjustments.queries.js';
export * from './commissions/commissions.projection.js';
export * from './commissions/commission-statement.js';
export * from './commissions/commissions.queries.js';
export * from './commissions/statement-approvals.js';
export * from './satisfaction/satisfaction-answers.queries.js';
export * from './surveys/campaign-population.queries.js';
export * from './surveys/campaign-answers.queries.js';
export * from './surveys/campaign-coverage.queries.js';
export * from './surveys/campaign-figures.js';
export * from './surveys/survey-campaigns.projection.js';
export * from './surveys/survey-campaigns.tables.js';
export * from './rankings/period.js';
export * from './rankings/league-table.js';
export * from './rankings/rankings.queries.js';
export * from './forecasts/submitted-forecasts.projection.js';
export * from './forecasts/submitted-forecasts.queries.js';
export * from './pipeline/pipeline.tables.js';
export * from './pipeline/pipeline.projection.js';
export * from './pipeline/pipeline.queries.js';
export * from './forecast/seasonal-model.js';
export * from './forecast/decomposition.js';
export * from './forecast/seasonality.js';
export * from './forecast/theta.js';
export * from './forecast/naive-comparison.js';
export * from './forecast/months.js';
export * from './forecast/plan-sources.js';
export * from './forecast/forecast-bookings.projection.js';
export * from './forecast/forecast.queries.js';
export * from './forecast/accuracy.queries.js';
export * from './rankings/competitions.projection.js';
export * from './evaluations/evaluations.projection.js';
export * from './evaluations/evaluations.queries.js';
export * from './market/market.projection.js';
export * from './market/market-share.queries.js';
export * from './market/competitor-prices.queries.js';
export * from './actions/improvement-actions.projection.js';
export * from './actions/improvement-actions.queries.js';
