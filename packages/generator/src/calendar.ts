import type { IsoDate, IsoDateTime } from '@salesbook/domain';
import type { Random } from './random.js';

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;
/** Milliseconds in an hour. */
export const HOUR_MS = 3_600_000;

/**
 * Office hours in UTC: 01:00 to 10:00, i.e. 09:00 to 18:00 in Asia/Shanghai (UTC+8, no daylight saving),
 * so the business date of every office-hours instant is its UTC date in both zones.
 */
const OFFICE_START_MS = 1 * HOUR_MS;
const OFFICE_LENGTH_MS = 9 * HOUR_MS;

/** Midnight UTC of a date, in epoch milliseconds. */
export const dayMs = (date: IsoDate): number => Date.parse(`${date}T00:00:00.000Z`);

/** The UTC date of an instant given in epoch milliseconds. */
export const dateOfMs = (ms: number): IsoDate => new Date(ms - (ms % DAY_MS)).toISOString().slice(0, 10);

/** An instant in epoch milliseconds as ISO 8601 UTC (`2025-03-04T02:15:00.000Z`). */
export const isoOf = (ms: number): IsoDateTime => new Date(ms).toISOString();

/** The business date of an instant (office hours keep it the UTC date; see {@link OFFICE_START_MS}). */
export const businessDateOf = (instant: IsoDateTime): IsoDate => instant.slice(0, 10);

/** `date` plus `days` calendar days. */
export const plusDays = (date: IsoDate, days: number): IsoDate => dateOfMs(dayMs(date) + days * DAY_MS);

/** Monday to Friday. */
export const isBusinessDay = (date: IsoDate): boolean => {
  const weekday = new Date(dayMs(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/** The business day `count` business days after `date` (0: `date` itself if it is one, else the next). */
export function plusBusinessDays(date: IsoDate, count: number): IsoDate {
  let day = date;
  while (!isBusinessDay(day)) day = plusDays(day, 1);
  for (let left = count; left > 0;) {
    day = plusDays(day, 1);
    if (isBusinessDay(day)) left -= 1;
  }
  return day;
}

/** The month `YYYY-MM` of a date. */
export const monthOf = (date: IsoDate): string => date.slice(0, 7);

/** `month` plus `count` months. */
export function plusMonths(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The business days of a month, in order. */
export function businessDaysOf(month: string): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = `${month}-01`; monthOf(day) === month; day = plusDays(day, 1)) if (isBusinessDay(day)) days.push(day);
  return days;
}

/** A random office-hours instant of `date`, whole seconds, in epoch milliseconds. */
export const officeInstant = (random: Random, date: IsoDate): number =>
  dayMs(date) + OFFICE_START_MS + random.int(0, OFFICE_LENGTH_MS / 1000 - 1) * 1000;

/** A random office-hours instant of the business day `count` business days after `date`. */
export const officeInstantAfter = (random: Random, date: IsoDate, count: number): number =>
  officeInstant(random, plusBusinessDays(date, count));

/** The quarter `YYYY-Qn` of a month. */
export const quarterOf = (month: string): string =>
  `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
