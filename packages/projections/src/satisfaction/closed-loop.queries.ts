import type Database from 'better-sqlite3';
import { ratio } from '../model/ratio.js';
import { prepared } from '../runner/statements.js';

/** The closed loop of a group of answers: follow-ups opened by its unhappy answers, closed, and customers recovered. */
export interface ClosedLoopFigure {
  /** Follow-ups opened (answers with NPS 0-6 or CSAT 1-2). */
  readonly opened: number;
  readonly closed: number;
  readonly recovered: number;
  /** closed / opened; `null` without follow-ups. */
  readonly rate: number | null;
  /** recovered / closed; `null` with none closed. */
  readonly recoveryRate: number | null;
  /** Mean hours from opening to closing of the closed ones, to 0.1 h; `null` with none closed. */
  readonly meanHoursToClose: number | null;
}

interface ClosedLoopSums {
  readonly grp: string | null;
  readonly opened: number;
  readonly closed: number;
  readonly recovered: number;
  readonly hours: number | null;
}

/** The parameters a satisfaction figure is filtered by (the same for its sums, its closed loop and its answers). */
export interface AnswerWhere {
  readonly from: string;
  readonly to: string;
  readonly repId: string | null;
  readonly region: string | null;
  readonly surveyPeriod: string | null;
}

/** The SQL condition on `satisfaction_answers` of {@link AnswerWhere}. */
export const ANSWER_WHERE = `responded_on BETWEEN @from AND @to
  AND (@repId IS NULL OR rep_id = @repId) AND (@region IS NULL OR region = @region)
  AND (@surveyPeriod IS NULL OR survey_period = @surveyPeriod)`;

const figure = (sums: ClosedLoopSums): ClosedLoopFigure => ({
  opened: sums.opened,
  closed: sums.closed,
  recovered: sums.recovered,
  rate: ratio(sums.closed, sums.opened),
  recoveryRate: ratio(sums.recovered, sums.closed),
  meanHoursToClose: sums.closed === 0 || sums.hours === null ? null : Math.round((sums.hours / sums.closed) * 10) / 10,
});

/** An empty closed loop (a group without unhappy answers). */
export const NO_CLOSED_LOOP: ClosedLoopFigure = figure({ grp: null, opened: 0, closed: 0, recovered: 0, hours: null });

/**
 * The closed loop of the answers in range, by group (`group` is an SQL expression over `satisfaction_answers`,
 * the same as the satisfaction figures use), keyed by the group's value (`null` as the key `''` would collide, so kept as `null`).
 */
export function closedLoopByGroup(
  db: Database.Database,
  group: string,
  where: AnswerWhere,
): Map<string | null, ClosedLoopFigure> {
  const sql = `SELECT ${group} AS grp,
      SUM(follow_up <> 'none') AS opened, SUM(follow_up = 'closed') AS closed, SUM(COALESCE(recovered, 0)) AS recovered,
      SUM(CASE WHEN follow_up = 'closed' THEN (julianday(closed_at) - julianday(opened_at)) * 24 END) AS hours
    FROM satisfaction_answers WHERE ${ANSWER_WHERE} AND follow_up <> 'none' GROUP BY grp`;
  const rows = prepared(db, sql).all(where) as ClosedLoopSums[];
  return new Map(rows.map((row) => [row.grp, figure(row)]));
}
