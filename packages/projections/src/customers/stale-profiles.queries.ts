import type Database from 'better-sqlite3';
import { daysBetween } from '@salesbook/domain';
import type { ReportScope } from '../model/report-filter.js';
import { scopeCondition, scopeParams } from '../model/scope-sql.js';
import { readReport, type LagOf } from '../runner/report.js';
import type { ReportResult } from '../runner/status.js';
import { prepared } from '../runner/statements.js';

/** Months without a profile review after which a profile is stale, unless configured otherwise. */
export const DEFAULT_STALE_PROFILE_MONTHS = 12;

/** Filters of the stale-profile report. */
export interface StaleProfilesFilter {
  /** The business date `YYYY-MM-DD` the report is as of (the caller passes today; projections read no clock). */
  readonly asOf: string;
  /** Months without review that make a profile stale (default 12). */
  readonly months?: number;
  readonly scope?: ReportScope;
}

/** A customer whose profile was last reviewed at least `months` months before the report's date. */
export interface StaleProfile {
  readonly customerId: string;
  readonly companyName: string;
  readonly region: string;
  readonly segment: string;
  readonly ownerRepId: string;
  /** Business date of the latest review on or before `asOf` (registration is the first review). */
  readonly lastReviewedOn: string;
  /** `lastReviewedOn` plus `months` months: the date the next review was due. */
  readonly reviewDueOn: string;
  readonly daysSinceReview: number;
}

/**
 * `date` plus `months` calendar months; a day past the end of the target month is clamped to its last
 * day (2025-01-31 + 1 month = 2025-02-28).
 */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

type Candidate = {
  customer_id: string;
  company_name: string;
  region: string;
  segment: string;
  owner_rep_id: string;
  last_reviewed_on: string;
};

/**
 * Customers active on `asOf` (registered on or before it, not deactivated on or before it) whose latest
 * profile review on or before `asOf` is at least `months` months old: `lastReviewedOn + months <= asOf`.
 * Reviews after `asOf` are ignored, so the report can be asked for any past date. Region, segment and
 * owner rep are the current ones (the scope a rep or regional manager sees today). Ordered by the
 * oldest review first, then customer id.
 */
export function queryStaleProfiles(
  db: Database.Database,
  lagOf: LagOf,
  filter: StaleProfilesFilter,
): ReportResult<StaleProfile> {
  const months = filter.months ?? DEFAULT_STALE_PROFILE_MONTHS;
  if (!Number.isInteger(months) || months < 1)
    throw new RangeError(`months must be a positive whole number, not ${months}`);
  return readReport(db, 'customer_directory', lagOf, () => {
    const candidates = prepared(
      db,
      `SELECT d.customer_id, d.company_name, d.region, d.segment, d.owner_rep_id, MAX(r.reviewed_on) AS last_reviewed_on
         FROM customer_directory d JOIN customer_profile_reviews r ON r.customer_id = d.customer_id AND r.reviewed_on <= @asOf
         WHERE d.registered_on <= @asOf AND (d.deactivated_on IS NULL OR d.deactivated_on > @asOf)
           AND ${scopeCondition({ rep: 'd.owner_rep_id', region: 'd.region' })}
         GROUP BY d.customer_id
         ORDER BY last_reviewed_on, d.customer_id`,
    ).all({
      asOf: filter.asOf,
      ...scopeParams(filter.scope),
    }) as Candidate[];
    return candidates.flatMap((c): StaleProfile[] => {
      const reviewDueOn = addMonths(c.last_reviewed_on, months);
      if (reviewDueOn > filter.asOf) return [];
      return [
        {
          customerId: c.customer_id,
          companyName: c.company_name,
          region: c.region,
          segment: c.segment,
          ownerRepId: c.owner_rep_id,
          lastReviewedOn: c.last_reviewed_on,
          reviewDueOn,
          daysSinceReview: daysBetween(c.last_reviewed_on, filter.asOf),
        },
      ];
    });
  });
}
