/** A ranking period: a month `YYYY-MM`, a quarter `YYYY-Qn` or a year `YYYY`. */
export const RANKING_PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/**
 * The business months a ranking period covers, in order.
 * @example periodMonths('2026-Q2') // ['2026-04', '2026-05', '2026-06']
 */
export function periodMonths(period: string): string[] {
  const match = RANKING_PERIOD.exec(period);
  if (match === null) throw new RangeError(`"${period}" is neither a month YYYY-MM, a quarter YYYY-Qn nor a year YYYY`);
  const [, year = '', month, quarter] = match;
  if (month !== undefined) return [`${year}-${month}`];
  const first = quarter === undefined ? 1 : (Number(quarter) - 1) * 3 + 1;
  const count = quarter === undefined ? 12 : 3;
  return Array.from({ length: count }, (_, i) => `${year}-${String(first + i).padStart(2, '0')}`);
}
