import type Database from 'better-sqlite3';
import type { ReportScope } from '../model/report-filter.js';
import { readReport, type LagOf } from '../runner/report.js';
import { prepared } from '../runner/statements.js';
import type { ReportResult } from '../runner/status.js';
import type { PromotionRow } from './promotions.projection.js';

/** Filters of the promotion list: `on` keeps those running that day, `status` one status. */
export interface PromotionFilter {
  readonly scope?: ReportScope;
  /** The reader's region (a rep's), when the scope is a rep. */
  readonly repRegion?: string;
  readonly on?: string;
  readonly status?: 'draft' | 'approved' | 'withdrawn';
}

/** Promotions in the scope (company-wide ones for all; a regional one for its region), by start date and id. */
export function queryPromotions(
  db: Database.Database,
  lagOf: LagOf,
  filter: PromotionFilter,
): ReportResult<PromotionRow> {
  const region = filter.scope?.region ?? filter.repRegion ?? null;
  return readReport(
    db,
    'promotions',
    lagOf,
    () =>
      prepared(
        db,
        `SELECT * FROM promotions
       WHERE (@region IS NULL OR region = '' OR region = @region) AND (@status IS NULL OR status = @status)
         AND (@on IS NULL OR (starts_on <= @on AND ends_on >= @on))
       ORDER BY starts_on, promotion_id`,
      ).all({ region, status: filter.status ?? null, on: filter.on ?? null }) as PromotionRow[],
  );
}
