/**
 * Calendar arithmetic on business dates (`YYYY-MM-DD`) and months (`YYYY-MM`): pure, zone-free (a business
 * date is already in the business zone), so reports can ask for "the previous day" or "the same month last year".
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

const parts = (value: string, pattern: RegExp, what: string): number[] => {
  const match = pattern.exec(value);
  if (match === null) throw new RangeError(`"${value}" is not a ${what}`);
  return match.slice(1).map(Number);
};

/**
 * The business date `days` after `date` (negative for before).
 * @example shiftDate('2026-03-31', 1) // '2026-04-01'
 */
export function shiftDate(date: string, days: number): string {
  const [year = 0, month = 1, day = 1] = parts(date, DATE, 'date YYYY-MM-DD');
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * The month `months` after `month` (negative for before).
 * @example shiftMonth('2026-01', -1) // '2025-12'
 */
export function shiftMonth(month: string, months: number): string {
  const [year = 0, number = 1] = parts(month, MONTH, 'month YYYY-MM');
  return new Date(Date.UTC(year, number - 1 + months, 1)).toISOString().slice(0, 7);
}

/** The first and last business dates of `month`. */
export function monthDays(month: string): { readonly from: string; readonly to: string } {
  const from = `${shiftMonth(month, 0)}-01`;
  return { from, to: shiftDate(`${shiftMonth(month, 1)}-01`, -1) };
}
