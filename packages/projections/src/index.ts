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
export { ProjectionRunner, type RunnerOptions } from './runner/runner.js';
export * from './runner/status.js';
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
export * from './complaints/complaints.projection.js';
export * from './complaints/complaint-figures.js';
export * from './complaints/complaints.queries.js';
export * from './collections/collections.tables.js';
export * from './collections/collections.projection.js';
export { COLLECTIONS_SOURCES, type CollectionsGroupBy } from './collections/collections-sql.js';
export * from './collections/aging.queries.js';
export { monthBounds, type MonthBounds } from './collections/summary.sql.js';
export * from './collections/summary.queries.js';
export * from './catalog.js';
