import type Database from 'better-sqlite3';
import { readReport, type LagOf } from '../runner/report.js';
import type { ReportResult } from '../runner/status.js';
import type { ReportScope } from '../model/report-filter.js';
import { scopeCondition, scopeParams } from '../model/scope-sql.js';
import type { LateAdjustmentRow } from './late-adjustments.projection.js';

/**
 * The late adjustments counted in `month` (posted into it from closed months), in the reader's scope, by the day
 * they count on, then stream and revision.
 */
export function queryLateAdjustments(
  db: Database.Database,
  lagOf: LagOf,
  filter: { readonly month: string; readonly scope?: ReportScope },
): ReportResult<LateAdjustmentRow> {
  const sql = `SELECT stream_name, revision, event_type, posted_on, posted_month, dated_on, rep_id, region, currency, amount FROM late_adjustments
    WHERE posted_month = @month AND ${scopeCondition()}
    ORDER BY posted_on, stream_name, revision`;
  const params = { month: filter.month, ...scopeParams(filter.scope) };
  return readReport(db, 'late_adjustments', lagOf, () => db.prepare(sql).all(params) as LateAdjustmentRow[]);
}
