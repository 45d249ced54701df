import type Database from 'better-sqlite3';
import type { ReportScope } from '../model/report-filter.js';
import { scopeParams } from '../model/scope-sql.js';
import { groupExpression, SCOPE_CONDITION, stillOpenAt, type CollectionsGroupBy } from './collections-sql.js';
import { prepared } from '../runner/statements.js';

/** The month's bounds: first and last business date and its number of days. */
export interface MonthBounds {
  readonly start: string;
  readonly end: string;
  readonly days: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** First and last day and length of a month `YYYY-MM`; throws a RangeError on anything else. */
export function monthBounds(month: string): MonthBounds {
  const match = MONTH.exec(month);
  if (match === null) throw new RangeError(`"${month}" is not a month YYYY-MM`);
  const days = new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate();
  return { start: `${month}-01`, end: `${month}-${String(days).padStart(2, '0')}`, days };
}

/** Sums of one group and currency over a month (minor units). */
export interface SummaryRead {
  readonly group: string;
  readonly currency: string;
  readonly opened: number;
  readonly credited: number;
  readonly paid: number;
  readonly reversed: number;
  readonly written_off: number;
  readonly opening_ar: number;
  readonly closing_ar: number;
  readonly closing_current_ar: number;
  readonly due: number;
  readonly collected_on_due: number;
}

/**
 * Per installment of a receivable issued by the month's end and not settled before the month (`open_until`: the
 * others have nothing outstanding and nothing moving from the month's start on, so every sum of theirs is 0): `before`
 * = what moved it before the month; in-month movements by kind, summed through the movements' index per installment.
 * `due`/`collected_on_due` are exactly the KPI's due-based parts (kpi/monthly-sales.sql.ts): over installments due by
 * the month's end, outstanding at the month's start less credit notes and write-offs in the month, and payments less
 * reversals on them in the month.
 */
const SQL = (group: string): string => `SELECT grp AS "group", currency,
    SUM(CASE WHEN issue_date >= @start THEN amount ELSE 0 END) AS opened, SUM(credited) AS credited, SUM(paid) AS paid,
    SUM(reversed) AS reversed, SUM(written_off) AS written_off,
    SUM(CASE WHEN issue_date < @start THEN amount - before ELSE 0 END) AS opening_ar,
    SUM(amount - before - (paid - reversed + credited + written_off)) AS closing_ar,
    SUM(CASE WHEN due_date >= @end THEN amount - before - (paid - reversed + credited + written_off) ELSE 0 END) AS closing_current_ar,
    SUM(CASE WHEN due_date <= @end THEN amount - before - credited - written_off ELSE 0 END) AS due,
    SUM(CASE WHEN due_date <= @end THEN paid - reversed ELSE 0 END) AS collected_on_due
  FROM (SELECT ${group} AS grp, i.currency AS currency, i.amount AS amount, i.due_date AS due_date, r.issue_date AS issue_date,
      COALESCE(SUM(CASE WHEN m.business_date < @start THEN m.paid - m.reversed + m.credited + m.written_off END), 0) AS before,
      COALESCE(SUM(CASE WHEN m.business_date >= @start THEN m.paid END), 0) AS paid,
      COALESCE(SUM(CASE WHEN m.business_date >= @start THEN m.reversed END), 0) AS reversed,
      COALESCE(SUM(CASE WHEN m.business_date >= @start THEN m.credited END), 0) AS credited,
      COALESCE(SUM(CASE WHEN m.business_date >= @start THEN m.written_off END), 0) AS written_off
    FROM kpi_installments i JOIN collection_receivables r ON r.receivable_id = i.receivable_id
      LEFT JOIN kpi_installment_movements m ON m.receivable_id = i.receivable_id AND m.installment_no = i.installment_no AND m.business_date <= @end
    WHERE ${stillOpenAt('@start')} AND r.issue_date <= @end AND ${SCOPE_CONDITION}
    GROUP BY i.receivable_id, i.installment_no)
  GROUP BY grp, currency ORDER BY grp, currency`;

/** Reads the month's sums per group and currency; groups where every sum is 0 are left out. */
export function readSummary(
  db: Database.Database,
  groupBy: CollectionsGroupBy,
  bounds: MonthBounds,
  scope: ReportScope | undefined,
): SummaryRead[] {
  const rows = prepared(db, SQL(groupExpression(groupBy))).all({
    start: bounds.start,
    end: bounds.end,
    ...scopeParams(scope),
  }) as SummaryRead[];
  return rows.filter((r) => Object.values(r).some((v) => typeof v === 'number' && v !== 0));
}
