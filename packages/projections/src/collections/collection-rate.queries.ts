import type Database from 'better-sqlite3';
import { ratio } from '../model/ratio.js';
import type { ReportScope } from '../model/report-filter.js';
import type { CollectionsGroupBy } from './collections-sql.js';
import { monthBounds, readSummary } from './summary.sql.js';

/** Which month, grouping and role scope a collection rate is asked for. */
export interface CollectionRateFilter {
  /** Business month `YYYY-MM`. */
  readonly month: string;
  readonly groupBy: CollectionsGroupBy;
  readonly scope?: ReportScope;
}

/** The due-based collection rate (回款率) of one group and currency, with its parts in minor units. */
export interface CollectionRateRow {
  readonly group: string;
  readonly currency: string;
  /** Over installments due by the month's end: outstanding at the month's start less credit notes and write-offs in it. */
  readonly amount_due: number;
  /** Payments less reversals in the month on those installments (a reversal counts in the month it is dated). */
  readonly collected_on_due: number;
  /** `collected_on_due / amount_due`, 0..1 at 4 decimals (may be below 0 or above 1); `null` when nothing was due. */
  readonly collection_rate: number | null;
}

/**
 * The KPI of record (docs/reports.md), exactly as the collections summary computes it, for other reports to
 * reuse. It reads `kpi_installments`/`kpi_installment_movements` (receivables_kpi) and `collection_receivables`
 * (collections) without a transaction or freshness of its own: call it inside the caller's read (e.g. in
 * `readJoinedReport` with {@link COLLECTIONS_SOURCES} among its projections). Groups with nothing moving are absent.
 * @example collectionRate(db, { month: '2026-04', groupBy: 'rep', scope: { region: 'east' } })
 */
export function collectionRate(db: Database.Database, filter: CollectionRateFilter): CollectionRateRow[] {
  return readSummary(db, filter.groupBy, monthBounds(filter.month), filter.scope).map((r) => ({
    group: r.group,
    currency: r.currency,
    amount_due: r.due,
    collected_on_due: r.collected_on_due,
    collection_rate: ratio(r.collected_on_due, r.due),
  }));
}
