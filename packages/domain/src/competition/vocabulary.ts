import { z } from 'zod';
import { ID_PATTERN, RegionId } from '../shared/ids.js';
import { addDays, type IsoDate } from '../shared/time.js';

/** Id of a competition, chosen by the sales manager who sets it up (e.g. `q2-east-2026`); stream `competition-<id>`. */
export const CompetitionId = z
  .string()
  .regex(ID_PATTERN, 'must be 1-64 characters: letters, digits, ".", "_" or "-", starting with a letter or digit')
  .brand<'CompetitionId'>();
export type CompetitionId = z.infer<typeof CompetitionId>;

/** What a competition ranks reps by: the league table metrics. */
export const COMPETITION_METRICS = ['attainment', 'collected', 'collectionRate', 'csat'] as const;
/** One of {@link COMPETITION_METRICS}. */
export const CompetitionMetric = z.enum(COMPETITION_METRICS, {
  message: `must be one of ${COMPETITION_METRICS.join(', ')}`,
});
export type CompetitionMetric = z.infer<typeof CompetitionMetric>;

const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/** A month `YYYY-MM`, a quarter `YYYY-Qn` or a year `YYYY`, in the years 1900-2999. */
export const CompetitionPeriod = z
  .string()
  .regex(PERIOD, 'must be a month YYYY-MM, a quarter YYYY-Qn or a year YYYY')
  .refine(
    (period) => Number(period.slice(0, 4)) >= 1900 && Number(period.slice(0, 4)) <= 2999,
    'must be in the years 1900-2999',
  );
export type CompetitionPeriod = z.infer<typeof CompetitionPeriod>;

/** Who competes: the reps of one region, or every rep (`all`). */
export const CompetitionScope = z.union([z.literal('all'), RegionId]);
export type CompetitionScope = z.infer<typeof CompetitionScope>;

/**
 * The first and last business days of a competition period.
 * @example periodDays('2026-Q2') // { startsOn: '2026-04-01', endsOn: '2026-06-30' }
 */
export function periodDays(period: string): { readonly startsOn: IsoDate; readonly endsOn: IsoDate } {
  const [, year = '', month, quarter] = PERIOD.exec(period) ?? [];
  const first = month !== undefined ? Number(month) : quarter !== undefined ? (Number(quarter) - 1) * 3 + 1 : 1;
  const months = month !== undefined ? 1 : quarter !== undefined ? 3 : 12;
  const startsOn = `${year}-${String(first).padStart(2, '0')}-01`;
  const next =
    first + months > 12 ? `${Number(year) + 1}-01-01` : `${year}-${String(first + months).padStart(2, '0')}-01`;
  return { startsOn, endsOn: addDays(next, -1) };
}
