import type Database from 'better-sqlite3';
import type { ReportScope } from '../model/report-filter.js';
import { scopeCondition, scopeParams } from '../model/scope-sql.js';
import { readReport, type LagOf } from '../runner/report.js';
import { prepared } from '../runner/statements.js';
import type { ReportResult } from '../runner/status.js';

/** Which forecasts, as they stood at the end of `asOf`: months `fromMonth` to `toMonth`, in a role scope. */
export interface SubmittedForecastFilter {
  readonly asOf: string;
  readonly fromMonth: string;
  readonly toMonth: string;
  readonly scope?: ReportScope;
}

/** A rep's forecast of a month in a currency as it stood on `asOf`: the rep's latest numbers and the latest adjustment beside them. */
export type SubmittedForecastRow = {
  readonly rep_id: string;
  readonly region: string;
  readonly month: string;
  readonly currency: string;
  readonly commit_amount: number;
  readonly best_case_amount: number;
  readonly submitted_on: string;
  readonly adjusted_commit: number | null;
  readonly adjusted_best_case: number | null;
  readonly adjusted_on: string | null;
  readonly adjusted_by: string | null;
};

// Per rep x month x currency and kind, the highest revision on or before asOf (revisions order a rep's submissions in time).
const SQL = `
  WITH latest AS (
    SELECT rep_id, month, currency, kind, MAX(revision) AS revision FROM forecast_submissions
    WHERE submitted_on <= @asOf AND month BETWEEN @fromMonth AND @toMonth
      AND ${scopeCondition()}
    GROUP BY rep_id, month, currency, kind
  ),
  picked AS (SELECT f.* FROM forecast_submissions f JOIN latest l ON f.rep_id = l.rep_id AND f.revision = l.revision)
  SELECT r.rep_id, r.region, r.month, r.currency, r.commit_amount, r.best_case_amount, r.submitted_on,
         a.commit_amount AS adjusted_commit, a.best_case_amount AS adjusted_best_case, a.submitted_on AS adjusted_on, a.submitted_by AS adjusted_by
  FROM picked r LEFT JOIN picked a ON a.kind = 'adjusted' AND a.rep_id = r.rep_id AND a.month = r.month AND a.currency = r.currency
  WHERE r.kind = 'rep'
  ORDER BY r.month, r.rep_id, r.currency`;

/**
 * The submitted forecasts as they stood at the end of business date `asOf`: later submissions never show. A scope
 * narrows to a rep's own or a region's (the region the forecast was submitted in).
 */
export function submittedForecastsAsOf(
  db: Database.Database,
  filter: SubmittedForecastFilter,
): readonly SubmittedForecastRow[] {
  const { asOf, fromMonth, toMonth, scope } = filter;
  return prepared(db, SQL).all({
    asOf,
    fromMonth,
    toMonth,
    ...scopeParams(scope),
  }) as SubmittedForecastRow[];
}

/** {@link submittedForecastsAsOf} as a report answer, with the read model's position and lag. */
export function querySubmittedForecasts(
  db: Database.Database,
  lagOf: LagOf,
  filter: SubmittedForecastFilter,
): ReportResult<SubmittedForecastRow> {
  return readReport(db, 'submitted_forecasts', lagOf, () => submittedForecastsAsOf(db, filter));
}
