import { addDays } from '@salesbook/domain';
import { businessDate } from '@salesbook/projections';

/** The offset (ms) of `zone` from UTC at `instant`: wall clock there minus UTC. */
function offsetAt(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - Math.floor(instant / 1000) * 1000;
}

/** The first instant (epoch ms) of business date `date` in `zone`. */
function startOf(date: string, zone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  const guess = wall - offsetAt(wall, zone);
  // A second pass corrects a guess that crossed an offset change.
  return wall - offsetAt(guess, zone);
}

/** The last millisecond of business date `date` in `zone`, ISO 8601 UTC. */
export const endOfBusinessDate = (date: string, zone: string): string => new Date(startOf(addDays(date, 1), zone) - 1).toISOString();

let today: { readonly zone: string; readonly minute: number; readonly date: string } | undefined;

/** The business date of `now` in `zone` (remembered for the minute: zone offsets are whole minutes). */
export const businessToday = (now: Date, zone: string): string => {
  const minute = Math.floor(now.getTime() / 60_000);
  if (today?.zone !== zone || today.minute !== minute) today = { zone, minute, date: businessDate(now.toISOString(), zone) };
  return today.date;
};

/** Whether business date `last` is over in `zone` at `now`. */
export const periodIsOver = (last: string, now: Date, zone: string): boolean => Date.parse(endOfBusinessDate(last, zone)) < now.getTime();

/** The earlier of the end of business date `last` and `now`: the `asOf` of a report over a period that may not be over. */
export const periodAsOf = (last: string, now: Date, zone: string): string => {
  return periodIsOver(last, now, zone) ? endOfBusinessDate(last, zone) : now.toISOString();
};
