import { IsoDate } from '@salesbook/domain';

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (zone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formatters.set(zone, formatter);
  }
  return formatter;
};

/** Minutes `zone` is ahead of UTC at `instantMs`. */
function offsetMinutes(instantMs: number, zone: string): number {
  const parts = formatterFor(zone)
    .formatToParts(new Date(instantMs))
    .reduce<Record<string, number>>((all, part) => ({ ...all, [part.type]: Number(part.value) }), {});
  const local = Date.UTC(parts['year'] ?? 0, (parts['month'] ?? 1) - 1, parts['day'] ?? 1, parts['hour'] ?? 0, parts['minute'] ?? 0);
  return Math.round((local - Math.floor(instantMs / 60_000) * 60_000) / 60_000);
}

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
  const wall = Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  let instant = wall - offsetMinutes(wall, zone) * 60_000;
  instant = wall - offsetMinutes(instant, zone) * 60_000;
  const iso = new Date(instant).toISOString();
  instants.set(key, iso);
  return iso;
}

/** The last millisecond of business date `date` in `zone`: "as of 31 March" is everything up to its end. */
export function endOfBusinessDay(date: string, zone: string): string {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return new Date(Date.parse(businessInstant(next, zone, 0)) - 1).toISOString();
}

/** Whether `text` is a calendar date `YYYY-MM-DD` that exists (month 13 or 30 February are not; nor is 2016-13-45, which `Date` cannot even print). */
export const isCalendarDate = (text: string): boolean => IsoDate.safeParse(text).success;
