import { z } from 'zod';

/** A target's period: a month `YYYY-MM`, a quarter `YYYY-Qn` or a year `YYYY`. */
export const TargetPeriod = z
  .string({ message: 'period must be a text' })
  .regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'period must be a month YYYY-MM, a quarter YYYY-Qn or a year YYYY');
export type TargetPeriod = z.infer<typeof TargetPeriod>;

/** What a target counts: booked sales, collected sales (payments received) or new customers (a count, not money). */
export const TargetMeasure = z.enum(['booked', 'collected', 'newCustomers'], {
  message: 'measure must be booked, collected or newCustomers',
});
export type TargetMeasure = z.infer<typeof TargetMeasure>;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The months of a period, first to last: one for a month, three for a quarter, twelve for a year. */
export function periodMonths(period: TargetPeriod): readonly string[] {
  const year = period.slice(0, 4);
  if (period.length === 7 && period[5] !== 'Q') return [period];
  const first = period.length === 4 ? 1 : (Number(period.slice(6)) - 1) * 3 + 1;
  const count = period.length === 4 ? 12 : 3;
  return Array.from({ length: count }, (_, i) => `${year}-${pad(first + i)}`);
}
