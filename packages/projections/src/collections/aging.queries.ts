import type Database from 'better-sqlite3';
import { readJoinedReport } from '../kpi/kpi-report.js';
import type { ReportScope } from '../model/report-filter.js';
import { scopeParams } from '../model/scope-sql.js';
import type { LagOf } from '../runner/report.js';
import type { ReportResult } from '../runner/status.js';
import {
  checkDate,
  COLLECTIONS_SOURCES,
  groupExpression,
  MOVED_AS_OF,
  SCOPE_CONDITION,
  stillOpenAt,
  type CollectionsGroupBy,
} from './collections-sql.js';
import { prepared } from '../runner/statements.js';

/** Filter of the aging report. */
export interface AgingFilter {
  /** The business date D the receivables are aged at (end of that day). */
  readonly asOf: string;
  readonly groupBy: CollectionsGroupBy;
  readonly scope?: ReportScope;
}

/**
 * Outstanding of one group and currency as of D, by days past due at D (D - due date): `current` (not yet
 * past due), 1-30, 31-60, 61-90 and over 90; minor units.
 */
export interface AgingRow {
  readonly as_of: string;
  readonly group_by: CollectionsGroupBy;
  readonly group: string;
  readonly currency: string;
  readonly current: number;
  readonly days_1_30: number;
  readonly days_31_60: number;
  readonly days_61_90: number;
  readonly days_over_90: number;
  readonly total: number;
  /** Installments with something outstanding at D. */
  readonly installments: number;
}

type Read = Omit<AgingRow, 'as_of' | 'group_by'>;

const bucket = (low: number, high: number | null): string =>
  `SUM(CASE WHEN days >= ${low}${high === null ? '' : ` AND days <= ${high}`} THEN outstanding ELSE 0 END)`;

function readAging(db: Database.Database, filter: AgingFilter): Read[] {
  // Installments settled by D (open_until before D) have nothing outstanding at D: only the others are read.
  const sql = `SELECT grp AS "group", currency, SUM(CASE WHEN days <= 0 THEN outstanding ELSE 0 END) AS current,
      ${bucket(1, 30)} AS days_1_30, ${bucket(31, 60)} AS days_31_60, ${bucket(61, 90)} AS days_61_90, ${bucket(91, null)} AS days_over_90,
      SUM(outstanding) AS total, COUNT(*) AS installments
    FROM (SELECT ${groupExpression(filter.groupBy)} AS grp, i.currency AS currency,
        CAST(julianday(@asOf) - julianday(i.due_date) AS INTEGER) AS days,
        i.amount - ${MOVED_AS_OF} AS outstanding
      FROM kpi_installments i JOIN collection_receivables r ON r.receivable_id = i.receivable_id
      WHERE ${stillOpenAt('@asOf')} AND r.issue_date <= @asOf AND ${SCOPE_CONDITION})
    WHERE outstanding > 0
    GROUP BY grp, currency ORDER BY grp, currency`;
  return prepared(db, sql).all({ asOf: filter.asOf, ...scopeParams(filter.scope) }) as Read[];
}

/**
 * Aging as of any business date D: each installment's outstanding at the end of D, reconstructed from its dated
 * movements (payments, reversals, credit notes and write-offs up to D, so a past D ignores later payments and a
 * payment reversed after D still counts as paid at D), bucketed by days past due at D, per group and currency.
 * Receivables issued after D are not there yet.
 * @example queryAging(db, lagOf, { asOf: '2026-04-30', groupBy: 'rep', scope: { region: 'east' } })
 */
export function queryAging(db: Database.Database, lagOf: LagOf, filter: AgingFilter): ReportResult<AgingRow> {
  checkDate(filter.asOf);
  const result = readJoinedReport(db, COLLECTIONS_SOURCES, lagOf, () => readAging(db, filter));
  return {
    rows: result.report.map((r) => ({ as_of: filter.asOf, group_by: filter.groupBy, ...r })),
    position: result.position,
    lag: result.lag,
  };
}
