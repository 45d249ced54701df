import { addDays } from '@salesbook/domain';

/**
 * Business time: reports bucket events by `occurredAt` in a configured zone (docs/reports.md),
 * so an order confirmed at 2026-03-31T16:30:00Z counts on 2026-04-01 in Shanghai.
 */

/** The default business time zone (`SALESBOOK_TIMEZONE`). */
export const DEFAULT_BUSINESS_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (zone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    // Throws a RangeError for an unknown zone: configuration errors surface at start-up.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
};

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

const parseInstant = (instant: string): Date => {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`"${instant}" is not an ISO 8601 instant`);
  return date;
};

/**
 * The calendar date (`YYYY-MM-DD`) of `instant` in `zone`.
 * @example businessDate('2026-03-31T16:30:00Z', 'Asia/Shanghai') // '2026-04-01'
 */
export function businessDate(instant: string, zone: string = DEFAULT_BUSINESS_ZONE): string {
  const parts = formatterFor(zone).formatToParts(parseInstant(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const year = part('year').padStart(4, '0');
  return `${year}-${part('month')}-${part('day')}`;
}

/**
 * The calendar month (`YYYY-MM`) of `instant` in `zone`.
 * @example businessMonth('2026-03-31T16:30:00Z', 'Asia/Shanghai') // '2026-04'
 */
export const businessMonth = (instant: string, zone: string = DEFAULT_BUSINESS_ZONE): string =>
  businessDate(instant, zone).slice(0, 7);

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

// Making a formatter costs far more than using one: alert queries ask for many day starts.
const clockFormatterFor = (zone: string): Intl.DateTimeFormat => {
  let formatter = clockFormatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    clockFormatters.set(zone, formatter);
  }
  return formatter;
};

/** The offset (ms) of `zone` from UTC at `instant`: wall clock there minus UTC. */
function offsetAt(instant: number, zone: string): number {
  const parts = clockFormatterFor(zone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (
    Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) -
    Math.floor(instant / 1000) * 1000
  );
}

/**
 * The instant (epoch ms) of `hour`:00 on business date `date` in `zone`.
 * @example businessInstantOf('2026-04-01', 'Asia/Shanghai', 12) // Date.parse('2026-04-01T04:00:00Z')
 */
export function businessInstantOf(date: string, zone: string = DEFAULT_BUSINESS_ZONE, hour = 0): number {
  const wall = Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  const guess = wall - offsetAt(wall, zone);
  // A second pass corrects a guess that crossed an offset change.
  return wall - offsetAt(guess, zone);
}

/**
 * The first instant (epoch ms) of business date `date` in `zone`.
 * @example startOfBusinessDate('2026-04-01', 'Asia/Shanghai') // Date.parse('2026-03-31T16:00:00Z')
 */
export const startOfBusinessDate = (date: string, zone: string = DEFAULT_BUSINESS_ZONE): number =>
  businessInstantOf(date, zone, 0);

/**
 * The last millisecond of business date `date` in `zone`, ISO 8601 UTC: "as of 31 March" is everything up to its end.
 * @example endOfBusinessDate('2026-03-31', 'Asia/Shanghai') // '2026-03-31T15:59:59.999Z'
 */
export const endOfBusinessDate = (date: string, zone: string = DEFAULT_BUSINESS_ZONE): string =>
  new Date(startOfBusinessDate(addDays(date, 1), zone) - 1).toISOString();
