import type Database from 'better-sqlite3';
import type { ReportScope } from '../model/report-filter.js';
import { readReport, type LagOf } from '../runner/report.js';
import { prepared } from '../runner/statements.js';
import type { ReportResult } from '../runner/status.js';
import type { ImprovementActionRow } from './improvement-actions.projection.js';

/** Filters of the actions report: the reader's scope, the business date that decides "overdue", a department, a status. */
export interface ImprovementActionFilter {
  readonly scope?: ReportScope;
  readonly today: string;
  readonly department?: string;
  readonly status?: string;
}

/** An action with whether it is overdue (still open or in progress after its due date) and by how many days. */
export type ImprovementActionReportRow = ImprovementActionRow & {
  readonly overdue: boolean;
  readonly days_overdue: number;
};

/**
 * Actions in the scope (a rep the ones they own, a regional manager their region's), by department, overdue ones first
 * (most days overdue first), then by due date.
 */
export function queryImprovementActions(
  db: Database.Database,
  lagOf: LagOf,
  filter: ImprovementActionFilter,
): ReportResult<ImprovementActionReportRow> {
  const params = {
    owner: filter.scope?.repId ?? null,
    region: filter.scope?.region ?? null,
    department: filter.department ?? null,
    status: filter.status ?? null,
    today: filter.today,
  };
  const rows = () =>
    prepared(
      db,
      `SELECT *, CASE WHEN status IN ('open', 'in_progress') AND due_on < @today
                      THEN CAST(julianday(@today) - julianday(due_on) AS INTEGER) ELSE 0 END AS days_overdue
       FROM improvement_actions
       WHERE (@owner IS NULL OR owner_id = @owner) AND (@region IS NULL OR region = @region)
         AND (@department IS NULL OR department = @department) AND (@status IS NULL OR status = @status)
       ORDER BY department, days_overdue > 0 DESC, days_overdue DESC, due_on, action_id`,
    ).all(params) as (ImprovementActionRow & { days_overdue: number })[];
  return readReport(db, 'improvement_actions', lagOf, () =>
    rows().map((row) => ({ ...row, overdue: row.days_overdue > 0 })),
  );
}
