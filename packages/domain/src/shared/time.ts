import { z } from 'zod';

/** An instant as ISO 8601 in UTC (`2026-03-31T09:30:00Z`, fractional seconds allowed). */
export const IsoDateTime = z.iso.datetime({ offset: false });
export type IsoDateTime = z.infer<typeof IsoDateTime>;

/** A calendar date `YYYY-MM-DD` (a business date, e.g. a due date or a promised delivery date). */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

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
