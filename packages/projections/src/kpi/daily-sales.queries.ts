import type Database from 'better-sqlite3';
import { scopeCondition } from '../model/scope-sql.js';
import type { ReportResult } from '../runner/status.js';
import { readReport, type LagOf } from '../runner/report.js';
import type { DailySalesRow } from './daily-sales.projection.js';
import { prepared } from '../runner/statements.js';

/** Filters of the daily sales query; dates are business dates `YYYY-MM-DD`, inclusive. */
export interface DailySalesFilter {
  readonly from: string;
  readonly to: string;
  readonly repId?: string;
  readonly region?: string;
}

/**
 * Daily sales rows between two business dates, ordered by date, rep, region and currency, with the
 * checkpoint position they were read at and the projection's lag.
 */
export function queryDailySales(
  db: Database.Database,
  lagOf: LagOf,
  filter: DailySalesFilter,
): ReportResult<DailySalesRow> {
  return readReport(
    db,
    'daily_sales',
    lagOf,
    () =>
      prepared(
        db,
        `SELECT * FROM daily_sales
         WHERE business_date BETWEEN @from AND @to AND ${scopeCondition()}
         ORDER BY business_date, rep_id, region, currency`,
      ).all({
        from: filter.from,
        to: filter.to,
        repId: filter.repId ?? null,
        region: filter.region ?? null,
      }) as DailySalesRow[],
  );
}
