import type Database from 'better-sqlite3';
import { scopeCondition } from '../model/scope-sql.js';
import { ratio } from '../model/ratio.js';
import { prepared } from '../runner/statements.js';
import { overdueBefore } from './follow-ups.queries.js';

/** The closed loop of a group of answers: follow-ups opened by its unhappy answers, closed, and customers recovered. */
export interface ClosedLoopFigure {
  /** Follow-ups opened (answers with NPS 0-6 or CSAT 1-2). */
  readonly opened: number;
  readonly closed: number;
  readonly recovered: number;
  /** Follow-ups still open now (opened - closed). */
  readonly open: number;
  /** Open follow-ups past their due date on the as-of date; `null` when the query was given no as-of date. */
  readonly overdue: number | null;
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
  readonly open: number;
  readonly overdue: number | null;
  readonly hours: number | null;
}

/** The business date open follow-ups are judged overdue on, and the business days each one is given. */
export interface FollowUpsDue {
  readonly today: string;
  readonly businessDays: number;
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
  AND ${scopeCondition()}
  AND (@surveyPeriod IS NULL OR survey_period = @surveyPeriod)`;

const figure = (sums: ClosedLoopSums): ClosedLoopFigure => ({
  opened: sums.opened,
  closed: sums.closed,
  recovered: sums.recovered,
  open: sums.open,
  overdue: sums.overdue,
  rate: ratio(sums.closed, sums.opened),
  recoveryRate: ratio(sums.recovered, sums.closed),
  meanHoursToClose: sums.closed === 0 || sums.hours === null ? null : Math.round((sums.hours / sums.closed) * 10) / 10,
});

const empty = { grp: null, opened: 0, closed: 0, recovered: 0, open: 0, hours: null };
/** An empty closed loop (a group without unhappy answers) of a query given no as-of date. */
export const NO_CLOSED_LOOP: ClosedLoopFigure = figure({ ...empty, overdue: null });
/** An empty closed loop of a query given an as-of date: none overdue. */
export const noClosedLoop = (due: FollowUpsDue | undefined): ClosedLoopFigure =>
  due === undefined ? NO_CLOSED_LOOP : figure({ ...empty, overdue: 0 });

/**
 * The closed loop of the answers in range, by group (`group` is an SQL expression over `satisfaction_answers`,
 * the same as the satisfaction figures use), keyed by the group's value (`null` as the key `''` would collide, so kept as `null`).
 * With `due`, the open follow-ups past their due date on `due.today` are counted as overdue, as the work lists judge them.
 */
export function closedLoopByGroup(
  db: Database.Database,
  group: string,
  where: AnswerWhere,
  due?: FollowUpsDue,
): Map<string | null, ClosedLoopFigure> {
  const sql = `SELECT ${group} AS grp,
      SUM(follow_up <> 'none') AS opened, SUM(follow_up = 'closed') AS closed, SUM(COALESCE(recovered, 0)) AS recovered,
      SUM(follow_up = 'open') AS open,
      SUM(CASE WHEN follow_up = 'open' AND COALESCE(opened_on, responded_on) < @overdueBefore THEN 1 ELSE 0 END) AS overdue,
      SUM(CASE WHEN follow_up = 'closed' THEN (julianday(closed_at) - julianday(opened_at)) * 24 END) AS hours
    FROM satisfaction_answers WHERE ${ANSWER_WHERE} AND follow_up <> 'none' GROUP BY grp`;
  const overdue = due === undefined ? null : overdueBefore(due.today, due.businessDays);
  const rows = prepared(db, sql).all({ ...where, overdueBefore: overdue }) as ClosedLoopSums[];
  return new Map(rows.map((row) => [row.grp, figure({ ...row, overdue: due === undefined ? null : row.overdue })]));
}
