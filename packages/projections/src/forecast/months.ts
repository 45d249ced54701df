/** `month` (`YYYY-MM`) plus `count` months (negative: before). */
export function monthPlus(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Monthly totals as a contiguous series from the first month with bookings to the month before `endMonth`, zeros
 * filled (a group's months before its first booking are not part of its history).
 */
export function monthlySeries(
  rows: readonly { readonly month: string; readonly booked: number }[],
  endMonth: string,
): number[] {
  const byMonth = new Map(rows.map((row) => [row.month, row.booked]));
  const first = rows.find((row) => row.booked !== 0)?.month;
  if (first === undefined) return [];
  const series: number[] = [];
  for (let month = first; month < endMonth; month = monthPlus(month, 1)) series.push(byMonth.get(month) ?? 0);
  return series;
}
