import type Database from 'better-sqlite3';
import { businessDateRange, type ReportScope } from '../model/report-filter.js';
import { scopeCondition, scopeParams } from '../model/scope-sql.js';
import { readReport, type LagOf } from '../runner/report.js';
import type { ReportResult } from '../runner/status.js';
import { satisfactionFigures, type SatisfactionFigures, type SatisfactionSums } from './satisfaction-figures.js';
import { satisfactionDailyTable } from './satisfaction.projection.js';
import { prepared } from '../runner/statements.js';
import {
  closedLoopByGroup,
  noClosedLoop,
  type AnswerWhere,
  type ClosedLoopFigure,
  type FollowUpsDue,
} from './closed-loop.queries.js';

/**
 * What a satisfaction report groups by: region, rep (the customer's owner rep at the time of the survey),
 * segment (at the time of the survey), period (business month of the response, `YYYY-MM`) or
 * surveyPeriod (the month the survey asks about).
 */
export type SatisfactionGroupBy = 'region' | 'rep' | 'segment' | 'period' | 'surveyPeriod';

/** Filters of the satisfaction report. */
export interface SatisfactionFilter {
  /** First business date (`YYYY-MM-DD`) or month (`YYYY-MM`) of responses, inclusive. */
  readonly from: string;
  /** Last business date or month of responses, inclusive. */
  readonly to: string;
  /** Without it, one group (`group: null`) covers every response in range. */
  readonly groupBy?: SatisfactionGroupBy;
  readonly scope?: ReportScope;
  /** Only answers to surveys about this month (`YYYY-MM`). */
  readonly surveyPeriod?: string;
  /** The as-of date and business days that make an open follow-up overdue; without it `overdue` is `null`. */
  readonly followUpsDue?: FollowUpsDue;
}

/** The figures of one group; `group` is the value of the grouping dimension (`null` when not grouped). */
export interface SatisfactionGroup extends SatisfactionFigures {
  readonly group: string | null;
  /** Follow-ups of the group's unhappy answers: opened, closed, recovered, closed-loop rate and time to close. */
  readonly closedLoop: ClosedLoopFigure;
}

/** The SQL of each grouping, over `satisfaction_daily` and `satisfaction_answers` alike. */
export const GROUP_EXPRESSION: Readonly<Record<SatisfactionGroupBy, string>> = {
  region: 'region',
  rep: 'rep_id',
  segment: 'segment',
  period: 'substr(responded_on, 1, 7)',
  surveyPeriod: 'survey_period',
};

const KEY_COLUMNS = new Set(['responded_on', 'region', 'rep_id', 'segment', 'survey_period']);
const SUMMED = Object.keys(satisfactionDailyTable.columns).filter((column) => !KEY_COLUMNS.has(column));

/** The row filter of a satisfaction figure: its business dates, the caller's scope and the survey period. */
export const answerWhere = (filter: Omit<SatisfactionFilter, 'groupBy' | 'followUpsDue'>): AnswerWhere => ({
  ...businessDateRange(filter.from, filter.to),
  ...scopeParams(filter.scope),
  surveyPeriod: filter.surveyPeriod ?? null,
});

/**
 * CSAT, NPS, item averages, key drivers and the closed loop (docs/reports.md) of the survey responses received between
 * two business dates, grouped, each figure with its n. Groups are ordered by their value; a group with
 * no responses does not appear.
 */
export function querySatisfaction(
  db: Database.Database,
  lagOf: LagOf,
  filter: SatisfactionFilter,
): ReportResult<SatisfactionGroup> {
  const group = filter.groupBy === undefined ? 'NULL' : GROUP_EXPRESSION[filter.groupBy];
  const sql = `SELECT ${group} AS grp, ${SUMMED.map((column) => `SUM(${column}) AS ${column}`).join(', ')}
    FROM satisfaction_daily
    WHERE responded_on BETWEEN @from AND @to
      AND ${scopeCondition()}
      AND (@surveyPeriod IS NULL OR survey_period = @surveyPeriod)
    GROUP BY grp HAVING SUM(responses) > 0 ORDER BY grp`;
  return readReport(db, 'satisfaction', lagOf, () => {
    const where = answerWhere(filter);
    const rows = prepared(db, sql).all(where) as Array<SatisfactionSums & { grp: string | null }>;
    const loops = closedLoopByGroup(db, group, where, filter.followUpsDue);
    return rows.map(({ grp, ...sums }) => ({
      group: grp,
      ...satisfactionFigures(sums),
      closedLoop: loops.get(grp) ?? noClosedLoop(filter.followUpsDue),
    }));
  });
}
