import { businessDate, endOfBusinessDate } from '@salesbook/projections';

let today: { readonly zone: string; readonly minute: number; readonly date: string } | undefined;

/** The business date of `now` in `zone` (remembered for the minute: zone offsets are whole minutes). */
export const businessToday = (now: Date, zone: string): string => {
  const minute = Math.floor(now.getTime() / 60_000);
  if (today?.zone !== zone || today.minute !== minute)
    today = { zone, minute, date: businessDate(now.toISOString(), zone) };
  return today.date;
};

/** Whether business date `last` is over in `zone` at `now`. */
export const periodIsOver = (last: string, now: Date, zone: string): boolean =>
  Date.parse(endOfBusinessDate(last, zone)) < now.getTime();

/** The earlier of the end of business date `last` and `now`: the `asOf` of a report over a period that may not be over. */
export const periodAsOf = (last: string, now: Date, zone: string): string => {
  return periodIsOver(last, now, zone) ? endOfBusinessDate(last, zone) : now.toISOString();
};
