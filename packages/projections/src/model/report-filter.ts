/**
 * Filters shared by report queries: the role scope and the business-date range of a report.
 */

/**
 * Role scope of a report: a sales rep sees only their own customers' rows (`repId`), a regional manager
 * one region (`region`); managers and analysts pass neither.
 */
export interface ReportScope {
  readonly repId?: string;
  readonly region?: string;
}

/** An inclusive range of business dates `YYYY-MM-DD`. */
export interface BusinessDateRange {
  readonly from: string;
  readonly to: string;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The business dates a report's `from`/`to` cover: dates `YYYY-MM-DD` as given, months `YYYY-MM` from
 * their first to their last day (as text bounds: `-31` sorts after every day of any month).
 * @example businessDateRange('2026-03', '2026-04') // { from: '2026-03-01', to: '2026-04-31' }
 */
export function businessDateRange(from: string, to: string): BusinessDateRange {
  const bound = (value: string, day: string): string => {
    if (DATE.test(value)) return value;
    if (MONTH.test(value)) return `${value}-${day}`;
    throw new RangeError(`"${value}" is neither a date YYYY-MM-DD nor a month YYYY-MM`);
  };
  return { from: bound(from, '01'), to: bound(to, '31') };
}
