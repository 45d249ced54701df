import { IsoDate } from '@salesbook/domain';
import { businessInstantOf } from '@salesbook/projections';

// Imports ask for the same few hundred dates again and again.
const instants = new Map<string, string>();

/**
 * The instant (ISO UTC) of `hour`:00 on business date `date` in `zone`. Imported rows carry dates only;
 * their events happen at noon of that date, a time every zone has on every day (no daylight-saving gap),
 * so the business date of the event is the row's date.
 */
export function businessInstant(date: string, zone: string, hour = 12): string {
  const key = `${zone} ${date} ${hour}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  const iso = new Date(businessInstantOf(date, zone, hour)).toISOString();
  instants.set(key, iso);
  return iso;
}

/** Whether `text` is a calendar date `YYYY-MM-DD` that exists (month 13 or 30 February are not; nor is 2016-13-45, which `Date` cannot even print). */
export const isCalendarDate = (text: string): boolean => IsoDate.safeParse(text).success;
