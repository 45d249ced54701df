import type Database from 'better-sqlite3';
import type { ReportScope } from '../model/report-filter.js';
import { readReport, type LagOf } from '../runner/report.js';
import { prepared } from '../runner/statements.js';
import type { ReportResult } from '../runner/status.js';
import type { EvaluationRow } from './evaluations.projection.js';

/** Filters of the evaluation history: the reader's scope, and a rep, a year `YYYY` or one quarter `YYYY-Qn`. */
export interface EvaluationFilter {
  readonly scope?: ReportScope;
  readonly repId?: string;
  readonly year?: string;
  readonly quarter?: string;
}

/** Evaluations in the scope (a rep their own, a regional manager their region's), newest quarter first, then by rep. */
export function queryEvaluations(
  db: Database.Database,
  lagOf: LagOf,
  filter: EvaluationFilter,
): ReportResult<EvaluationRow> {
  const params = {
    scopeRep: filter.scope?.repId ?? null,
    region: filter.scope?.region ?? null,
    repId: filter.repId ?? null,
    year: filter.year ?? null,
    quarter: filter.quarter ?? null,
  };
  return readReport(
    db,
    'evaluations',
    lagOf,
    () =>
      prepared(
        db,
        `SELECT * FROM evaluations
       WHERE (@scopeRep IS NULL OR rep_id = @scopeRep) AND (@region IS NULL OR region = @region) AND (@repId IS NULL OR rep_id = @repId)
         AND (@year IS NULL OR substr(quarter, 1, 4) = @year) AND (@quarter IS NULL OR quarter = @quarter)
       ORDER BY quarter DESC, rep_id`,
      ).all(params) as EvaluationRow[],
  );
}
