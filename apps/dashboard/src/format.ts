/** Amounts in minor units shown in major units with two decimals (CNY and USD both have two). */
export const money = (minor: number | null): string =>
  minor === null ? '—' : (minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A ratio 0..1 as a percentage with one decimal; `null` (no denominator) as a dash. */
export const percent = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

/** A plain number; `null` as a dash. */
export const plain = (value: number | null, digits = 0): string =>
  value === null ? '—' : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Milliseconds as hours with one decimal. */
export const hours = (ms: number | null): string => (ms === null ? '—' : `${(ms / 3_600_000).toFixed(1)} h`);

/** The month `YYYY-MM` shifted by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, m - 1 + delta, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The last day `YYYY-MM-DD` of a month. */
export function lastDayOf(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
