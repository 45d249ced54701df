import { z } from 'zod';

/** An instant as ISO 8601 in UTC (`2026-03-31T09:30:00Z`, fractional seconds allowed). */
export const IsoDateTime = z.iso.datetime({ offset: false });
export type IsoDateTime = z.infer<typeof IsoDateTime>;

/** A calendar date `YYYY-MM-DD` (a business date, e.g. a due date or a promised delivery date). */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/** The years a business date may fall in (the years the reports accept). */
export const BUSINESS_YEARS = { from: 1900, to: 2999 } as const;

/** A business date a command names: a calendar date in {@link BUSINESS_YEARS} (stored events keep {@link IsoDate}). */
export const BusinessDate = IsoDate.refine((date) => {
  // A malformed date has its own issue already; one issue per field.
  if (!IsoDate.safeParse(date).success) return true;
  const year = Number(date.slice(0, 4));
  return year >= BUSINESS_YEARS.from && year <= BUSINESS_YEARS.to;
}, `must be a date in the years ${BUSINESS_YEARS.from}-${BUSINESS_YEARS.to}`);
export type BusinessDate = z.infer<typeof BusinessDate>;

/** A calendar month `YYYY-MM`. */
export const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
export type YearMonth = z.infer<typeof YearMonth>;

const DAY_MS = 86_400_000;
const dateMs = (date: string): number => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);

/** `date` plus `days` calendar days (pure arithmetic on the date, no clock). */
export const addDays = (date: IsoDate, days: number): IsoDate =>
  new Date(dateMs(date) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((dateMs(to) - dateMs(from)) / DAY_MS);

/** Milliseconds from instant `from` to instant `to`. */
export const millisBetween = (from: IsoDateTime, to: IsoDateTime): number => Date.parse(to) - Date.parse(from);

/** Adds `hours` to an instant. */
export const addHours = (at: IsoDateTime, hours: number): IsoDateTime =>
  new Date(Date.parse(at) + hours * 3_600_000).toISOString();

/** The calendar date (UTC) of an instant. */
export const utcDate = (at: IsoDateTime): IsoDate => at.slice(0, 10);

/**
 * How far a business date may stray from the UTC dates of the instants it is compared with: the business
 * time zone's date can be a day ahead of or behind UTC.
 */
export const BUSINESS_DATE_TOLERANCE_DAYS = 1;

/** Where a business date falls against its window: not before `notBefore`, not after the date of `now`, each within the tolerance. */
export function dateWindow(date: IsoDate, notBefore: IsoDate, now: IsoDateTime): 'before' | 'future' | 'within' {
  if (date < addDays(notBefore, -BUSINESS_DATE_TOLERANCE_DAYS)) return 'before';
  return date > addDays(utcDate(now), BUSINESS_DATE_TOLERANCE_DAYS) ? 'future' : 'within';
}
