import type Database from 'better-sqlite3';
import { readJoinedReport } from '../kpi/kpi-report.js';
import { ratio } from '../model/ratio.js';
import type { ReportScope } from '../model/report-filter.js';
import type { LagOf } from '../runner/report.js';
import type { ReportResult } from '../runner/status.js';
import { COLLECTIONS_SOURCES, type CollectionsGroupBy } from './collections-sql.js';
import { monthBounds, readSummary, type MonthBounds, type SummaryRead } from './summary.sql.js';

/** Filter of the collections summary. */
export interface CollectionsSummaryFilter {
  /** Business month `YYYY-MM`. */
  readonly month: string;
  readonly groupBy: CollectionsGroupBy;
  readonly scope?: ReportScope;
}

/** Collections of one group and currency in a month; money in minor units, ratios 0..1 at 4 decimals, null on a zero denominator. */
export interface CollectionsSummaryRow {
  readonly month: string;
  readonly group_by: CollectionsGroupBy;
  readonly group: string;
  readonly currency: string;
  /** Days N of the month (for DSO). */
  readonly days_in_period: number;
  /** Receivables opened (by issue date) less credit notes (by credit date); also the credit sales of DSO and CEI. */
  readonly invoiced: number;
  readonly credited: number;
  /** Payments (by received date) less reversals (by reversal date). */
  readonly collected: number;
  readonly written_off: number;
  /** Outstanding at the end of the day before the month, and at the end of its last day. */
  readonly opening_ar: number;
  readonly closing_ar: number;
  /** Closing outstanding not past due at the month's last day. */
  readonly closing_current_ar: number;
  /** Due-based collection rate (the KPI of record): collected_on_due / amount_due. */
  readonly collection_rate: number | null;
  readonly amount_due: number;
  readonly collected_on_due: number;
  /** Revenue-based collection rate: (invoiced - (closing AR - opening AR)) / invoiced. */
  readonly revenue_based_collection_rate: number | null;
  /** Days sales outstanding: closing AR / invoiced * N (days, 4 decimals). */
  readonly dso_days: number | null;
  /** Collection effectiveness index in percent: (opening + invoiced - closing) / (opening + invoiced - closing current) * 100. */
  readonly cei_percent: number | null;
}

function figures(
  month: string,
  groupBy: CollectionsGroupBy,
  bounds: MonthBounds,
  r: SummaryRead,
): CollectionsSummaryRow {
  const invoiced = r.opened - r.credited;
  const collectedOrLost = r.opening_ar + invoiced - r.closing_ar;
  return {
    month,
    group_by: groupBy,
    group: r.group,
    currency: r.currency,
    days_in_period: bounds.days,
    invoiced,
    credited: r.credited,
    collected: r.paid - r.reversed,
    written_off: r.written_off,
    opening_ar: r.opening_ar,
    closing_ar: r.closing_ar,
    closing_current_ar: r.closing_current_ar,
    collection_rate: ratio(r.collected_on_due, r.due),
    amount_due: r.due,
    collected_on_due: r.collected_on_due,
    revenue_based_collection_rate: ratio(invoiced - (r.closing_ar - r.opening_ar), invoiced),
    dso_days: ratio(r.closing_ar * bounds.days, invoiced),
    cei_percent: ratio(collectedOrLost * 100, r.opening_ar + invoiced - r.closing_current_ar),
  };
}

/**
 * Collections summary of a business month per group and currency: invoiced, collected, written off, opening and
 * closing receivables, the due-based collection rate (docs/reports.md, same parts as the monthly sales report's),
 * the revenue-based rate, DSO and CEI. Write-offs and credit notes reduce the amount due and are never collected;
 * a reversal subtracts in the month it is dated.
 * @example queryCollectionsSummary(db, lagOf, { month: '2026-04', groupBy: 'region' })
 */
export function queryCollectionsSummary(
  db: Database.Database,
  lagOf: LagOf,
  filter: CollectionsSummaryFilter,
): ReportResult<CollectionsSummaryRow> {
  const bounds = monthBounds(filter.month);
  const result = readJoinedReport(db, COLLECTIONS_SOURCES, lagOf, () =>
    readSummary(db, filter.groupBy, bounds, filter.scope),
  );
  return {
    rows: result.report.map((r) => figures(filter.month, filter.groupBy, bounds, r)),
    position: result.position,
    lag: result.lag,
  };
}
